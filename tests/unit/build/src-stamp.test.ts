import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentStamp, recordStamp, ROOT, sourceStamp } from '../../../scripts/src-stamp.mjs';

const stamp = sourceStamp;
const current = currentStamp;
const record = recordStamp;

/** A tiny repository with one source file, and its stamp recorded as scripts/bundle.mjs records it. */
function recorded(takenMs: number): { root: string; file: string; statsFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'rightsprint-stamp-'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
  const file = join(root, 'src', 'cli', 'main.ts');
  writeFileSync(file, 'export const a = 1;\n');
  const statsFile = join(root, 'dist', 'bundle', 'stamp-files.json');
  writeFileSync(statsFile, record(root, takenMs).stats);
  return { root, file, statsFile };
}

/** Replaces the recorded stamp by a marker: currentStamp returns the marker only when it trusted the files' stats. */
function markRecorded(statsFile: string): string {
  const json = JSON.parse(readFileSync(statsFile, 'utf8')) as { stamp: string };
  writeFileSync(statsFile, JSON.stringify({ ...json, stamp: 'recorded' }));
  return 'recorded';
}

describe('source stamp (bin/rightsprint.mjs runs the compiled CLI only when it matches)', () => {
  it('changes when any source file is edited, added, deleted or renamed, and only then', () => {
    const root = mkdtempSync(join(tmpdir(), 'rightsprint-stamp-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    mkdirSync(join(root, 'scripts'));
    cpSync(join(ROOT, 'scripts', 'bundle.mjs'), join(root, 'scripts', 'bundle.mjs'));
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const a = 1;\n');
    const first = stamp(root);
    expect(stamp(root)).toBe(first);
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const a = 2;\n');
    const edited = stamp(root);
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'src', 'cli', 'extra.ts'), '');
    const added = stamp(root);
    expect(added).not.toBe(edited);
    rmSync(join(root, 'src', 'cli', 'extra.ts'));
    expect(stamp(root)).toBe(edited);
    rmSync(join(root, 'src', 'cli', 'main.ts'));
    writeFileSync(join(root, 'src', 'cli', 'main2.ts'), 'export const a = 2;\n');
    expect(stamp(root)).not.toBe(edited);
    const renamed = stamp(root);
    writeFileSync(join(root, 'tsconfig.json'), '{}\n');
    expect(stamp(root)).not.toBe(renamed);
    writeFileSync(join(root, 'scripts', 'bundle.mjs'), '// another bundler\n');
    expect(stamp(root)).not.toBe(stamp(ROOT));
  });

  it('changes when a bundler shim or the installed packages (compiled into the bundle) change', () => {
    const root = mkdtempSync(join(tmpdir(), 'rightsprint-stamp-'));
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'scripts', 'bundle-shims'), { recursive: true });
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'scripts', 'bundle-shims', 'shim.cjs'), 'module.exports = 1;\n');
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/x":{"version":"1.0.0"}}}\n');
    const first = stamp(root);
    writeFileSync(join(root, 'scripts', 'bundle-shims', 'shim.cjs'), 'module.exports = 2;\n');
    const shimEdited = stamp(root);
    expect(shimEdited).not.toBe(first);
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/x":{"version":"1.0.1"}}}\n');
    expect(stamp(root)).not.toBe(shimEdited);
  });

  it('the real bin falls back to tsx when the bundle does not match the sources (same answer either way)', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(ROOT, 'bin', 'rightsprint.mjs');
    const viaTsx = spawnSync(process.execPath, [bin, '--version'], { env: { ...process.env, RIGHTSPRINT_TSX: '1' }, encoding: 'utf8' });
    const auto = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(viaTsx.status).toBe(0);
    expect(auto.stdout).toBe(viaTsx.stdout);
  });

  it('currentStamp trusts the recorded stats only while every file keeps them; an edit that keeps size and mtime is still seen', () => {
    // Recorded "later" than the files were written, so they count as settled (not changed within RACY_MS).
    const { root, file, statsFile } = recorded(Date.now() + 10_000);
    expect(current(root)).toBe(stamp(root));
    const marker = markRecorded(statsFile);
    expect(current(root)).toBe(marker);
    // Same size, modification time put back: the change time (set by the system on every write) still differs.
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'export const a = 2;\n');
    utimesSync(file, atime, mtime);
    expect(current(root)).not.toBe(marker);
    expect(current(root)).toBe(stamp(root));
  });

  it('currentStamp hashes when a file or folder was added or deleted, or changed just before the stats were taken', () => {
    const settled = recorded(Date.now() + 10_000);
    const marker = markRecorded(settled.statsFile);
    expect(current(settled.root)).toBe(marker);
    writeFileSync(join(settled.root, 'src', 'cli', 'extra.ts'), '');
    expect(current(settled.root)).toBe(stamp(settled.root));
    // Removed again: the folder's times still say its entries changed, so it is hashed (same stamp as recorded).
    rmSync(join(settled.root, 'src', 'cli', 'extra.ts'));
    expect(current(settled.root)).toBe(stamp(settled.root));
    const again = recorded(Date.now() + 10_000);
    const marker2 = markRecorded(again.statsFile);
    expect(current(again.root)).toBe(marker2);
    rmSync(again.file);
    expect(current(again.root)).toBe(stamp(again.root));
    // A new folder (even an empty one) under src/ is seen through its parent's times.
    const third = recorded(Date.now() + 10_000);
    const marker3 = markRecorded(third.statsFile);
    mkdirSync(join(third.root, 'src', 'cli', 'more'));
    expect(current(third.root)).not.toBe(marker3);

    // Stats taken right after the file was written: it could change again within the same clock tick, unseen.
    const racy = recorded(Date.now());
    markRecorded(racy.statsFile);
    expect(current(racy.root)).toBe(stamp(racy.root));
  });
});
