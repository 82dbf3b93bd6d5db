// Compiles the CLI and its worker thread to plain JavaScript once, at install (`npm ci` runs the `prepare`
// script), instead of transpiling ~130 TypeScript files with tsx at every start and again in every worker
// (≈1 s each on the 2-core machine). Dependencies stay external: they load from node_modules as before.
// Output: dist/bundle/cli.mjs, dist/bundle/worker-entry.mjs and stamp.txt (see scripts/src-stamp.mjs for why
// the folder and the stamp). When esbuild cannot run, the old bundle is removed and the CLI runs through tsx.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_DIR, ROOT, STAMP_FILE, sourceStamp } from './src-stamp.mjs';

rmSync(BUNDLE_DIR, { recursive: true, force: true });
const stamp = sourceStamp();
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
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // Stacks of internal errors (exit 3) name src/ files and lines through the source map.
    sourcesContent: false,
    logLevel: 'warning',
  });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  writeFileSync(STAMP_FILE, `${stamp}\n`);
  console.log(`rightsprint: compiled the CLI to ${join('dist', 'bundle')}/`);
} catch (e) {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  console.warn(`rightsprint: could not compile the CLI (${e instanceof Error ? e.message.split('\n')[0] : e}); it will run through tsx, slower to start.`);
}
