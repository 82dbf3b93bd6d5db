import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * An esbuild plugin for the worker bundle: harfbuzzjs starts itself with `init(await createHarfBuzz())`, a
 * top-level await that fetches and compiles harfbuzz.wasm only when the bundle's evaluation gets there, and holds
 * up every module after it (worker.ts among them, so the page's first message waited for the compile). Here that
 * statement becomes a promise handed to prefetch.ts (`harfbuzzStarted`), which worker.ts awaits before a job runs
 * (`harfbuzzReady`): the worker reads its content while the wasm compiles. The wasm comes from prefetch.ts's
 * `harfbuzzWasm` (compiling since the worker's first module) through Emscripten's `instantiateWasm` hook; the
 * instance and its imports are Emscripten's own. The shaping classes use the module only when called.
 */

/** The statement replaced, exactly as harfbuzzjs (pinned) writes it; the build fails if it is not found once. */
const START = 'init(await createHarfBuzz());';

export function harfbuzzFromPrefetch(prefetch: string): Plugin {
  return {
    name: 'rp-harfbuzz-wasm',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/]harfbuzzjs[\\/]dist[\\/]index\.mjs$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (source.split(START).length !== 2) throw new Error(`${args.path}: expected one \`${START}\` (harfbuzzjs changed?): update src/web/harfbuzz-wasm.ts`);
        // Instantiated synchronously (allowed in a worker): a failure throws inside Emscripten's promise and rejects
        // the start, as a failed fetch or compile does, instead of leaving it pending.
        const hook = [
          'harfbuzzStarted(harfbuzzWasm.then((harfbuzzModule) => createHarfBuzz({',
          '  instantiateWasm(imports, receive) {',
          '    const instance = new WebAssembly.Instance(harfbuzzModule, imports);',
          '    receive(instance);',
          '    return instance.exports;',
          '  },',
          '})).then(init));',
        ].join('\n');
        return {
          contents: `import { harfbuzzStarted, harfbuzzWasm } from ${JSON.stringify(prefetch)};\n${source.replace(START, hook)}`,
          loader: 'js',
          resolveDir: join(args.path, '..'),
        };
      });
    },
  };
}
