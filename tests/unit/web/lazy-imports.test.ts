import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { LAZY_IMPORTS, lazyImports } from '../../../src/web/lazy-imports.ts';

/**
 * The worker bundle's lazy stand-ins (src/web/lazy-imports.ts) must offer every name their library imports and
 * answer as the real module does. Each module is bundled for the browser twice, imported from inside the library's
 * folder (the stand-in) and from the repository (the real module), and the two are compared on sample calls.
 */

/** The file of each library the site's bundle reads (its browser ESM build), where its import statements are. */
const LIBRARY_FILE: Record<string, string> = {
  '/node_modules/fontkit/': 'node_modules/fontkit/dist/browser-module.mjs',
  '/node_modules/pdfkit/': 'node_modules/pdfkit/js/pdfkit.browser.mjs',
};

const dir = mkdtempSync(join(tmpdir(), 'rp-lazy-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function bundled(what: string, resolveDir: string): Promise<Record<string, unknown>> {
  const out = await build({
    stdin: { contents: `export * from ${JSON.stringify(what)}; import * as m from ${JSON.stringify(what)}; export const __all = m;`, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [lazyImports()],
  });
  const file = join(dir, `b${n++}.mjs`);
  writeFileSync(file, out.outputFiles[0]!.text);
  return ((await import(pathToFileURL(file).href)) as { __all: Record<string, unknown> }).__all;
}

/** The names `library` imports from `what`: `default` for a default import. */
function importedNames(library: string, what: string): string[] {
  const source = readFileSync(join(REPO_ROOT, library), 'utf8');
  const quoted = what.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
  const names: string[] = [];
  for (const m of source.matchAll(new RegExp(`import\\s+([^;]*?)\\s+from\\s+["']${quoted}["']`, 'gu'))) {
    const clause = m[1]!;
    const braces = /\{([^}]*)\}/u.exec(clause)?.[1];
    if (braces) names.push(...braces.split(',').map((s) => s.trim().split(/\s+as\s+/u)[0]!));
    if (/^[\w$]+/u.test(clause)) names.push('default');
  }
  return names;
}

type Fn = (...a: unknown[]) => unknown;
/** Sample calls per module: each gets the module and returns plain data to compare. */
const SAMPLES: Record<string, (m: Record<string, unknown>) => unknown> = {
  'brotli/decompress.js': (m) => [...((m.default as Fn)(new Uint8Array(brotliCompressSync(Buffer.from('rightsprint '.repeat(50))))) as Uint8Array)],
  'unicode-properties': (m) =>
    [0x41, 0x35, 0x627, 0x301, 0x4e2d].map((cp) => ['getCombiningClass', 'getScript', 'isDigit', 'getCategory', 'isMark'].map((f) => (m[f] as Fn)(cp))),
  '@noble/ciphers/aes': (m) => {
    const key = new Uint8Array(16).fill(7);
    const iv = new Uint8Array(16).fill(3);
    const data = new Uint8Array(40).map((_, i) => i);
    const cbc = (m.cbc as (k: Uint8Array, iv: Uint8Array) => { encrypt(d: Uint8Array): Uint8Array }).call(undefined, key, iv);
    const ecb = (m.ecb as (k: Uint8Array) => { encrypt(d: Uint8Array): Uint8Array }).call(undefined, key);
    return [[...cbc.encrypt(data)], [...ecb.encrypt(data)]];
  },
};

describe('lazy stand-ins of the worker bundle', () => {
  it('has a sample call for every stand-in', () => {
    expect(LAZY_IMPORTS.map((l) => l.what).sort()).toEqual(Object.keys(SAMPLES).sort());
  });
  for (const lazy of LAZY_IMPORTS) {
    it(`${lazy.what}, as imported by ${lazy.from}, offers what it imports and answers as the real module`, async () => {
      const standIn = await bundled(lazy.what, join(REPO_ROOT, lazy.from));
      const real = await bundled(lazy.what, REPO_ROOT);
      // The stand-in is not the real module: it has only the imported names, each a function.
      expect(Object.keys(standIn).length).toBeLessThanOrEqual(Object.keys(real).length);
      const names = importedNames(LIBRARY_FILE[lazy.from]!, lazy.what);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(typeof standIn[name], name).toBe('function');
      expect(SAMPLES[lazy.what]!(standIn)).toEqual(SAMPLES[lazy.what]!(real));
    });
  }
});

describe("fontkit's lazy Unicode tries", () => {
  it('shape through fontkit as the untouched build does (Arabic, Devanagari, Khmer: the three shapers)', async () => {
    const entry = `import * as fontkit from 'fontkit'; export const __all = fontkit;`;
    const load = async (plugins: Plugin[]) => {
      const out = await build({
        stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        logLevel: 'silent',
        plugins,
      });
      const file = join(dir, `f${n++}.mjs`);
      writeFileSync(file, out.outputFiles[0]!.text);
      expect(out.outputFiles[0]!.text.includes('rpLazyTrie(() =>')).toBe(plugins.length > 0);
      return ((await import(pathToFileURL(file).href)) as { __all: { create(b: Uint8Array): { layout(t: string): { glyphs: { id: number }[] } } } }).__all;
    };
    const lazy = await load([lazyImports()]);
    const real = await load([]);
    const samples: [string, string][] = [
      ['fonts/noto-naskh-arabic/NotoNaskhArabic_400Regular.ttf', 'اعرف حقوقك'],
      ['fonts/noto-sans-devanagari/NotoSansDevanagari_400Regular.ttf', 'अपने अधिकार जानें'],
      ['fonts/noto-sans-khmer/NotoSansKhmer_400Regular.ttf', 'ស្គាល់សិទ្ធិរបស់អ្នក'],
    ];
    for (const [file, text] of samples) {
      const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, file)));
      const ids = (k: typeof lazy) =>
        k
          .create(bytes)
          .layout(text)
          .glyphs.map((g) => g.id);
      expect(ids(lazy), file).toEqual(ids(real));
    }
  });
});
