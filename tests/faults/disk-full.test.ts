/**
 * Faults met while writing, provoked by a stubbed file system (no privileges, no tmpfs): the disk fills up in
 * the middle of writing a PDF (ENOSPC from write), and permission is denied when creating a file (EACCES from
 * open). Each must be a located RP7003 / RP7002 with exit 1 and no stack; the build stops; no half-written file or
 * temporary stays; every file already there is whole and unchanged; and once the disk has room again the next build
 * finishes the job and equals a clean build. Before, each was exit 3 "internal error" with a stack.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { forgetContent } from '../../src/build/run-job.ts';
import { copyFixture, edit, run } from '../unit/cli/helpers.ts';
import { fingerprint } from './helpers.ts';

const fault = vi.hoisted(() => ({
  /** errno code to fail with, or undefined for a working disk. */
  code: undefined as string | undefined,
  /** Which call fails: a write after `allowBytes` bytes went through, or an open for writing. */
  on: 'write' as 'write' | 'open',
  allowBytes: 0,
  written: 0,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: stubbed ${syscall} failure`), { code, errno: -28, syscall });
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
    if (fault.code && fault.on === 'write') {
      const want = length ?? buffer.byteLength;
      const room = fault.allowBytes - fault.written;
      if (room <= 0) throw errno(fault.code, 'write');
      // A short write, as a filling disk gives, then the error on the next call.
      const n = Math.min(want, room);
      fault.written += n;
      return fs.writeSync(fd, buffer, offset, n);
    }
    return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, offset, length);
  }) as typeof fs.writeSync;
  const openSync = ((path: import('node:fs').PathLike, flags?: import('node:fs').OpenMode, mode?: import('node:fs').Mode) => {
    if (fault.code && fault.on === 'open' && typeof flags === 'string' && flags.includes('w')) throw errno(fault.code, 'open');
    return fs.openSync(path, flags ?? 'r', mode);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, writeSync, openSync }, writeSync, openSync };
});

const SMALL = ['build', '--edition', 'generic', '--lang', 'en,pl', '--material', 'card', '--jobs', '1'];
const STACK = /\n\s+at .+:\d+:\d+/u;

describe('fault: write errors (stubbed file system)', () => {
  it('disk full in the middle of a PDF: RP7003 naming the folder, exit 1, build stopped, nothing half-written; the next build completes it', async () => {
    const { dir } = copyFixture('content-basic');
    const out = join(dir, 'output');
    expect((await run(SMALL, dir)).code).toBe(0);
    const before = fingerprint(out);

    edit(join(dir, 'content/project.yaml'), 'PLACEHOLDER-set-your-hotline', 'PLACEHOLDER-set-your-hotlime');
    forgetContent();
    Object.assign(fault, { code: 'ENOSPC', on: 'write', allowBytes: 20_000, written: 0 });
    let full;
    try {
      full = await run(SMALL, dir);
    } finally {
      fault.code = undefined;
    }
    expect(full.code).toBe(1);
    expect(full.err).toMatch(
      /^output(\/generic(\/(en|pl))?)? {2}RP7003 {2}the disk is full \(ENOSPC\): could not write [\w-]+\.pdf in this folder; the build stopped/mu,
    );
    expect(full.err).not.toMatch(STACK);
    expect(full.err).not.toContain('internal error');
    expect(full.out).toContain('build stopped');
    // Some files were replaced before the disk filled; none is partial and no temporary remains.
    const during = fingerprint(out);
    expect([...during.keys()]).toEqual([...before.keys()]);
    expect(fault.written).toBe(20_000);

    // Room again, and the typo fixed back: the result equals a clean build, whatever the cache said meanwhile.
    edit(join(dir, 'content/project.yaml'), 'PLACEHOLDER-set-your-hotlime', 'PLACEHOLDER-set-your-hotline');
    forgetContent();
    const again = await run(SMALL, dir);
    expect(again.code).toBe(0);
    const clean = mkdtempSync(join(tmpdir(), 'rp-clean-'));
    forgetContent();
    expect((await run([...SMALL, '--out', clean], dir)).code).toBe(0);
    const skipCache = /^\.rightsprint-cache\.json$/u;
    expect(fingerprint(out, skipCache)).toEqual(fingerprint(clean, skipCache));
  });

  it('permission denied creating a file: RP7002 naming the folder, exit 1, no stack, previous files unchanged', async () => {
    const { dir } = copyFixture('content-basic');
    const out = join(dir, 'output');
    expect((await run(SMALL, dir)).code).toBe(0);
    const before = fingerprint(out);
    edit(join(dir, 'content/translations/pl.yaml'), 'Niczego nie podpisuj.\n', 'Nic nie podpisuj.\n');
    forgetContent();
    Object.assign(fault, { code: 'EACCES', on: 'open' });
    let denied;
    try {
      denied = await run(SMALL, dir);
    } finally {
      fault.code = undefined;
    }
    expect(denied.code).toBe(1);
    expect(denied.err).toMatch(/^output\/generic(\/pl)? {2}RP7002 {2}cannot write [\w-]+\.pdf in this folder: permission denied \(EACCES\)/mu);
    expect(denied.err).toContain('hint: Make the folder writable for your user');
    expect(denied.err).not.toMatch(STACK);
    expect(fingerprint(out)).toEqual(before);
  });
});
