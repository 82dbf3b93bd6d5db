// The stamp that ties the compiled CLI (dist/bundle/) to the TypeScript it was compiled from: a SHA-256 over
// the path and bytes of every file under src/ plus the bundler itself and tsconfig.json. bin/rightsprint.mjs recomputes it at
// every start (about 150 small files, a few milliseconds) and runs the bundle only when it matches, so an
// edited, added or deleted source file can never leave an outdated bundle running: the CLI falls back to
// transpiling src/ with tsx until `npm run prepare` (also run by `npm ci`) compiles it again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits in <root>/scripts/. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the bundle goes. Two folders below the root, like src/<area>/<file>.ts, so that the source's
 * `new URL('../../…', import.meta.url)` (REPO_ROOT, locales/languages.json) and `new URL('./worker-entry.mjs',
 * import.meta.url)` resolve to the same places from the bundle as from src/. */
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');
export const STAMP_FILE = join(BUNDLE_DIR, 'stamp.txt');

/**
 * Packages scripts/bundle.mjs compiles into the bundle (with what they import: xmlchars for saxes,
 * require-from-string for bidi-js), instead of loading them from node_modules at every start. Their installed
 * package.json files are part of the stamp, so installing another version of one makes the CLI run through tsx until
 * the bundle is compiled again, as an edited source file does.
 */
export const INLINE = ['yaml', 'i18next', 'bidi-js', 'fflate', 'saxes', '@noble/hashes'];

/**
 * Hex SHA-256 over every file under src/ (sorted, relative paths and bytes), the bundler script, tsconfig.json and
 * the package.json of each INLINE package as installed.
 */
export function sourceStamp(root = ROOT) {
  const hash = createHash('sha256');
  const add = (rel) =>
    hash
      .update(`${rel}\0`)
      .update(existsSync(join(root, rel)) ? readFileSync(join(root, rel)) : '-')
      .update('\0');
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk('src');
  add('scripts/bundle.mjs');
  // esbuild reads compiler options from it (e.g. how class fields compile).
  add('tsconfig.json');
  for (const name of INLINE) add(`node_modules/${name}/package.json`);
  return hash.digest('hex');
}

/** The bundle's stamp as written by scripts/bundle.mjs, or undefined when there is no bundle. */
export function bundleStamp() {
  try {
    return readFileSync(STAMP_FILE, 'utf8').trim();
  } catch {
    return undefined;
  }
}
