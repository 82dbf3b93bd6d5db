import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * An esbuild plugin for the worker bundle: some libraries import a module whose evaluation does heavy work at
 * import time (decoding a table) for a feature the page's engine never or rarely uses. Here such an import, from
 * that library only, is answered by a stand-in whose functions `require` the real module when first called: the
 * code stays in the bundle and behaves the same, but its start-up cost moves from the worker's start to the first
 * call (never, for the cases below). Measured with bench/web-profile.ts on a 2-core machine.
 */

/** One import made lazy: `what` as imported by files under `from`, and the stand-in module's source. */
interface LazyImport {
  /** The import specifier, exactly as the library writes it. */
  readonly what: string;
  /** Only imports from files in a folder whose path contains this (a package folder) are replaced. */
  readonly from: string;
  /** ESM source of the stand-in: it must `require(what)` only inside the functions it exports. */
  readonly stand: string;
}

/**
 * - fontkit's WOFF2 reader needs the brotli decoder, whose evaluation unpacks brotli's built-in dictionary (itself
 *   brotli-compressed: ~0.15–0.3 s in the worker). The site's fonts are TrueType/OpenType, never WOFF2; the page's
 *   own CJK font decoding imports the decoder on its own (worker.ts).
 * - fontkit's own shaping and glyph classes use unicode-properties, whose evaluation inflates its Unicode trie
 *   (~20–40 ms); the engine shapes with HarfBuzz and reaches those only in rare glyph paths.
 * - pdfkit imports AES for encrypted PDFs; @noble/ciphers builds its AES tables at import (~2 × 64 K entries,
 *   ~20–40 ms). The engine never encrypts.
 */
export const LAZY_IMPORTS: readonly LazyImport[] = [
  {
    what: 'brotli/decompress.js',
    from: '/node_modules/fontkit/',
    stand: `let d; export default function decompress(...a) { return (d ??= require('brotli/decompress.js'))(...a); }`,
  },
  {
    what: 'unicode-properties',
    from: '/node_modules/fontkit/',
    stand: [
      `let m; const up = () => (m ??= require('unicode-properties'));`,
      ...['getCombiningClass', 'getScript', 'isDigit', 'getCategory', 'isMark'].map((f) => `export function ${f}(...a) { return up().${f}(...a); }`),
    ].join('\n'),
  },
  {
    what: '@noble/ciphers/aes',
    from: '/node_modules/pdfkit/',
    stand: [
      `let m; const aes = () => (m ??= require('@noble/ciphers/aes'));`,
      `export function cbc(...a) { return aes().cbc(...a); }`,
      `export function ecb(...a) { return aes().ecb(...a); }`,
    ].join('\n'),
  },
];

const NS = 'rp-lazy-import';

/**
 * fontkit's own shapers (Arabic, Indic, Universal) each inflate a Unicode trie at import (~10–30 ms in all);
 * HarfBuzz shapes here, so they are never read. Each `const …trie = new UnicodeTrie(…)` of fontkit's browser
 * build becomes an object whose `get` (the only method fontkit calls on them) builds the trie on first use. The
 * build fails if fontkit (pinned) no longer has exactly these.
 */
const FONTKIT_TRIE = /const (\$\w+\$var\$trie) = (new \(0, \$6uUbQ\$unicodetrie\)\(\(0, [\w$]+\)\("[^"]*"\)\));/gu;
/** How many tries fontkit's browser build makes at import. */
const FONTKIT_TRIES = 3;

export function lazyImports(table: readonly LazyImport[] = LAZY_IMPORTS): Plugin {
  return {
    name: 'rp-lazy-imports',
    setup(b) {
      // esbuild runs the filter as a Go regular expression: no flags, no escaped slash.
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      const filter = new RegExp(`^(?:${table.map((t) => escape(t.what)).join('|')})$`);
      b.onResolve({ filter }, (args) => {
        const lazy = table.find((t) => t.what === args.path && `${args.resolveDir.split('\\').join('/')}/`.includes(t.from));
        // The stand-in's own require (importer in NS) and every other importer get the real module.
        return lazy && args.namespace !== NS ? { path: lazy.what, namespace: NS, pluginData: args.resolveDir } : undefined;
      });
      b.onLoad({ filter: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]browser-module\.mjs$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const found = source.match(FONTKIT_TRIE)?.length ?? 0;
        if (found !== FONTKIT_TRIES)
          throw new Error(`${args.path}: expected ${FONTKIT_TRIES} Unicode tries built at import, found ${found}: update src/web/lazy-imports.ts`);
        const lazyTrie = 'const rpLazyTrie = (make) => { let t; return { get: (c) => (t ??= make()).get(c) }; };\n';
        return { contents: lazyTrie + source.replace(FONTKIT_TRIE, 'const $1 = rpLazyTrie(() => $2);'), loader: 'js', resolveDir: dirname(args.path) };
      });
      b.onLoad({ filter: /.*/, namespace: NS }, (args) => ({
        contents: table.find((t) => t.what === args.path)!.stand,
        loader: 'js',
        resolveDir: args.pluginData as string,
      }));
    },
  };
}
