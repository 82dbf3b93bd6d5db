import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Options for writeFileAtomic. */
export interface WriteOptions {
  /**
   * fsync the directory after the rename, so the new name survives a system crash (default true). false when the
   * caller syncs the directory itself once after many files (OutputFolder.sync; docs/architecture.md says why
   * that keeps every guarantee).
   */
  readonly syncDirectory?: boolean;
}

/**
 * writeFileAtomic: write `data` to a temporary file in the same directory (same filesystem, so rename is atomic),
 * fsync it, rename it over `path`, then fsync the directory so the rename itself survives a crash.
 * A reader sees either the previous complete file or the new complete file — never a truncated PDF on a
 * half-finished print run. On failure the temporary file is removed and the previous file is left untouched.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, options: WriteOptions = {}): void {
  const dir = dirname(path);
  // pid + a per-process counter: unique between concurrent writers, no randomness needed.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  if (options.syncDirectory !== false) syncDirectory(dir);
}

let counter = 0;

/** fsync a directory (not supported on every platform, e.g. Windows: then best effort). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Directory fsync is unavailable on some filesystems; the rename has still happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
