// The stamp that ties the compiled CLI (dist/bundle/) to the TypeScript it was compiled from: a SHA-256 over
// the path and bytes of every file under src/ plus the bundler itself and tsconfig.json. bin/rightsprint.mjs checks it at
// every start (currentStamp: by the files' stats when none changed, else by their bytes) and runs the bundle only
// when it matches, so an
// edited, added or deleted source file can never leave an outdated bundle running: the CLI falls back to
// transpiling src/ with tsx until `npm run prepare` (also run by `npm ci`) compiles it again.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits in <root>/scripts/. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the bundle goes. Two folders below the root, like src/<area>/<file>.ts, so that the source's
 * `new URL('../../…', import.meta.url)` (REPO_ROOT, locales/languages.json) and `new URL('./worker-entry.mjs',
 * import.meta.url)` resolve to the same places from the bundle as from src/. */
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');
export const STAMP_FILE = join(BUNDLE_DIR, 'stamp.txt');
/** Written with the stamp: the stat of every stamped file (see currentStamp). */
export const STATS_FILE = join(BUNDLE_DIR, 'stamp-files.json');

/**
 * Packages scripts/bundle.mjs compiles into the bundle, with everything they import (restructure, brotli, png-js…),
 * instead of loading them from node_modules at every start. Their installed package.json files are part of the
 * stamp, and so is npm's record of every installed package (node_modules/.package-lock.json), so installing another
 * version of one of them or of anything they import makes the CLI run through tsx until the bundle is compiled
 * again, as an edited source file does.
 */
export const INLINE = [
  'yaml',
  'i18next',
  'bidi-js',
  'fflate',
  'saxes',
  '@noble/hashes',
  'pdfkit',
  'fontkit',
  'harfbuzzjs',
  'linebreak',
  'qrcode',
  'svg-to-pdfkit',
];

/** Modules scripts/bundle.mjs puts in place of some package modules: stamped like src/. */
const SHIMS = 'scripts/bundle-shims';

/** The files the stamp covers, relative to the root, in the order they are hashed; with `dirs`, the folders walked. */
function stampedFiles(root, dirs = []) {
  const files = [];
  const walk = (rel) => {
    dirs.push(rel);
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('src');
  files.push('scripts/bundle.mjs');
  // What the bundler compiles in instead of some package modules.
  if (existsSync(join(root, SHIMS))) walk(SHIMS);
  // esbuild reads compiler options from it (e.g. how class fields compile).
  files.push('tsconfig.json');
  for (const name of INLINE) files.push(`node_modules/${name}/package.json`);
  files.push('node_modules/.package-lock.json');
  return files;
}

/**
 * Hex SHA-256 over every file under src/ (sorted, relative paths and bytes), the bundler script and its shims, tsconfig.json,
 * the package.json of each INLINE package as installed and npm's list of installed packages.
 */
export function sourceStamp(root = ROOT) {
  // Loaded only here: when the stats match (every start after `npm ci`), node:crypto is not loaded at all for
  // `rightsprint --help`.
  const hash = createRequire(import.meta.url)('node:crypto').createHash('sha256');
  for (const rel of stampedFiles(root)) {
    hash
      .update(`${rel}\0`)
      .update(existsSync(join(root, rel)) ? readFileSync(join(root, rel)) : '-')
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * A file changed less than this long before its stat was recorded is never trusted by its stat: file times come from
 * a coarse clock (milliseconds on Linux, up to 2 s on some file systems), and a second write within the same tick
 * could leave size and times as recorded.
 */
const RACY_MS = 2000;

/**
 * Size, modification and change times and inode of a file or folder under `base` (the root with its final slash), '-' when it is missing or unreadable; and its
 * change time in ms. Plain (not bigint) stats: the times as ms with their sub-ms digits are exact enough to tell
 * two writes apart once the file had settled (RACY_MS) when recorded, and cost a fraction of bigint ones at start.
 */
function statOf(base, rel) {
  try {
    const s = statSync(base + rel, { throwIfNoEntry: false });
    if (s !== undefined) return { sig: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, ctimeMs: s.ctimeMs };
  } catch {
    // Unreadable (a file where a folder is expected, no permission): as missing.
  }
  return { sig: '-', ctimeMs: 0 };
}

/** The stat signature of each path (see statOf). */
function fileStats(root, paths) {
  const base = root.endsWith('/') ? root : `${root}/`;
  return Object.fromEntries(paths.map((rel) => [rel, statOf(base, rel).sig]));
}

/**
 * Computes the stamp and records, beside it, each file's stat as it was before hashing (scripts/bundle.mjs writes
 * both). `takenMs`: when the stats were taken (a test passes a later time to make fresh files look settled).
 */
export function recordStamp(root = ROOT, takenMs = Date.now()) {
  const dirs = [];
  const files = stampedFiles(root, dirs);
  const stats = { dirs: fileStats(root, dirs), files: fileStats(root, files) };
  const stamp = sourceStamp(root);
  return { stamp, stats: `${JSON.stringify({ stamp, takenMs, ...stats })}\n` };
}

/**
 * The stamp of the sources as they are now, as sourceStamp computes it, but without reading them when nothing
 * changed: when every folder walked under src/ and every stamped file has exactly the size, modification and change
 * time and inode recorded when the stamp was computed, and had not changed for RACY_MS before, the recorded stamp is
 * returned. The change time is set by the system on every write and cannot be set back by a program, so a file
 * edited in place keeps none of its recorded stat; a folder's times change whenever an entry is added, removed or
 * renamed in it, so unchanged folders mean the same list of files, without listing them (even entries changed and
 * changed back are hashed). Anything else: the full hash.
 */
export function currentStamp(root = ROOT) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(root, 'dist', 'bundle', 'stamp-files.json'), 'utf8'));
  } catch {
    return sourceStamp(root);
  }
  const { stamp, takenMs, dirs, files } = recorded ?? {};
  if (typeof stamp !== 'string' || typeof takenMs !== 'number' || !dirs || !files || !('src' in dirs)) return sourceStamp(root);
  const settled = takenMs - RACY_MS;
  const base = root.endsWith('/') ? root : `${root}/`;
  for (const known of [dirs, files]) {
    for (const rel in known) {
      const now = statOf(base, rel);
      if (now.sig !== known[rel] || (now.sig !== '-' && !(now.ctimeMs < settled))) return sourceStamp(root);
    }
  }
  return stamp;
}

const onceByRoot = new Map();

/**
 * currentStamp, computed once per process: the stamp of the code this process runs (bin/rightsprint.mjs checks it
 * at start; the build's input hash uses it as the engine's source part, src/build/cache.ts). Both import this very
 * file (the bundle keeps it external), so the files are looked at once.
 */
export function stampOnce(root = ROOT) {
  let stamp = onceByRoot.get(root);
  if (stamp === undefined) {
    stamp = currentStamp(root);
    onceByRoot.set(root, stamp);
  }
  return stamp;
}

/** The bundle's stamp as written by scripts/bundle.mjs, or undefined when there is no bundle. */
export function bundleStamp() {
  try {
    return readFileSync(STAMP_FILE, 'utf8').trim();
  } catch {
    return undefined;
  }
}
