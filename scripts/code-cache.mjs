// Runs the compiled CLI (dist/bundle/cli.cjs and engine.cjs, made by scripts/bundle.mjs) with V8's code cache, in
// the main thread (bin/rightsprint.mjs) and in every worker thread (dist/bundle/worker-entry.mjs). Node 20 caches
// compiled code only for scripts given to vm.Script (`cachedData`; module.enableCompileCache, which covers ES
// modules, is Node 22), so each part of the bundle is a script that evaluates to a function, compiled here with
// the code recorded at `npm run prepare` after a representative build had run: V8 deserialises that code instead
// of parsing and compiling, also for the functions it would compile lazily on first call. Two scripts, so that
// `--help` reads neither the engine nor its cache: `cli` (src/cli/main.ts and what it imports statically) and
// `engine` (the commands and the worker's side of the build), loaded when main.ts first imports a command.
// See docs/architecture.md ("Start-up").
//
// A cache is only used for the very file it was made from, and only when it is whole: its first line names the
// Node version and the script's size, times and inode (any rewrite or copy of the script changes them, as
// scripts/src-stamp.mjs trusts the stats of the sources) and the CRC-32 and length of the data after it (V8 checks
// no checksum in release builds: a damaged cache must not reach it). V8 itself rejects data made by another V8,
// under other flags or for a source of another length (`cachedDataRejected`), and then compiles the source. A
// missing, foreign or damaged cache costs the compile it would have saved, never a failure or other behaviour: the
// code that runs is always the script's source.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import * as srcStamp from './src-stamp.mjs';

/** The parts of the compiled CLI, each `dist/bundle/<name>.cjs` with its cache `<name>.cjs.cache`. */
export const SCRIPTS = ['cli', 'engine'];
/** How the bundle asks for scripts/src-stamp.mjs (an ES module): it gets this very module instance. */
export const SRC_STAMP_ID = 'rightsprint:src-stamp';
/** How engine.cjs asks for a module of cli.cjs: `rightsprint:cli/<path from the root>` (one instance of each). */
export const CLI_MODULE = 'rightsprint:cli/';
/** How cli.cjs asks for a command module, which is in engine.cjs: `rightsprint:engine/<path from the root>`. */
export const ENGINE_MODULE = 'rightsprint:engine/';

/**
 * scripts/bundle.mjs writes each script as this function's source (the code between its braces), which
 * loadScript calls with a `require` and the script's own URL (what `import.meta.url` becomes). A script, not an ES
 * module: Node 20 gives V8's code cache to a script (vm.Script `cachedData`) and to no ES module. Strict, as the
 * ES module output was.
 */
export const SCRIPT_WRAPPER = {
  banner: '(function (exports, require, module, __filename, __dirname, __rpUrl) {"use strict";',
  footer: '})',
};

const MAGIC = 'rightsprint-code-cache/1';

/** A file's size, modification and change times and inode: a rewrite, replacement or copy of the file changes it. */
export function statSig(s) {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
}

/** The first line of a cache file: for which script (statSig) and Node, and the CRC-32 and length of the data. */
export function cacheHeader(stat, data) {
  return `${MAGIC} ${process.version} ${process.arch} ${statSig(stat)} ${crc32(data)} ${data.length}\n`;
}

/** A script's source and its stat, read through one descriptor so that both are of the same file. */
function readScript(file) {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    // Pure ASCII (esbuild `charset: 'ascii'`): read as Latin-1, V8 gets a one-byte string without decoding UTF-8.
    return { source: readFileSync(fd, 'latin1'), stat };
  } finally {
    closeSync(fd);
  }
}

/** The cached data for a script with this stat, or undefined when there is none, it is for another file or damaged. */
function cachedDataFor(stat, cacheFile) {
  let raw;
  try {
    raw = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = raw.indexOf(10);
  if (end < 0) return undefined;
  const data = raw.subarray(end + 1);
  return raw.toString('latin1', 0, end + 1) === cacheHeader(stat, data) ? data : undefined;
}

/**
 * V8 flags of every process that runs the bundle, set before its first script is compiled, and so also in the
 * process that records the caches (V8 accepts a cache only under the flags it was made with). `--max-opt=1`:
 * functions tier up from the interpreter to Sparkplug's baseline code, never to TurboFan. A build runs a broad
 * body of code for a few seconds; TurboFan's compiles (with their deoptimisations, on the main thread and a second
 * core) cost more than its faster code gives back. Measured on 2 cores: the 18 documents of the Typst comparison
 * 1.55–1.65 → 1.32–1.38 s (CPU 2.1 → 1.3 s), the full matrix 8.0–8.2 → 7.5–7.6 s; a process that builds the same
 * 18 documents again and again pays ~20 % more per build once TurboFan would have been warm (docs/architecture.md).
 */
export const V8_FLAGS = ['--max-opt=1'];

let flagsSet = false;

/**
 * Sets V8_FLAGS once per process, from the main thread: flags belong to the process, so the worker threads a
 * build starts later run under them without setting them again while the main thread runs.
 */
function setV8Flags() {
  if (flagsSet || !isMainThread) return;
  flagsSet = true;
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}

let options = { dir: srcStamp.BUNDLE_DIR, useCache: true };
const loaded = new Map();

/**
 * Where the scripts are and whether their caches are read, before the first loadScript: `npm run prepare` loads
 * them without to record new caches, a test loads copies from another folder.
 */
export function configure(given) {
  if (loaded.size > 0) throw new Error('configure is called before any script of the bundle is loaded');
  options = { ...options, ...given };
}

/**
 * Compiles and evaluates one part of the bundle, once per thread (its modules are evaluated as they are first
 * imported), and returns its exports with `cache`: 'used' (V8 took the cached code), 'rejected' (V8 refused it and
 * compiled the source), 'none' (no whole cache made for this file) or 'off' (configure `useCache: false`).
 */
export function loadScript(name) {
  let script = loaded.get(name);
  if (script) return script;
  const file = join(options.dir, `${name}.cjs`);
  const { source, stat } = readScript(file);
  setV8Flags();
  const cachedData = options.useCache ? cachedDataFor(stat, `${file}.cache`) : undefined;
  const compiled = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache = !options.useCache ? 'off' : cachedData === undefined ? 'none' : compiled.cachedDataRejected ? 'rejected' : 'used';
  const nodeRequire = createRequire(file);
  const require = (id) => {
    if (id === SRC_STAMP_ID) return srcStamp;
    if (id.startsWith(CLI_MODULE)) {
      const found = loadScript('cli').exports.modules[id.slice(CLI_MODULE.length)];
      if (found === undefined) throw new Error(`cli.cjs has no module ${id.slice(CLI_MODULE.length)}: run \`npm run prepare\``);
      return found;
    }
    if (id.startsWith(ENGINE_MODULE)) return loadScript('engine').exports.load(id.slice(ENGINE_MODULE.length));
    return nodeRequire(id);
  };
  const module = { exports: {} };
  // esbuild's script sets module.exports as it starts: read it when asked.
  script = {
    get exports() {
      return module.exports;
    },
    cache,
    compiled,
    stat,
    file,
  };
  loaded.set(name, script);
  compiled.runInThisContext()(module.exports, require, module, file, options.dir, pathToFileURL(file).href);
  return script;
}

/** The scripts this thread has loaded so far, by name (bin/ never needs it; prepare and tests do). */
export function loadedScripts() {
  return new Map(loaded);
}

/**
 * Writes the code cache of a loaded script after it has run (`npm run prepare` runs a build first), so the
 * functions that ran, compiled lazily, are in it too. Written under a temporary name and renamed into place: a
 * reader sees the old file, the new one or none, never a part. The caller makes sure the script has settled (see
 * scripts/src-stamp.mjs RACY_MS), so that its stat names it.
 */
export function writeCodeCache(script) {
  const data = script.compiled.createCachedData();
  const cacheFile = `${script.file}.cache`;
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(cacheHeader(script.stat, data), 'latin1'), data]));
    renameSync(temporary, cacheFile);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  return data.length;
}
