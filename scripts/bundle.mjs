// Compiles the CLI and its worker thread to plain JavaScript once, at install (`npm ci` runs the `prepare`
// script), instead of transpiling ~130 TypeScript files with tsx at every start and again in every worker
// (≈1 s each on the 2-core machine). The packages the CLI imports (INLINE, see src-stamp.mjs) are compiled in with
// everything they import: loading them from node_modules meant resolving, reading, compiling and (for CommonJS)
// lexing ~250 files at every start and in every worker (yaml alone is ~60 CommonJS modules; pdfkit and fontkit with
// their dependencies ~150 ms of a build's start). The two that read files beside their own code (pdfkit: its ICC
// profile and standard-font metrics; harfbuzzjs: its .wasm) still find them in node_modules (see the onLoad hook).
// Output: dist/bundle/cli.cjs and engine.cjs (two scripts, see below), their source maps and V8 code caches
// (scripts/code-cache.mjs), worker-entry.mjs, stamp.txt and stamp-files.json (see scripts/src-stamp.mjs for why the
// folder and the stamp). When esbuild cannot run, the old bundle is removed and the CLI runs through tsx; when
// only the code cache cannot be made, the CLI runs compiled and compiles its code at each start, as before.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CLI_MODULE,
  configure,
  ENGINE_MODULE,
  loadedScripts,
  loadScript,
  SCRIPT_WRAPPER,
  SCRIPTS,
  SRC_STAMP_ID,
  statSig,
  writeCodeCache,
} from './code-cache.mjs';
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

/**
 * harfbuzzjs starts itself with a top-level await (`init(await createHarfBuzz())`: Emscripten's factory is async),
 * which a script (see the format below) cannot have. These edits make the pinned factory start synchronously, as
 * it can in Node: `node:module` from process.getBuiltinModule instead of a dynamic import, and the wasm read,
 * compiled and instantiated with the synchronous WebAssembly calls, found where the factory finds it
 * (findWasmBinary, getBinarySync). Evaluating the module then leaves HarfBuzz ready, as its top-level await did,
 * so no caller has to wait for it. Each edit must match exactly once, else the bundle is not made (the CLI runs
 * through tsx) and this list must be updated for the new harfbuzzjs.
 */
const HARFBUZZ_SYNC = [
  { file: '/harfbuzzjs/dist/index.mjs', from: 'init(await createHarfBuzz());', to: 'init(createHarfBuzz());' },
  { file: '/harfbuzzjs/dist/harfbuzz.js', from: 'async function createHarfBuzz(moduleArg={}){', to: 'function createHarfBuzz(moduleArg={}){' },
  {
    file: '/harfbuzzjs/dist/harfbuzz.js',
    from: 'const{createRequire}=await import("module");',
    to: 'const{createRequire}=process.getBuiltinModule("module");',
  },
  { file: '/harfbuzzjs/dist/harfbuzz.js', from: 'async function createWasm(){', to: 'function createWasm(){' },
  {
    file: '/harfbuzzjs/dist/harfbuzz.js',
    from: 'var result=await instantiateAsync(wasmBinary,wasmBinaryFile,info);',
    to: 'var result={instance:new WebAssembly.Instance(new WebAssembly.Module(getBinarySync(wasmBinaryFile)),info)};',
  },
  { file: '/harfbuzzjs/dist/harfbuzz.js', from: 'var wasmExports=await createWasm();', to: 'var wasmExports=createWasm();' },
  // Only when the runtime did not initialise synchronously would the factory return a promise: say so.
  {
    file: '/harfbuzzjs/dist/harfbuzz.js',
    from: ';return moduleRtn}',
    to: ';if(!runtimeInitialized)throw new Error("HarfBuzz did not start synchronously (scripts/bundle.mjs HARFBUZZ_SYNC)");return moduleRtn}',
  },
];

/** The build `npm run prepare` runs once with the new scripts before recording their code caches (makeCodeCache). */
const TRAINING_BUILD = ['build', '--edition', 'generic', '--lang', 'en,ar,bn,zh-Hans', '--only', 'leaflet,poster,card-sheet-a4', '--force', '--jobs', '1'];

/** The command line's entry: what it imports statically goes in cli.cjs, the commands it imports on demand in engine.cjs. */
const MAIN = 'src/cli/main.ts';

/** A path from the root, with forward slashes (the names the two scripts use for each other's modules). */
const rel = (path) => relative(ROOT, path).split(sep).join('/');

if (process.argv[2] === '--make-code-cache') {
  await makeCodeCache();
} else {
  await compile();
}

/**
 * esbuild's options shared by both scripts: packages compiled in (INLINE) with their data found where they are
 * installed, the lazy imports and tries, synchronous HarfBuzz; `redirect(path)` names a module of the other
 * script (then it stays external: loadScript's `require` hands over that script's one instance of it).
 */
function scriptOptions(name, entry, redirect) {
  return {
    absWorkingDir: ROOT,
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: `${name}-entry.mjs`, loader: 'js' },
    outfile: join(BUNDLE_DIR, `${name}.cjs`),
    bundle: true,
    // A script (SCRIPT_WRAPPER). Modules are still evaluated on demand: esbuild compiles a dynamic import, or a
    // require, of a module of the same script to a call that evaluates it then.
    format: 'cjs',
    banner: { js: SCRIPT_WRAPPER.banner },
    footer: { js: SCRIPT_WRAPPER.footer },
    define: { 'import.meta.url': '__rpUrl' },
    // import() of the other script's modules becomes a require (loadScript's), as for modules of the same script.
    supported: { 'dynamic-import': false },
    metafile: true,
    plugins: [
      {
        name: 'packages',
        setup(b) {
          // The source stamp stays one module shared with bin/rightsprint.mjs (src-stamp.mjs stampOnce): the
          // loader hands the bundle the instance bin/ loaded, so the stamp bin checked at start is the one the
          // build's hash uses.
          b.onResolve({ filter: /\/src-stamp\.mjs$/ }, () => ({ path: SRC_STAMP_ID, external: true }));
          b.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind === 'entry-point' || args.pluginData?.redirect === false || args.path.startsWith('node:')) return undefined;
            const found = await b.resolve(args.path, {
              kind: args.kind,
              importer: args.importer,
              resolveDir: args.resolveDir,
              pluginData: { redirect: false },
            });
            const other = found.errors.length === 0 && !found.external ? redirect(found.path, args) : undefined;
            return other === undefined ? undefined : { path: other, external: true };
          });
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
            for (const edit of HARFBUZZ_SYNC) {
              if (!args.path.endsWith(edit.file)) continue;
              if (contents.split(edit.from).length !== 2)
                throw new Error(`${edit.file} no longer has \`${edit.from}\` once: update HARFBUZZ_SYNC in scripts/bundle.mjs`);
              contents = contents.replace(edit.from, edit.to);
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
    target: 'node20',
    // Only whitespace and comments go: names stay as written (stacks, error messages). The output is then pure
    // ASCII (esbuild escapes other characters in strings; the comments of some packages hold ’, ∞ …), which
    // code-cache.mjs reads as Latin-1 and V8 scans as one-byte text: it compiles ~2× faster than with its comments.
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'ascii',
    sourcemap: 'linked',
    // Stacks of internal errors (exit 3) name src/ files and lines through the source map (src/cli/source-stack.ts).
    sourcesContent: false,
    logLevel: 'warning',
  };
}

/** A script has no import.meta (esbuild would leave `{}`) and no import() (the loader gives it none): fail instead. */
function checkScript(result, name) {
  const problems = result.warnings.filter((w) => /import\.meta|import\(\)/u.test(w.text));
  if (problems.length > 0) throw new Error(`${name}.cjs would run without ${problems[0].text}`);
  if (/\bimport\(/u.test(readFileSync(join(BUNDLE_DIR, `${name}.cjs`), 'latin1')))
    throw new Error(`${name}.cjs has a dynamic import(), which a script cannot run`);
}

async function compile() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const { stamp, stats } = recordStamp();
  try {
    const { build } = await import('esbuild');
    // The commands main.ts imports on demand (src/cli/main.ts COMMANDS): they are engine.cjs's entries.
    const commands = new Set();
    const toEngine = (path, args) => {
      if (args.kind !== 'dynamic-import' || rel(args.importer) !== MAIN) return undefined;
      commands.add(rel(path));
      return ENGINE_MODULE + rel(path);
    };
    // cli.cjs: main.ts and its static imports. A first pass finds them (the metafile) for the entry that exports
    // each of them to engine.cjs, which must share their one instance (e.g. UsageError, UserError for instanceof).
    const probe = await build({ ...scriptOptions('cli', `export * from ${JSON.stringify(`./${MAIN}`)};\n`, toEngine), write: false });
    const cliModules = Object.keys(probe.metafile.inputs).filter((p) => p.startsWith('src/'));
    const cliEntry = [
      `export { main } from ${JSON.stringify(`./${MAIN}`)};`,
      ...cliModules.map((p, i) => `import * as m${i} from ${JSON.stringify(`./${p}`)};`),
      `export const modules = { ${cliModules.map((p, i) => `${JSON.stringify(p)}: m${i}`).join(', ')} };`,
    ].join('\n');
    checkScript(await build(scriptOptions('cli', cliEntry, toEngine)), 'cli');
    // engine.cjs: the commands, evaluated when cli.cjs first asks for one (loadScript's `require`), and the worker
    // thread's side of the build (worker-entry.mjs); the modules of cli.cjs are taken from it.
    const inCli = new Set(cliModules);
    const fromCli = (path) => (inCli.has(rel(path)) ? CLI_MODULE + rel(path) : undefined);
    const engineEntry = [
      'export function load(path) {',
      '  switch (path) {',
      ...[...commands].sort().map((p) => `    case ${JSON.stringify(p)}: return require(${JSON.stringify(`./${p}`)});`),
      '  }',
      "  throw new Error('engine.cjs has no module ' + path + ': run `npm run prepare`');",
      '}',
      "export async function serveJobs() { await (await import('./src/build/worker.ts')).serveJobs(); }",
    ].join('\n');
    checkScript(await build(scriptOptions('engine', engineEntry, fromCli)), 'engine');
    // The worker threads' entry (src/build/workers.ts starts `./worker-entry.mjs` beside the code that starts them).
    writeFileSync(
      join(BUNDLE_DIR, 'worker-entry.mjs'),
      "// Written by scripts/bundle.mjs: a worker thread of the compiled CLI runs engine.cjs's side of the build.\nimport { loadScript } from '../../scripts/code-cache.mjs';\n\nawait loadScript('engine').exports.serveJobs();\n",
    );
    writeFileSync(STATS_FILE, stats);
    writeFileSync(STAMP_FILE, `${stamp}\n`);
    console.log(`rightsprint: compiled the CLI to ${join('dist', 'bundle')}/`);
  } catch (e) {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
    console.warn(`rightsprint: could not compile the CLI (${e instanceof Error ? e.message.split('\n')[0] : e}); it will run through tsx, slower to start.`);
    return;
  }
  // In a process of its own, started as bin/ starts one (V8 accepts a cache only under the same flags).
  const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--make-code-cache'], { cwd: ROOT, encoding: 'utf8' });
  if (made.status === 0) console.log(made.stdout.trim().split('\n').at(-1));
  else
    console.warn(
      `rightsprint: no code cache for the compiled CLI (${(made.stderr || made.stdout).trim().split('\n').slice(-3).join(' ')}); it compiles its code at each start.`,
    );
}

/**
 * Runs TRAINING_BUILD with the new scripts, compiled without a cache, into a temporary folder, then records the
 * code of every function that ran (scripts/code-cache.mjs writeCodeCache). The build must succeed: a bundle that
 * cannot build the shipped content gets no cache (the CLI still runs and reports what is wrong).
 */
async function makeCodeCache() {
  const out = mkdtempSync(join(tmpdir(), 'rightsprint-code-cache-'));
  try {
    configure({ useCache: false });
    const code = await loadScript('cli').exports.main([...TRAINING_BUILD, '--out', out]);
    if (code !== 0) throw new Error(`the training build (${TRAINING_BUILD.join(' ')}) exited with ${code}`);
    const scripts = loadedScripts();
    // A cache names its script by the script's stat, trusted only once the file has settled (src-stamp.mjs RACY_MS).
    const settle = Math.max(...[...scripts.values()].map((s) => s.stat.ctimeMs)) + 2000 - Date.now();
    if (settle > 0) await new Promise((done) => setTimeout(done, settle));
    let bytes = 0;
    for (const name of SCRIPTS) {
      const script = scripts.get(name);
      if (!script) throw new Error(`the training build did not load ${name}.cjs`);
      if (statSig(statSync(script.file)) !== statSig(script.stat)) throw new Error(`${script.file} changed while its code cache was made`);
      bytes += writeCodeCache(script);
    }
    console.log(`rightsprint: recorded its compiled code (${Math.round(bytes / 1024)} KB) in ${join('dist', 'bundle')}/`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
