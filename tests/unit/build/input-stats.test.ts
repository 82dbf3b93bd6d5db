/**
 * The input hash's files (content and engine) are trusted by their recorded stat, as outputs are: a file whose stat
 * is the one recorded when it last hashed is not read again; any write (even one that keeps the size and puts the
 * modification time back) gives it another change time, and it is read. These tests prove the stat is really
 * trusted (a wrong recorded sha256 is taken while the stat holds) and that an edit is never missed.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_FILE, InputHasher, readCacheFile, sha256, type InputStats } from '../../../src/build/cache.ts';
import { RACY_MS } from '../../../src/build/file-stat.ts';
import { forgetContent } from '../../../src/build/run-job.ts';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, run } from '../cli/helpers.ts';

const job = { id: 'generic/ar/card', edition: 'generic', lang: 'ar', kind: 'card', dir: 'generic/ar' } as const;
const ctx = { standard: 'none', materialOptions: {} } as const;
const later = () => Date.now() + RACY_MS + 10_000;
/** A modification time utimes can set exactly. */
const WHOLE_SECOND = new Date('2026-01-01T00:00:00Z');

function setup() {
  const { content: dir } = copyFixture('content-basic');
  const translation = join(dir, 'translations', 'ar.yaml');
  utimesSync(translation, WHOLE_SECOND, WHOLE_SECOND);
  const content = () => loadContent(dir).content!;
  return { dir, translation, content };
}

describe('input stats: a build trusts an input file by its recorded stat, and nothing else', () => {
  afterEach(() => forgetContent());

  it('records a settled input, and takes its recorded hash without reading it while the stat holds', () => {
    const { translation, content } = setup();
    // Just written (copied): not settled, not recorded.
    const fresh = new InputHasher(content(), ctx, {}, {}, Date.now());
    fresh.contentHash(job);
    expect(fresh.inputs()[translation]).toBeUndefined();
    const first = new InputHasher(content(), ctx, {}, {}, later());
    const hash = first.contentHash(job);
    const recorded = first.inputs()[translation]!;
    expect(recorded.sha256).toBe(sha256(readFileSync(translation)));
    // The same stat with a wrong recorded hash: taken as it is, so the file was not read.
    const wrong: InputStats = { ...first.inputs(), [translation]: { ...recorded, sha256: sha256('something else') } };
    expect(new InputHasher(content(), ctx, {}, wrong, later()).contentHash(job)).not.toBe(hash);
    expect(new InputHasher(content(), ctx, {}, first.inputs(), later()).contentHash(job)).toBe(hash);
  });

  it('an edit with the same size and the modification time put back is read and hashed', () => {
    const { translation, content } = setup();
    const first = new InputHasher(content(), ctx, {}, {}, later());
    const hash = first.contentHash(job);
    const text = readFileSync(translation, 'utf8');
    const edited = text.replace('language: ar', 'language: ar'.replace('a', 'A'));
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    writeFileSync(translation, edited);
    utimesSync(translation, WHOLE_SECOND, WHOLE_SECOND);
    const second = new InputHasher(content(), ctx, {}, first.inputs(), later());
    expect(second.contentHash(job)).not.toBe(hash);
    expect(second.inputs()[translation]!.sha256).toBe(sha256(edited));
    // Just changed, as a build right after the edit sees it: read, and no stat kept for it.
    const racy = new InputHasher(content(), ctx, {}, first.inputs(), Date.now());
    expect(racy.contentHash(job)).toBe(second.contentHash(job));
    expect(racy.inputs()[translation]).toBeUndefined();
  });

  it('a build saves the trusted inputs with its cache; the no-op after it leaves the cache file as it is', async () => {
    const { dir: cwd, content: dir } = copyFixture('content-basic');
    const out = join(cwd, 'out');
    const build = () => run(['build', '--content', dir, '--out', out, '--lang', 'ar', '--material', 'card'], cwd);
    expect((await build()).code).toBe(0);
    // The fixture was copied just now: its files settle RACY_MS later, and a later build records them then.
    await new Promise((r) => setTimeout(r, RACY_MS + 100));
    expect((await build()).code).toBe(0);
    const { inputs } = readCacheFile(out);
    expect(inputs[join(dir, 'translations', 'ar.yaml')]?.sha256).toBe(sha256(readFileSync(join(dir, 'translations', 'ar.yaml'))));
    expect(Object.keys(inputs).some((p) => p.endsWith(join('locales', 'ar', 'ui.json')))).toBe(true);
    const saved = readFileSync(join(out, CACHE_FILE), 'utf8');
    const noop = await build();
    expect(noop.code).toBe(0);
    expect(noop.out).toContain('0 job(s) built');
    expect(readFileSync(join(out, CACHE_FILE), 'utf8')).toBe(saved);
  }, 60_000);
});
