import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
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
  const path = (key: string): string | undefined => {
    const k = contentKey(key);
    return k === undefined ? undefined : join(root, k);
  };
  const entries = (folder: string, dirs: boolean): string[] => {
    const p = folder === '' ? root : path(folder);
    if (!p || !existsSync(p) || !statSync(p).isDirectory()) return [];
    return readdirSync(p, { withFileTypes: true })
      .filter((e) => (dirs ? e.isDirectory() : !e.isDirectory()))
      .map((e) => e.name)
      .sort(byCodePoint);
  };
  // The folder's own real path, resolved once per source: a load asks `outside` for every file it reads.
  let realRoot: string | undefined;
  const outside = (key: string) => {
    const p = path(key);
    return !p || (existsSync(p) && !inside(realpathSync(p), (realRoot ??= realpathSync(root))));
  };
  const file = (key: string) => {
    const p = path(key);
    return p && existsSync(p) && !statSync(p).isDirectory() ? p : undefined;
  };
  return {
    root,
    outside,
    exists: (key) => file(key) !== undefined,
    size: (key) => {
      const p = file(key);
      return p === undefined ? undefined : statSync(p).size;
    },
    read: (key) => {
      const p = path(key);
      if (!p || !existsSync(p) || outside(key)) return undefined;
      if (statSync(p).isDirectory()) return undefined;
      return new Uint8Array(readFileSync(p));
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
