import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { zipSync } from 'fflate';
import { readManifest } from '../fonts/registry.ts';
import { languageInfo } from '../content/languages.ts';
import { shippedUiStrings } from '../platform/node.ts';
import { REPO_ROOT } from '../platform/repo-root.ts';
import { lazyImports } from './lazy-imports.ts';
import { harfbuzzFromPrefetch } from './harfbuzz-wasm.ts';

/**
 * `npm run web`: writes the self-contained static site to dist/web/ — the page, its Web Worker (the same engine
 * as the CLI, bundled by esbuild for the browser; it also lays out the preview, which the page draws from the
 * frames, src/web/draw-preview.ts), HarfBuzz's wasm, the shipped content as
 * content.zip, the UI strings, and every font of fonts/manifest.json brotli-compressed (the worker decompresses
 * and checks each against the manifest's sha256). Nothing in it calls a server or another origin.
 */

const OUT = join(REPO_ROOT, 'dist', 'web');
/** Compressed fonts are kept here between runs: brotli at quality 9 takes ~40 s for one Chinese face. */
const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'rightsprint-web');
/** Brotli quality 9 with a 16 MB window: Noto Sans SC 10.6 MB → 5.1 MB (gzip -9: 6.3 MB), so a Chinese card stays under 12 MB. */
const BROTLI = { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 24 };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Faces up to this size (every script but the CJK ones) are sent gzip-compressed: the browser unpacks gzip
 * natively (DecompressionStream) in a few milliseconds, where the JS brotli decoder takes ~100 ms per Latin face
 * on the critical path of the first PDF. Larger faces keep brotli, whose better ratio keeps a Chinese card under
 * 12 MB (gzip -9 would make it ~14 MB).
 */
const GZIP_UP_TO = 2_000_000;

function compressedFont(file: string, sha256: string): Buffer {
  const cached = join(CACHE, `${sha256}.br`);
  if (existsSync(cached)) return readFileSync(cached);
  const bytes = readFileSync(file);
  const out = brotliCompressSync(bytes, { params: { ...BROTLI, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, out);
  return out;
}

/** The page's, service worker's and worker's code (the part of the site a code change touches). */
export async function bundleCode(out = OUT): Promise<void> {
  const common: BuildOptions = {
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // RP_WEB_NO_MINIFY=1 keeps function names, to read a CPU profile of the worker (bench/web-profile.ts).
    minify: !process.env.RP_WEB_NO_MINIFY,
    legalComments: 'linked',
    // harfbuzzjs's Emscripten loader imports `module` only in its Node branch, which never runs here.
    external: ['module'],
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: { app: join(REPO_ROOT, 'src/web/app.ts'), sw: join(REPO_ROOT, 'src/web/sw.ts') } });
  // The worker on its own, one file: fontkit imports the brotli decoder statically, so a split-off chunk for it
  // was fetched by a second request after worker.js was parsed, on the critical path. Its evaluation (the costly
  // part) waits for the first call instead: worker.ts's import() of it is bundled in, and imports whose
  // evaluation decodes tables the engine never uses are deferred to first use (lazy-imports.ts).
  await build({
    ...common,
    entryPoints: { worker: join(REPO_ROOT, 'src/web/worker.ts') },
    plugins: [lazyImports(), harfbuzzFromPrefetch(join(REPO_ROOT, 'src/web/prefetch.ts'))],
  });
  cpSync(join(REPO_ROOT, 'node_modules/harfbuzzjs/dist/harfbuzz.wasm'), join(out, 'harfbuzz.wasm'));
  for (const f of ['index.html', 'style.css']) cpSync(join(REPO_ROOT, 'src/web', f), join(out, f));
}

export async function buildSite(out = OUT): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data', 'fonts'), { recursive: true });
  await bundleCode(out);

  const content = join(REPO_ROOT, 'content');
  const files: Record<string, Uint8Array> = {};
  for (const f of walk(content).sort()) files[relative(content, f).split('\\').join('/')] = new Uint8Array(readFileSync(f));
  // A fixed date per entry keeps content.zip byte-identical between runs.
  writeFileSync(join(out, 'data', 'content.zip'), zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));

  const fonts: Record<string, { url: string; encoding: 'br' | 'gzip'; sha256: string; bytes: number }> = {};
  for (const face of readManifest().faces) {
    const file = join(REPO_ROOT, 'fonts', face.file);
    const gzip = statSync(file).size <= GZIP_UP_TO;
    // Node writes mtime 0 in the gzip header: the site stays byte-identical between builds.
    const packed = gzip ? gzipSync(readFileSync(file), { level: 9 }) : compressedFont(file, face.sha256);
    const url = `data/fonts/${face.id}.${gzip ? 'gz' : 'br'}`;
    writeFileSync(join(out, url), packed);
    fonts[face.id] = { url, encoding: gzip ? 'gzip' : 'br', sha256: face.sha256, bytes: packed.length };
  }
  const licences = new Set(readManifest().faces.map((f) => f.licence));
  for (const l of licences) cpSync(join(REPO_ROOT, 'fonts', l), join(out, 'data', 'fonts', l.replace(/\//gu, '-')));
  // The Latin faces are set on every material (digits, URLs, the source language): the worker fetches them at start.
  const latinFaces = readManifest().faces.filter((f) => f.familyId === 'noto-sans');
  writeFileSync(join(out, 'data', 'engine-data.json'), JSON.stringify({ ui: shippedUiStrings(), fonts, preload: latinFaces.map((f) => f.id) }));
  // The page's own strings: locales/<lng>/web.json, like the materials' ui.json, with each language's names and
  // direction for the page-language picker and the page's `lang`/`dir`.
  const web: Record<string, { name: string; autonym: string; dir: 'ltr' | 'rtl'; strings: unknown }> = {};
  for (const lng of readdirSync(join(REPO_ROOT, 'locales')).sort()) {
    const f = join(REPO_ROOT, 'locales', lng, 'web.json');
    if (!existsSync(f)) continue;
    const info = languageInfo(lng);
    web[lng] = { name: info?.name ?? lng, autonym: info?.autonym ?? lng, dir: info?.dir ?? 'ltr', strings: JSON.parse(readFileSync(f, 'utf8')) };
  }
  writeFileSync(join(out, 'data', 'web-strings.json'), JSON.stringify(web));

  // The service worker caches exactly the files of this build; its name changes with their content.
  // Fonts are cached when first fetched (a Chinese card must not download every script's fonts).
  // The Latin faces are precached too: every card sets digits, URLs and the source language in them.
  const latin = new Set(latinFaces.map((f) => fonts[f.id]!.url));
  const assets = walk(out)
    .map((f) => relative(out, f).split('\\').join('/'))
    .filter((f) => f !== 'sw.js' && (!f.startsWith('data/fonts/') || latin.has(f)))
    .sort();
  const version = createHash('sha256');
  for (const a of assets) version.update(a).update(readFileSync(join(out, a)));
  writeFileSync(join(out, 'assets.json'), JSON.stringify({ version: version.digest('hex').slice(0, 16), assets: ['./', ...assets] }));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const started = Date.now();
  await buildSite();
  console.log(`dist/web written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
