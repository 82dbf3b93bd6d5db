import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { placed, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { commitWrite, discardWrite, type StagedWrite, stageWrite, syncDirectory, writeFileAtomic } from '../platform/write-file-atomic.ts';

/**
 * The build's only way to change the output folder: create folders, write files atomically, move files. Every
 * file-system failure the user can fix (permission, read-only disk, disk full, a file where a folder belongs) comes
 * back as a located diagnostic instead of an exception; anything else is thrown (a bug, exit 3).
 */
export class OutputFolder {
  private readonly prepared = new Set<string>();
  /** Absolute folders whose entries changed (a rename) since the last `sync`. */
  private readonly unsynced = new Set<string>();

  /**
   * @param abs absolute output folder
   * @param display the output folder as the user wrote it (messages show paths under it)
   * @param syncFolder fsyncs a folder (tests count the calls)
   */
  constructor(
    readonly abs: string,
    readonly display: string,
    private readonly syncFolder: (absFolder: string) => void = syncDirectory,
  ) {}

  /** Path of `rel` (relative to the output folder) as the user would type it. */
  show(rel: string): string {
    return rel === '' ? this.display : join(this.display, rel);
  }

  /** Creates the folder `rel` (and its parents) if needed, and clears write leftovers of killed builds from it once. */
  ensureFolder(rel: string): Diagnostic | undefined {
    if (this.prepared.has(rel)) return undefined;
    const abs = join(this.abs, rel);
    try {
      if (!existsSync(abs) || !statSync(abs).isDirectory()) mkdirSync(abs, { recursive: true });
    } catch (e) {
      return this.fault(e, rel, 'create the folder');
    }
    removeDeadTemporaries(abs);
    this.prepared.add(rel);
    return undefined;
  }

  /**
   * Writes `data` to `rel` atomically (see writeFileAtomic): the previous file stays whole until the new one is.
   * The file's bytes are on disk before its new name; the folder (the name) is synced by `sync`, once per build.
   */
  write(rel: string, data: Uint8Array | string): Diagnostic | undefined {
    const folder = this.ensureFolder(dirname(rel) === '.' ? '' : dirname(rel));
    if (folder) return folder;
    const path = join(this.abs, rel);
    try {
      this.unsynced.add(dirname(path));
      writeFileAtomic(path, data, { syncDirectory: false });
      return undefined;
    } catch (e) {
      return this.fault(e, rel, 'write');
    }
  }

  /**
   * `write` in two halves, for a thread that has other work meanwhile: `stage` writes the bytes to a temporary
   * file beside `rel` now; `commit` makes them durable and renames them over `rel` off this thread (see
   * commitWrite); `discard` drops them. The file at `rel` stays whole and unchanged until its commit.
   */
  stage(rel: string, data: Uint8Array | string): { staged: StagedFile } | { fault: Diagnostic } {
    const folder = this.ensureFolder(dirname(rel) === '.' ? '' : dirname(rel));
    if (folder) return { fault: folder };
    try {
      return { staged: { rel, write: stageWrite(join(this.abs, rel), data) } };
    } catch (e) {
      return { fault: this.fault(e, rel, 'write') };
    }
  }

  /** See `stage`. Resolves to the fault met, if any (the temporary file is gone then). */
  async commit(file: StagedFile): Promise<Diagnostic | undefined> {
    try {
      this.unsynced.add(dirname(file.write.path));
      await commitWrite(file.write);
      return undefined;
    } catch (e) {
      return this.fault(e, file.rel, 'write');
    }
  }

  /** See `stage`. */
  discard(file: StagedFile): void {
    discardWrite(file.write);
  }

  /** Moves `from` to `to` (both relative), replacing `to`. */
  move(from: string, to: string): Diagnostic | undefined {
    const folder = this.ensureFolder(dirname(to));
    if (folder) return folder;
    try {
      this.unsynced.add(dirname(join(this.abs, from))).add(dirname(join(this.abs, to)));
      renameSync(join(this.abs, from), join(this.abs, to));
      return undefined;
    } catch (e) {
      return this.fault(e, from, 'move');
    }
  }

  /**
   * Makes the renames of `write` and `move` since the last call durable: one fsync per folder they changed, instead
   * of one per file (docs/architecture.md, "Writing outputs"). Best effort, like writeFileAtomic's own.
   */
  sync(): void {
    for (const folder of this.unsynced) this.syncFolder(folder);
    this.unsynced.clear();
  }

  /** A file-system error as a diagnostic naming the folder (and file), or rethrown when it is not one (a bug). */
  fault(e: unknown, rel: string, action: 'create the folder' | 'write' | 'move'): Diagnostic {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/u.test(code)) throw e;
    const folder = action === 'create the folder' ? rel : dirname(rel) === '.' ? '' : dirname(rel);
    const what = action === 'create the folder' ? 'create this folder' : `${action} ${basename(rel)} in this folder`;
    return outputFault(code, (e as Error).message, { what, folder: this.show(folder), path: this.show(rel) }, this.fileInTheWay(rel));
  }

  /** The nearest part of `rel` (itself or a parent, relative) that exists and is not a folder, if any. */
  private fileInTheWay(rel: string): string | undefined {
    for (let p = rel; ; p = dirname(p)) {
      const abs = join(this.abs, p === '.' ? '' : p);
      try {
        if (!statSync(abs).isDirectory()) return this.show(p === '.' ? '' : p);
      } catch {
        // Not there (yet): look at its parent.
      }
      if (p === '.' || p === '') break;
    }
    try {
      return statSync(this.abs).isDirectory() ? undefined : this.display;
    } catch {
      return undefined;
    }
  }
}

/** A file `OutputFolder.stage` wrote under a temporary name: `rel` once committed. */
export interface StagedFile {
  /** Relative to the output folder. */
  readonly rel: string;
  readonly write: StagedWrite;
}

/** errno codes meaning "not allowed here": fixed by permissions or another --out. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);
/** errno codes meaning "no space left": fixed by freeing space. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
/** errno codes meaning "a file is where a folder should be". */
const NOT_A_FOLDER = new Set(['ENOTDIR', 'EEXIST']);

/** What failed: `what` (e.g. "write card-press.pdf in this folder"), in `folder`; `path` the file or folder itself. */
export interface FaultPlace {
  readonly what: string;
  readonly folder: string;
  readonly path: string;
}

/**
 * The diagnostic for a file-system error code met while changing the output folder, placed at the folder (as the
 * user would type it). Pure, so every case is tested without provoking the error. `fileInTheWay`: a file found
 * where a folder is needed.
 */
export function outputFault(code: string, systemMessage: string, at: FaultPlace, fileInTheWay?: string): Diagnostic {
  const unchanged = 'Files already in the output folder are whole: an output is replaced only once its new version is completely written.';
  const elsewhere = 'Or build into another folder: rightsprint build --out <folder>.';
  if (NOT_WRITABLE.has(code)) {
    const why = code === 'EROFS' ? 'the file system is read-only' : 'permission denied';
    return placed('error', CODES.output.outputNotWritable, `cannot ${at.what}: ${why} (${code})`, at.folder, [
      code === 'EROFS'
        ? 'The disk is mounted read-only; use a folder on a writable disk.'
        : `Make the folder writable for your user (e.g. chmod -R u+w ${at.folder}).`,
      elsewhere,
      unchanged,
    ]);
  }
  if (NO_SPACE.has(code)) {
    return placed('error', CODES.output.diskFull, `the disk is full (${code}): could not ${at.what}; the build stopped`, at.folder, [
      'Free some space on that disk, then run the build again: it continues with what is missing.',
      elsewhere,
      unchanged,
    ]);
  }
  if ((NOT_A_FOLDER.has(code) && fileInTheWay) || code === 'ENOTDIR') {
    const where = fileInTheWay ?? at.folder;
    return placed('error', CODES.output.notAFolder, `${where} is a file, but rightsprint needs a folder there`, where, [
      'Move or rename that file, or choose another output folder with --out <folder>.',
    ]);
  }
  if (code === 'EISDIR') {
    return placed('error', CODES.output.notAFolder, `${at.path} is a folder, but rightsprint needs to write a file there`, at.path, [
      'Move or rename that folder.',
    ]);
  }
  return placed('error', CODES.output.outputIoError, `cannot ${at.what}: ${code} (${systemMessage})`, at.folder, [elsewhere]);
}

/** writeFileAtomic's temporary files: `.<name>.<pid>.<n>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/u;

/**
 * Removes temporary files that a killed build left in `dir` (their process is gone). A live process's files
 * (another build writing here right now) are left alone. Best effort: a leftover is hidden and harmless.
 */
export function removeDeadTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // Not ours to insist on: the file stays hidden.
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
