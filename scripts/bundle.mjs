// Compiles the CLI and its worker thread to plain JavaScript once, at install (`npm ci` runs the `prepare`
// script), instead of transpiling ~130 TypeScript files with tsx at every start and again in every worker
// (≈1 s each on the 2-core machine). The small pure-JavaScript dependencies the content loader needs (INLINE, see
// src-stamp.mjs) are compiled in: loading them from node_modules meant resolving, reading and compiling ~100 files
// (yaml alone is ~60 CommonJS modules) at every start, most of a no-op rebuild. The others stay external: they
// read files beside their own code (fontkit, harfbuzzjs' wasm, pdfkit's AFM data, linebreak's trie) or are tools.
// Output: dist/bundle/cli.mjs, dist/bundle/worker-entry.mjs, stamp.txt and stamp-files.json (see scripts/src-stamp.mjs for why
// the folder and the stamp). When esbuild cannot run, the old bundle is removed and the CLI runs through tsx.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_DIR, INLINE, ROOT, recordStamp, STAMP_FILE, STATS_FILE } from './src-stamp.mjs';

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
        name: 'external-packages',
        setup(b) {
          // The source stamp stays one module shared with bin/rightsprint.mjs (src-stamp.mjs stampOnce): same URL
          // from dist/bundle/ as from bin/, so the stamp bin checked at start is the one the build's hash uses.
          b.onResolve({ filter: /\/src-stamp\.mjs$/ }, () => ({ path: '../../scripts/src-stamp.mjs', external: true }));
          // Every bare import (a package) stays external unless it is one of INLINE or inside one of them.
          b.onResolve({ filter: /^[^./#]/ }, (args) => {
            if (args.path.startsWith('node:')) return { external: true };
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
            const fromInline = INLINE.some((p) => args.importer.includes(`/node_modules/${p}/`));
            return INLINE.includes(name) || fromInline ? undefined : { external: true };
          });
        },
      },
    ],
    platform: 'node',
    format: 'esm',
    target: 'node20',
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
