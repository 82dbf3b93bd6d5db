import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { byCodePoint, contentKey, type ContentSource } from '../content/source.ts';
import { REPO_ROOT } from './repo-root.ts';

/**
 * The Node side of the engine's seams (package.json `imports` maps `#platform` here for Node, and to
 * ./browser.ts for the web bundle): content read from a folder, shipped UI strings and fonts read from the
 * repository, the process environment. Nothing on the engine path imports a `node:*` module itself.
 */

/** A content folder on disk as a ContentSource. A key whose real path (symlinks resolved) leaves the folder reads as absent. */
export function folderSource(dir: string): ContentSource {
  const root = resolve(dir);
  const inside = (p: string, base: string) => {
    const rel = relative(base, p);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  // Each key's path, worked out once: a load asks about each file several times (size, read, outside).
  const paths = new Map<string, string | undefined>();
  const path = (key: string): string | undefined => {
    if (paths.has(key)) return paths.get(key);
    const k = contentKey(key);
    const p = k === undefined ? undefined : join(root, k);
    paths.set(key, p);
    return p;
  };
  /** What is at `p`, or undefined when nothing can be found there (as existsSync says). One system call. */
  const statOf = (p: string): Stats | undefined => {
    try {
      return statSync(p, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  const entries = (folder: string, dirs: boolean): string[] => {
    const p = folder === '' ? root : path(folder);
    if (!p || !statOf(p)?.isDirectory()) return [];
    return readdirSync(p, { withFileTypes: true })
      .filter((e) => (dirs ? e.isDirectory() : !e.isDirectory()))
      .map((e) => e.name)
      .sort(byCodePoint);
  };
  // The folder's own real path, resolved once per source: a load asks `outside` for every file it reads.
  let realRoot: string | undefined;
  /** The real path of each folder files were read from (realpathSync walks every part of a path with lstat). */
  const realFolders = new Map<string, string | undefined>();
  const realpath = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  /**
   * The real path of what is at `p` (symlinks resolved), or undefined when nothing is there: a file that is not
   * itself a link is its real folder's entry of the same name, so the folder is resolved once for all its files.
   */
  const realOf = (p: string): string | undefined => {
    let stats: Stats | undefined;
    try {
      stats = lstatSync(p, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return realpath(p);
    const folder = dirname(p);
    if (!realFolders.has(folder)) realFolders.set(folder, realpath(folder));
    const real = realFolders.get(folder);
    return real === undefined ? undefined : join(real, basename(p));
  };
  const outside = (key: string) => {
    const p = path(key);
    if (!p) return true;
    const real = realOf(p);
    return real !== undefined && !inside(real, (realRoot ??= realpathSync(root)));
  };
  const file = (key: string): Stats | undefined => {
    const p = path(key);
    const stats = p === undefined ? undefined : statOf(p);
    return stats && !stats.isDirectory() ? stats : undefined;
  };
  return {
    root,
    outside,
    exists: (key) => file(key) !== undefined,
    size: (key) => file(key)?.size,
    read: (key) => {
      const p = path(key);
      const real = p === undefined ? undefined : realOf(p);
      if (real === undefined || !inside(real, (realRoot ??= realpathSync(root)))) return undefined;
      try {
        return new Uint8Array(readFileSync(p!));
      } catch (e) {
        // A folder reads as absent; any other failure (no permission) is the caller's to report.
        if ((e as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
        throw e;
      }
    },
    list: (folder) => entries(folder, false),
    folders: (folder) => entries(folder, true),
  };
}

/** The environment (SOURCE_DATE_EPOCH). */
export function environment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

let installed: Record<string, Record<string, unknown>> | undefined;
/** Replace the shipped UI strings (as the web page does); the CLI reads locales/ instead. */
export function installUiStrings(strings: Record<string, Record<string, unknown>>): void {
  installed = strings;
}

/** The repository's locales/<lng>/ui.json files, by language. */
export function shippedUiStrings(): Record<string, Record<string, unknown>> {
  if (installed) return installed;
  const folder = join(REPO_ROOT, 'locales');
  const out: Record<string, Record<string, unknown>> = {};
  for (const lng of readdirSync(folder).sort(byCodePoint)) {
    const file = join(folder, lng, 'ui.json');
    if (existsSync(file)) out[lng] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  }
  return out;
}

/** Chunks of output as one Buffer (the CLI writes it; tests read it with Buffer methods). */
export function joinBytes(chunks: readonly Uint8Array[]): Buffer {
  return Buffer.concat(chunks);
}

/**
 * The bytes of a binary string (one byte per UTF-16 unit, its low 8 bits, as pdfkit writes its output): Node's
 * native Latin-1 encoder, which truncates each unit the same way.
 */
export function binaryStringBytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

/** SHA-256 of `data` (a string is hashed as its UTF-8 bytes): Node's native hash, several times faster than the
 * pure-JS one the browser side uses, with the same digest. */
export function sha256Digest(data: Uint8Array | string): Uint8Array {
  return createHash('sha256').update(data).digest();
}

/** SHA-256 of the UTF-8 bytes of every piece `write` gives, in order: as if of their concatenation, without building it. */
export function sha256Pieces(write: (update: (piece: string) => void) => void): Uint8Array {
  const hash = createHash('sha256');
  write((piece) => hash.update(piece));
  return hash.digest();
}

export { readFontFile } from './node-fonts.ts';
