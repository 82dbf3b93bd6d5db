import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * An esbuild plugin for the worker bundle: harfbuzzjs starts itself with `init(await createHarfBuzz())`, which
 * fetches and compiles harfbuzz.wasm only when the bundle's evaluation gets there. Here that call is given
 * Emscripten's `instantiateWasm` hook, fed from prefetch.ts's `harfbuzzWasm` (compiling since the worker's first
 * module), so the compile overlaps the evaluation of everything before it. The instance and its imports are
 * Emscripten's own: only where the compiled module comes from changes.
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
        // the top-level await, as a failed fetch or compile does, instead of leaving it pending.
        const hook = [
          'const harfbuzzModule = await harfbuzzWasm;',
          'init(await createHarfBuzz({',
          '  instantiateWasm(imports, receive) {',
          '    const instance = new WebAssembly.Instance(harfbuzzModule, imports);',
          '    receive(instance);',
          '    return instance.exports;',
          '  },',
          '}));',
        ].join('\n');
        return {
          contents: `import { harfbuzzWasm } from ${JSON.stringify(prefetch)};\n${source.replace(START, hook)}`,
          loader: 'js',
          resolveDir: join(args.path, '..'),
        };
      });
    },
  };
}
