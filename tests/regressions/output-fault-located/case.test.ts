/**
 * Regression: a read-only output folder, permission denied, a full disk, `--out` naming a file, or a truncated or
 * missing font each ended as exit 3 "internal error (a bug…)" with a stack. They are the user's to fix: each is now
 * a diagnostic placed at the folder or font file, with a hint (exit 1; `--out` naming a file is exit 2). These are
 * the pure mappings; tests/faults/ provokes each fault for real or through a stubbed file system.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolder, outputFault } from '../../../src/build/output-fs.ts';
import { formatDiagnostic } from '../../../src/diagnostics/format.ts';
import { readManifest } from '../../../src/fonts/registry.ts';
import { readVerifiedFont } from '../../../src/platform/node-fonts.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { userDiagnostic } from '../../faults/helpers.ts';

const AT = { what: 'write card-press.pdf in this folder', folder: 'output/generic/ar', path: 'output/generic/ar/card-press.pdf' };

describe('regression: file-system and font faults are located user errors', () => {
  it.each([
    ['EACCES', 'RP7002', 'output/generic/ar  RP7002  cannot write card-press.pdf in this folder: permission denied (EACCES)'],
    ['EPERM', 'RP7002', 'permission denied (EPERM)'],
    ['EROFS', 'RP7002', 'the file system is read-only (EROFS)'],
    ['ENOSPC', 'RP7003', 'output/generic/ar  RP7003  the disk is full (ENOSPC): could not write card-press.pdf in this folder; the build stopped'],
    ['EDQUOT', 'RP7003', 'the disk is full (EDQUOT)'],
    ['EIO', 'RP7006', 'cannot write card-press.pdf in this folder: EIO (i/o error)'],
  ])('%s → %s', (errno, code, text) => {
    const d = outputFault(errno, 'i/o error', AT);
    expect(d.code).toBe(code);
    expect(d.severity).toBe('error');
    expect(d.place).toBe('output/generic/ar');
    expect(formatDiagnostic(d)).toContain(text);
    expect(d.hints.length).toBeGreaterThan(0);
  });

  it('a file where a folder belongs is found and named (RP7004); an unknown exception is rethrown, not hidden', () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-out-'));
    mkdirSync(join(root, 'generic'));
    writeFileSync(join(root, 'generic/ar'), 'a file');
    const out = new OutputFolder(root, 'output');
    const d = out.write('generic/ar/card-press.pdf', 'x')!;
    expect(formatDiagnostic(d)).toMatch(/^output\/generic\/ar {2}RP7004 {2}output\/generic\/ar is a file, but rightsprint needs a folder there/u);
    expect(() => out.fault(new TypeError('a bug'), 'generic/x.pdf', 'write')).toThrow('a bug');
  });

  it('a truncated font is RP4002 (both sha256s), a missing one RP4003, each naming fonts/<file>', () => {
    const face = readManifest().faces.find((f) => f.id === 'noto-sans-regular')!;
    const root = mkdtempSync(join(tmpdir(), 'rp-fonts-'));
    mkdirSync(join(root, 'fonts', face.file, '..'), { recursive: true });
    const missing = userDiagnostic(() => readVerifiedFont(root, face));
    expect(missing.code).toBe('RP4003');
    expect(missing.place).toBe(`fonts/${face.file}`);

    const bytes = readFileSync(join(REPO_ROOT, 'fonts', face.file));
    writeFileSync(join(root, 'fonts', face.file), bytes.subarray(0, 1000));
    const truncated = userDiagnostic(() => readVerifiedFont(root, face));
    expect(truncated.code).toBe('RP4002');
    expect(truncated.message).toContain(`the manifest says ${face.sha256.slice(0, 12)}…`);
    expect(truncated.message).toContain('(1000 bytes read)');
    expect(truncated.hints.join('\n')).toContain(`git checkout -- fonts/${face.file}`);

    writeFileSync(join(root, 'fonts', face.file), bytes);
    expect(readVerifiedFont(root, face).equals(bytes)).toBe(true);
  });
});
