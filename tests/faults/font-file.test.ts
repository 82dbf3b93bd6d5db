/**
 * Faults of the bundled fonts, met for real: a truncated font file and a missing one, in a throw-away copy of the
 * tool (source and manifest copied, every other font linked, node_modules linked) run as a child process. Each must
 * be a user-fixable error naming the font file — RP4002 "does not match fonts/manifest.json" with both sha256s,
 * RP4003 "cannot be read" — exit 1 and no stack. Before, a truncated font was exit 3 with a fontkit/HarfBuzz stack
 * (or, worse, parsed and set wrong glyphs).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/fonts/registry.ts';
import { copyFixture, edit } from '../unit/cli/helpers.ts';
import { REPO, runChild } from './helpers.ts';

const STACK = /\n\s+at .+:\d+:\d+/u;
/** Tool copies to remove afterwards (each holds a copy of src/). */
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A runnable copy of the tool whose fonts/ is a copy of links, except the faces `damage` rewrites (or removes: null). */
function toolCopy(damage: Record<string, (bytes: Buffer) => Buffer | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'rp-tool-'));
  copies.push(root);
  // scripts/: bin/ checks whether the compiled bundle is current with scripts/src-stamp.mjs (it is not here: tsx runs).
  for (const part of ['src', 'bin', 'scripts', 'locales', 'schema', 'package.json', 'package-lock.json'])
    cpSync(join(REPO, part), join(root, part), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'fonts'));
  cpSync(join(REPO, 'fonts/manifest.json'), join(root, 'fonts/manifest.json'));
  for (const face of readManifest().faces) {
    const target = join(root, 'fonts', face.file);
    mkdirSync(dirname(target), { recursive: true });
    const change = damage[face.file];
    if (!change) symlinkSync(join(REPO, 'fonts', face.file), target);
    else {
      const bytes = change(readFileSync(join(REPO, 'fonts', face.file)));
      if (bytes) writeFileSync(target, bytes);
    }
  }
  return root;
}

const CARD = ['--edition', 'generic', '--lang', 'en', '--material', 'card'];

describe('fault: font files', () => {
  it('a truncated font: build exits 1 with RP4002 naming the file and both sha256s, no stack', () => {
    const tool = toolCopy({ 'noto-sans/NotoSans_400Regular.ttf': (b) => b.subarray(0, Math.floor(b.byteLength / 2)) });
    const { dir } = copyFixture('content-basic');
    const r = runChild(['build', ...CARD, '--jobs', '1'], dir, { bin: join(tool, 'bin/rightsprint.mjs') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^fonts\/noto-sans\/NotoSans_400Regular\.ttf {2}RP4002 {2}font file of face noto-sans-regular does not match fonts\/manifest\.json: its sha256 is [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…/mu,
    );
    expect(r.err).toContain('git checkout -- fonts/noto-sans/NotoSans_400Regular.ttf');
    expect(r.err).not.toMatch(STACK);
    expect(r.err).not.toContain('internal error');
  });

  it('a Chinese face changed inside its glyph outlines (hashed, then read as used): build exits 1 with RP4002', () => {
    // One byte inside `glyf`, far from the tables a parser reads first: only the whole-file hash can see it.
    const flip = (b: Buffer) => {
      const changed = Buffer.from(b);
      changed[changed.byteLength - 600_000]! ^= 0x55;
      return changed;
    };
    const tool = toolCopy({ 'noto-sans-sc/NotoSansSC_400Regular.ttf': flip, 'noto-sans-sc/NotoSansSC_700Bold.ttf': flip });
    const { dir, content } = copyFixture('content-basic');
    // A Chinese card: the fixture's Polish strings with a Chinese title (same source hashes).
    const pl = readFileSync(join(content, 'translations/pl.yaml'), 'utf8');
    writeFileSync(join(content, 'translations/zh-Hans.yaml'), pl.replace('language: pl', 'language: zh-Hans').replaceAll('Poznaj swoje prawa', '了解你的权利'));
    edit(join(content, 'project.yaml'), '  - { code: ar, review: draft }', '  - { code: ar, review: draft }\n  - { code: zh-Hans, review: draft }');
    const r = runChild(['build', '--edition', 'generic', '--lang', 'zh-Hans', '--material', 'card', '--jobs', '1'], dir, {
      bin: join(tool, 'bin/rightsprint.mjs'),
    });
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(
      /^fonts\/noto-sans-sc\/NotoSansSC_(400Regular|700Bold)\.ttf {2}RP4002 {2}font file of face noto-sans-sc-(regular|bold) does not match fonts\/manifest\.json/mu,
    );
    expect(r.err).not.toMatch(STACK);
  });

  it('a missing font: check exits 1 with RP4003 naming the file, no stack', () => {
    const tool = toolCopy({ 'noto-sans/NotoSans_700Bold.ttf': () => null });
    const { dir } = copyFixture('content-basic');
    const r = runChild(['check', '--edition', 'generic', '--lang', 'en'], dir, { bin: join(tool, 'bin/rightsprint.mjs') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^fonts\/noto-sans\/NotoSans_700Bold\.ttf {2}RP4003 {2}font file of face noto-sans-bold cannot be read \(ENOENT\)/mu);
    expect(r.err).not.toMatch(STACK);
  });
});
