import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One engine, two front ends: the engine entry must bundle for a browser with no Node built-in, no `Buffer` and
 * no `process`. esbuild resolves `#platform` to src/platform/browser.ts under the browser condition; any
 * `node:*` (or bare built-in) import anywhere below the entry is recorded here and fails the test.
 */
const ENTRY = join(import.meta.dirname, '../../../src/engine/index.ts');
const BUILTINS = /^(node:|(fs|path|os|url|crypto|module|stream|zlib|util|buffer|events|worker_threads|child_process)(\/|$))/;

describe('the engine entry', () => {
  it('bundles for the browser without node built-ins, Buffer or process', async () => {
    const builtins: string[] = [];
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-builtins',
          setup(b) {
            b.onResolve({ filter: BUILTINS }, (args) => {
              // The one allowed: harfbuzzjs's Emscripten loader imports `module` dynamically inside its
              // `if (ENVIRONMENT_IS_NODE)` branch, which never runs in a browser (it fetches harfbuzz.wasm there).
              const hbNodeBranch = args.kind === 'dynamic-import' && args.path === 'module' && args.importer.endsWith('harfbuzzjs/dist/harfbuzz.js');
              if (!hbNodeBranch) builtins.push(`${args.path} (imported by ${args.importer})`);
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    expect(builtins).toEqual([]);
    const ours = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
    expect(ours).toContain('src/platform/browser.ts');
    expect(ours).not.toContain('src/platform/node.ts');
    const code = result.outputFiles[0]!.text;
    // Our own modules must not touch Node globals (libraries may feature-test them; ours may not).
    for (const file of ours) {
      const text = (await import('node:fs')).readFileSync(join(import.meta.dirname, '../../..', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
      expect(text, file).not.toMatch(/(?<![.\w])Buffer\b|\bprocess\./u); // hb.Buffer (HarfBuzz) is fine
    }
    expect(code.length).toBeGreaterThan(100_000);
  });
});
