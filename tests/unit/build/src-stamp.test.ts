import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module shared with bin/rightsprint.mjs (no type declarations).
import { ROOT, sourceStamp } from '../../../scripts/src-stamp.mjs';

const stamp = sourceStamp as (root?: string) => string;

describe('source stamp (bin/rightsprint.mjs runs the compiled CLI only when it matches)', () => {
  it('changes when any source file is edited, added, deleted or renamed, and only then', () => {
    const root = mkdtempSync(join(tmpdir(), 'rightsprint-stamp-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    mkdirSync(join(root, 'scripts'));
    cpSync(join(ROOT as string, 'scripts', 'bundle.mjs'), join(root, 'scripts', 'bundle.mjs'));
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
    expect(stamp(root)).not.toBe(stamp(ROOT as string));
  });

  it('the real bin falls back to tsx when the bundle does not match the sources (same answer either way)', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(ROOT as string, 'bin', 'rightsprint.mjs');
    const viaTsx = spawnSync(process.execPath, [bin, '--version'], { env: { ...process.env, RIGHTSPRINT_TSX: '1' }, encoding: 'utf8' });
    const auto = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(viaTsx.status).toBe(0);
    expect(auto.stdout).toBe(viaTsx.stdout);
  });
});
