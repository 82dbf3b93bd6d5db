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
 * Packages scripts/bundle.mjs compiles into the bundle (with what they import: xmlchars for saxes,
 * require-from-string for bidi-js), instead of loading them from node_modules at every start. Their installed
 * package.json files are part of the stamp, so installing another version of one makes the CLI run through tsx until
 * the bundle is compiled again, as an edited source file does.
 */
export const INLINE = ['yaml', 'i18next', 'bidi-js', 'fflate', 'saxes', '@noble/hashes'];

/** The files the stamp covers, relative to the root, in the order they are hashed. */
function stampedFiles(root) {
  const files = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('src');
  files.push('scripts/bundle.mjs');
  // esbuild reads compiler options from it (e.g. how class fields compile).
  files.push('tsconfig.json');
  for (const name of INLINE) files.push(`node_modules/${name}/package.json`);
  return files;
}

/**
 * Hex SHA-256 over every file under src/ (sorted, relative paths and bytes), the bundler script, tsconfig.json and
 * the package.json of each INLINE package as installed.
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

/** Size, modification and change times (ns) and inode of each file; '-' for one that is missing. */
function fileStats(root, files) {
  return Object.fromEntries(
    files.map((rel) => {
      try {
        const s = statSync(join(root, rel), { bigint: true });
        return [rel, `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`];
      } catch {
        return [rel, '-'];
      }
    }),
  );
}

/**
 * Computes the stamp and records, beside it, each file's stat as it was before hashing (scripts/bundle.mjs writes
 * both). `takenMs`: when the stats were taken (a test passes a later time to make fresh files look settled).
 */
export function recordStamp(root = ROOT, takenMs = Date.now()) {
  const files = stampedFiles(root);
  const stats = fileStats(root, files);
  const stamp = sourceStamp(root);
  return { stamp, stats: `${JSON.stringify({ stamp, takenMs, files: stats })}\n` };
}

/**
 * The stamp of the sources as they are now, as sourceStamp computes it, but without reading them when nothing
 * changed: when every stamped file (the same list: none added, removed or renamed) has exactly the size,
 * modification and change time and inode recorded when the stamp was computed, and had not changed for RACY_MS
 * before, the recorded stamp is returned. The change time is set by the system on every write and cannot be set
 * back by a program, so a file edited in place keeps none of its recorded stat. Anything else: the full hash.
 */
export function currentStamp(root = ROOT) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(root, 'dist', 'bundle', 'stamp-files.json'), 'utf8'));
  } catch {
    return sourceStamp(root);
  }
  const files = stampedFiles(root);
  const settled = (BigInt(recorded.takenMs) - BigInt(RACY_MS)) * 1_000_000n;
  const known = recorded.files ?? {};
  const now = fileStats(root, files);
  const same =
    typeof recorded.stamp === 'string' &&
    Object.keys(known).length === files.length &&
    files.every((rel) => {
      const stat = now[rel];
      return known[rel] === stat && (stat === '-' || BigInt(stat.split(':')[2]) < settled);
    });
  return same ? recorded.stamp : sourceStamp(root);
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
