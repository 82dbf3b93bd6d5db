// Compiles the CLI and its worker thread to plain JavaScript once, at install (`npm ci` runs the `prepare`
// script), instead of transpiling ~130 TypeScript files with tsx at every start and again in every worker
// (≈1 s each on the 2-core machine). The packages the CLI imports (INLINE, see src-stamp.mjs) are compiled in with
// everything they import: loading them from node_modules meant resolving, reading, compiling and (for CommonJS)
// lexing ~250 files at every start and in every worker (yaml alone is ~60 CommonJS modules; pdfkit and fontkit with
// their dependencies ~150 ms of a build's start). The two that read files beside their own code (pdfkit: its ICC
// profile and standard-font metrics; harfbuzzjs: its .wasm) still find them in node_modules (see the onLoad hook).
// Output: dist/bundle/cli.mjs, dist/bundle/worker-entry.mjs, stamp.txt and stamp-files.json (see scripts/src-stamp.mjs for why
// the folder and the stamp). When esbuild cannot run, the old bundle is removed and the CLI runs through tsx.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { BUNDLE_DIR, INLINE, ROOT, recordStamp, STAMP_FILE, STATS_FILE } from './src-stamp.mjs';

const LAZY_TRIE = 'lazy-unicode-trie.cjs';

/**
 * Package imports that the CLI never calls in practice, loaded from node_modules on first call instead of compiled
 * in and evaluated with the importing module: the code is not even parsed at start (brotli alone is half of the
 * engine's chunk). `createRequire(import.meta.url)` resolves from the importing package's own file (see the
 * onLoad hook), as its import did. A package update that changes the import line stops the bundle from compiling
 * (then the CLI runs through tsx).
 */
const LAZY_IMPORTS = [
  // WOFF2 fonts only (we ship none); ~490 KB of code, ~40 ms to evaluate (it decodes its dictionary).
  {
    file: '/fontkit/dist/module.mjs',
    eager: 'import $52ZIf$brotlidecompressjs from "brotli/decompress.js";',
    lazy: 'const $52ZIf$brotlidecompressjs = (...args) => require("node:module").createRequire(import.meta.url)("brotli/decompress.js")(...args);',
  },
  // Encrypted PDFs only (we write none); AES builds its tables when evaluated.
  {
    file: '/pdfkit/js/pdfkit.node.mjs',
    eager: "import { cbc, ecb } from '@noble/ciphers/aes';",
    lazy: "const aes = () => require('node:module').createRequire(import.meta.url)('@noble/ciphers/aes'), cbc = (...args) => aes().cbc(...args), ecb = (...args) => aes().ecb(...args);",
  },
];

rmSync(BUNDLE_DIR, { recursive: true, force: true });
const { stamp, stats } = recordStamp();
try {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/main.ts', 'worker-entry': 'src/build/worker.ts' },
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Commands load on demand (src/cli/main.ts): each gets its own chunk, and the dependencies it imports load
    // only with it. Chunks sit beside the entry points, so their import.meta.url is at the same depth.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // yaml's CommonJS build requires `process` and `buffer`: the ES module output gets a real `require` for them.
    banner: { js: "import { createRequire as __rpCreateRequire } from 'node:module';\nconst require = __rpCreateRequire(import.meta.url);" },
    plugins: [
      {
        name: 'packages',
        setup(b) {
          // The source stamp stays one module shared with bin/rightsprint.mjs (src-stamp.mjs stampOnce): same URL
          // from dist/bundle/ as from bin/, so the stamp bin checked at start is the one the build's hash uses.
          b.onResolve({ filter: /\/src-stamp\.mjs$/ }, () => ({ path: '../../scripts/src-stamp.mjs', external: true }));
          // Tries built on first use instead of at every start (bundle-shims/lazy-unicode-trie.cjs).
          b.onResolve({ filter: /^unicode-trie$/ }, (args) =>
            args.importer.endsWith(LAZY_TRIE) ? undefined : { path: join(ROOT, 'scripts', 'bundle-shims', LAZY_TRIE) },
          );
          // Every bare import (a package) stays external unless it is one of INLINE or inside one of them.
          b.onResolve({ filter: /^[^./#]/ }, (args) => {
            if (args.path.startsWith('node:')) return { external: true };
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
            const fromInline = args.importer.includes('/node_modules/') || args.importer.includes('/bundle-shims/');
            return INLINE.includes(name) || fromInline ? undefined : { external: true };
          });
          // A package file that finds its data beside itself (pdfkit: its ICC profile and, through createRequire,
          // its standard-font metrics; harfbuzzjs: its .wasm) keeps finding it there: its import.meta.url becomes
          // its own place in node_modules, written relative to the bundle so the folder can still be moved.
          b.onLoad({ filter: /\/node_modules\/.*\.m?js$/ }, (args) => {
            let contents = readFileSync(args.path, 'utf8');
            for (const lazy of LAZY_IMPORTS) {
              if (!args.path.endsWith(lazy.file)) continue;
              if (!contents.includes(lazy.eager)) throw new Error(`${lazy.file} no longer has \`${lazy.eager}\`: update LAZY_IMPORTS in scripts/bundle.mjs`);
              contents = contents.replace(lazy.eager, lazy.lazy);
            }
            if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
            const own = relative(BUNDLE_DIR, args.path).split(sep).join('/');
            const prefix = `const __rpOwnUrl = new URL(${JSON.stringify(own)}, import.meta.url).href;\n`;
            return { contents: prefix + contents.replaceAll('import.meta.url', '__rpOwnUrl'), loader: 'js' };
          });
        },
      },
    ],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Only whitespace and comments go: names stay as written (stacks, error messages). The output is then pure
    // ASCII (esbuild escapes other characters in strings; the comments of some packages hold ’, ∞ …), which Node
    // decodes and V8 scans as one-byte text: the whole bundle compiles ~2× faster than with its comments.
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'ascii',
    sourcemap: 'linked',
    // Stacks of internal errors (exit 3) name src/ files and lines through the source map (src/cli/source-stack.ts).
    sourcesContent: false,
    logLevel: 'warning',
  });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  writeFileSync(STATS_FILE, stats);
  writeFileSync(STAMP_FILE, `${stamp}\n`);
  console.log(`rightsprint: compiled the CLI to ${join('dist', 'bundle')}/`);
} catch (e) {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  console.warn(`rightsprint: could not compile the CLI (${e instanceof Error ? e.message.split('\n')[0] : e}); it will run through tsx, slower to start.`);
}
