/**
 * The compiled CLI does not turn on Node's source-map support (it reads every module's map at every start);
 * sourceStack maps an internal error's stack when it is printed. Checked on a real esbuild bundle, compiled as
 * scripts/bundle.mjs compiles the CLI (linked map, no sources content, whitespace minified so most code shares one
 * line), into a dist/bundle/ folder of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sourceStack } from '../../../src/cli/source-stack.ts';

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
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      banner: { js: '// banner\n// lines' },
      minifyWhitespace: true,
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    // Run by plain Node, as bin/rightsprint.mjs runs the bundle (the test runner would map the stack itself).
    const script = `import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'bundle', 'cli.mjs')).href)}).then((m) => { try { m.boom(1); } catch (e) { console.log(e.stack); } })`;
    const stack = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
    const compiled = pathToFileURL(join(root, 'dist', 'bundle', 'cli.mjs')).href;
    expect(stack).toContain(compiled);
    const mapped = sourceStack(stack);
    expect(mapped).toContain(`${pathToFileURL(source).href}:4:9`);
    expect(mapped).not.toContain(compiled);
    // Frames outside the bundle are unchanged.
    expect(mapped).toContain('at [eval]:1:');
    // A path instead of a URL stays a path; a bundle file without a map stays as it was.
    const asPath = stack.replaceAll(compiled, join(root, 'dist', 'bundle', 'cli.mjs'));
    expect(sourceStack(asPath)).toContain(`${source}:4:9`);
    const noMap = `at x (${pathToFileURL(join(root, 'dist', 'bundle', 'other.mjs')).href}:3:7)`;
    expect(sourceStack(noMap)).toBe(noMap);
  });
});
