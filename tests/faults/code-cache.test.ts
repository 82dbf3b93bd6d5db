/**
 * The compiled CLI runs from V8 code caches recorded at `npm run prepare` (scripts/code-cache.mjs). A cache that is
 * damaged, made for another file or by something else must never change what runs: the script is compiled from its
 * source and builds the same bytes. Each case builds a PDF in a child process with copies of the real scripts, so
 * only when the bundle was compiled from the current sources (`npm run prepare` makes it). That V8 takes the cache
 * on a normal install: tests/unit/bundle/code-cache.test.ts.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADER, runNode } from '../unit/bundle/run-node.ts';
import { bundleStamp, BUNDLE_DIR, ROOT, stampOnce } from '../../scripts/src-stamp.mjs';

const current = bundleStamp() === stampOnce() && existsSync(join(BUNDLE_DIR, 'engine.cjs.cache'));

/** One small build (one job on the main thread) through the scripts in `dir`; prints each script's cache use. */
function buildScript(dir: string, out: string, prepare = ''): string {
  return [
    `const c = await import(${JSON.stringify(LOADER)});`,
    'const { readFileSync, writeFileSync, statSync } = await import("node:fs");',
    `const dir = ${JSON.stringify(dir)};`,
    prepare,
    'c.configure({ dir });',
    'const log = console.log; console.log = () => {};',
    `const code = await c.loadScript('cli').exports.main(['build', '--edition', 'generic', '--lang', 'ar', '--only', 'card-sheet-a4', '--force', '--jobs', '1', '--out', ${JSON.stringify(out)}]);`,
    'console.log = log;',
    "console.log(JSON.stringify({ code, cli: c.loadedScripts().get('cli').cache, engine: c.loadedScripts().get('engine').cache }));",
  ].join('\n');
}

/** The bytes of every PDF under `dir`, by path relative to it. */
function pdfs(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.pdf')) found[path] = readFileSync(join(dir, path)).toString('base64');
    }
  };
  walk('');
  return found;
}

describe('a code cache that does not fit', () => {
  it.skipIf(!current)('is not used, or V8 rejects it, and the script builds the same bytes compiled from its source', () => {
    // Copies of the scripts two levels below the root, as dist/bundle/ is (they find fonts/ and node_modules/ from there).
    const dir = mkdtempSync(join(ROOT, 'dist', 'code-cache-test-'));
    const tmp = mkdtempSync(join(tmpdir(), 'rightsprint-code-cache-'));
    try {
      for (const name of ['cli', 'engine']) {
        copyFileSync(join(BUNDLE_DIR, `${name}.cjs`), join(dir, `${name}.cjs`));
        copyFileSync(join(BUNDLE_DIR, `${name}.cjs.map`), join(dir, `${name}.cjs.map`));
      }
      const cache = (name: string) => JSON.stringify(join(BUNDLE_DIR, `${name}.cjs.cache`));
      const data = (name: string) => `readFileSync(${cache(name)}).subarray(readFileSync(${cache(name)}).indexOf(10) + 1)`;
      // A cache file with a header that fits the copied script, over the given data.
      const fitting = (name: string, payload: string) =>
        `{ const d = ${payload}; writeFileSync(dir + '/${name}.cjs.cache', Buffer.concat([Buffer.from(c.cacheHeader(statSync(dir + '/${name}.cjs'), d), 'latin1'), d])); }`;
      const cases: { name: string; prepare: string; cli: string; engine: string }[] = [
        { name: 'reference', prepare: `${fitting('cli', data('cli'))} ${fitting('engine', data('engine'))}`, cli: 'used', engine: 'used' },
        // The installed caches as they are: their headers name the installed scripts, not these copies.
        {
          name: 'for another file',
          prepare: `writeFileSync(dir + '/cli.cjs.cache', readFileSync(${cache('cli')})); writeFileSync(dir + '/engine.cjs.cache', readFileSync(${cache('engine')}));`,
          cli: 'none',
          engine: 'none',
        },
        // Whole and named for these scripts, but V8 data of the other script, or no V8 data at all: V8 refuses it.
        { name: 'foreign', prepare: `${fitting('cli', data('engine'))} ${fitting('engine', data('cli'))}`, cli: 'rejected', engine: 'rejected' },
        { name: 'not V8 data', prepare: `${fitting('engine', 'Buffer.alloc(100000, 7)')}`, cli: 'none', engine: 'rejected' },
        // Bytes changed after it was written, or cut short: it never reaches V8 (which checks no checksum).
        {
          name: 'damaged',
          prepare: `${fitting('engine', data('engine'))} { const f = dir + '/engine.cjs.cache'; const b = readFileSync(f); for (let i = b.length >> 1; i < b.length; i += 4096) b[i] ^= 0x5a; writeFileSync(f, b); }`,
          cli: 'none',
          engine: 'none',
        },
        {
          name: 'truncated',
          prepare: `${fitting('engine', data('engine'))} { const f = dir + '/engine.cjs.cache'; writeFileSync(f, readFileSync(f).subarray(0, 5000)); }`,
          cli: 'none',
          engine: 'none',
        },
      ];
      let reference: Record<string, string> | undefined;
      for (const c of cases) {
        for (const name of ['cli', 'engine']) rmSync(join(dir, `${name}.cjs.cache`), { force: true });
        const out = join(tmp, c.name.replaceAll(' ', '-'));
        const result = JSON.parse(
          runNode(buildScript(dir, out, c.prepare))
            .trim()
            .split('\n')
            .at(-1)!,
        ) as Record<string, unknown>;
        expect({ case: c.name, ...result }).toEqual({ case: c.name, code: 0, cli: c.cli, engine: c.engine });
        const bytes = pdfs(out);
        expect(Object.keys(bytes)).toEqual(['generic/ar/card-sheet-a4.pdf']);
        reference ??= bytes;
        expect(bytes).toEqual(reference);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
