import { closeSync, fsync, fsyncSync, openSync, rename, renameSync, rmSync, writeSync } from 'node:fs';
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
  const staged = stageWrite(path, data);
  try {
    fsyncSync(staged.fd);
  } catch (e) {
    discardWrite(staged);
    throw e;
  }
  finishWrite(staged);
  if (options.syncDirectory !== false) syncDirectory(dirname(path));
}

/** A file written under its temporary name (stageWrite), not yet synced nor renamed: the first half of writeFileAtomic. */
export interface StagedWrite {
  readonly path: string;
  readonly tmp: string;
  /** Open on `tmp` until the write is committed or discarded. */
  readonly fd: number;
}

/** Writes `data` to a new temporary file beside `path` (the file at `path` is untouched). On failure nothing is left. */
export function stageWrite(path: string, data: Uint8Array | string): StagedWrite {
  // pid + a per-process counter: unique between concurrent writers, no randomness needed.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    return { path, tmp, fd };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * The second half of writeFileAtomic, off the calling thread: the temporary file's bytes are made durable (fsync)
 * and then renamed over `path` on libuv's thread pool, so a thread that has other work (the build's main thread
 * runs jobs) does not wait for the disk. The directory is not synced (the caller does it once, see WriteOptions).
 * On failure the temporary file is removed and the file at `path` is untouched.
 */
export async function commitWrite(staged: StagedWrite): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => fsync(staged.fd, (e) => (e ? reject(e) : resolve())));
  } catch (e) {
    discardWrite(staged);
    throw e;
  }
  closeSync(staged.fd);
  try {
    await new Promise<void>((resolve, reject) => rename(staged.tmp, staged.path, (e) => (e ? reject(e) : resolve())));
  } catch (e) {
    rmSync(staged.tmp, { force: true });
    throw e;
  }
}

/** Drops a staged write: the temporary file is closed and removed, the file at `path` stays as it was. */
export function discardWrite(staged: StagedWrite): void {
  try {
    closeSync(staged.fd);
  } finally {
    rmSync(staged.tmp, { force: true });
  }
}

/** Closes and renames a staged write whose bytes are synced; on failure the temporary file is removed. */
function finishWrite(staged: StagedWrite): void {
  try {
    closeSync(staged.fd);
    renameSync(staged.tmp, staged.path);
  } catch (e) {
    rmSync(staged.tmp, { force: true });
    throw e;
  }
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
