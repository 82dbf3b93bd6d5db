/**
 * The compiled CLI does not turn on Node's source-map support (it reads every module's map at every start);
 * sourceStack maps an internal error's stack when it is printed. Checked on a real esbuild bundle, compiled as
 * scripts/bundle.mjs compiles the CLI (a script in SCRIPT_WRAPPER, linked map, no sources content, whitespace
 * minified so most code shares one line), into a dist/bundle/ folder of its own, and run by the CLI's own loader
 * (scripts/code-cache.mjs loadScript, through vm.Script) with a code cache made for it, as bin/ runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SCRIPT_WRAPPER } from '../../../scripts/code-cache.mjs';
import { sourceStack } from '../../../src/cli/source-stack.ts';

const LOADER = new URL('../../../scripts/code-cache.mjs', import.meta.url).href;

describe('sourceStack', () => {
  it('names the TypeScript file, line and column of each compiled frame, and leaves other frames alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rightsprint-stack-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    const source = join(root, 'src', 'cli', 'boom.ts');
    writeFileSync(
      source,
      [
        '// a comment, so the lines differ from the bundle',
        'export function boom(n: number): never {',
        '  const why: string = "bug " + String(n);',
        '  throw new Error(why);',
        '}',
        '',
      ].join('\n'),
    );
    await build({
      absWorkingDir: root,
      entryPoints: { cli: 'src/cli/boom.ts' },
      outdir: join(root, 'dist', 'bundle'),
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      banner: { js: SCRIPT_WRAPPER.banner },
      footer: { js: SCRIPT_WRAPPER.footer },
      minifyWhitespace: true,
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    // Run by plain Node through the CLI's loader, as bin/rightsprint.mjs runs the bundle (the test runner would map
    // the stack itself): first without a cache, recording one after the throw; then with it (V8 must take it).
    const dir = join(root, 'dist', 'bundle');
    const run = (useCache: boolean) => {
      const script = [
        `const c = await import(${JSON.stringify(LOADER)});`,
        `c.configure({ dir: ${JSON.stringify(dir)}, useCache: ${useCache} });`,
        "const s = c.loadScript('cli');",
        'try { s.exports.boom(1); } catch (e) { console.log(e.stack); }',
        `if (!${useCache}) c.writeCodeCache(s); else console.log('cache:', s.cache);`,
      ].join('\n');
      return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    };
    const first = run(false);
    const cached = run(true);
    expect(cached.stdout).toContain('cache: used');
    const compiled = join(dir, 'cli.cjs');
    for (const stack of [first.stdout, cached.stdout]) {
      expect(stack).toContain(`${compiled}:`);
      const mapped = sourceStack(stack);
      expect(mapped).toContain(`${source}:4:9`);
      expect(mapped).not.toContain(compiled);
      // Frames outside the bundle are unchanged.
      expect(mapped).toContain('at file://');
    }
    // A URL instead of a path stays a URL (an ES module bundle's frames); a bundle file without a map stays as it was.
    const asUrl = first.stdout.replaceAll(compiled, pathToFileURL(compiled).href);
    expect(sourceStack(asUrl)).toContain(`${pathToFileURL(source).href}:4:9`);
    const noMap = `at x (${pathToFileURL(join(dir, 'other.mjs')).href}:3:7)`;
    expect(sourceStack(noMap)).toBe(noMap);
  });
});
