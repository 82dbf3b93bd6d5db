/**
 * The no-op build's fast path: an output whose stat (size, mtime, ctime, inode) is still the one recorded when it
 * last hashed right is trusted without reading it; anything else is hashed as before. These tests prove the stat is
 * really trusted (a wrong recorded sha256 goes unnoticed while the stat holds) and that no edit slips through it,
 * not even one with the same size and the modification time put back.
 */
import { copyFileSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CACHE_FILE, isFresh, readCache, recordStats, sha256, type BuildCache, type CacheEntry } from '../../../src/build/cache.ts';
import { RACY_MS } from '../../../src/build/file-stat.ts';
import { forgetContent } from '../../../src/build/run-job.ts';
import { copyFixture, run } from '../cli/helpers.ts';
import { fingerprint } from '../../faults/helpers.ts';

/** A modification time utimes can set exactly. */
const WHOLE_SECOND = new Date('2026-01-01T00:00:00Z');
const later = () => Date.now() + RACY_MS + 10_000;

/** An output folder with one file and a cache entry for it, as a build leaves them. */
function folder(bytes = 'the bytes a build wrote'): { dir: string; path: string; cache: BuildCache } {
  const dir = mkdtempSync(join(tmpdir(), 'rightsprint-stats-'));
  const path = join(dir, 'a.pdf');
  writeFileSync(path, bytes);
  // A whole second: utimes then puts it back exactly (it takes no nanoseconds).
  utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
  const entry: CacheEntry = {
    job: { id: 'j', edition: 'generic', lang: 'en', kind: 'card', dir: 'generic/en' },
    hash: 'inputs',
    content: 'content',
    outputs: [{ file: 'a.pdf', sha256: sha256(bytes), bytes: bytes.length, pages: 1 }],
  };
  return { dir, path, cache: { j: entry } };
}

/** The entry with its recorded sha256 made wrong: fresh only when the stat is trusted and the file not read. */
function withWrongHash(entry: CacheEntry): CacheEntry {
  return { ...entry, outputs: entry.outputs.map((o) => ({ ...o, sha256: sha256('something else') })) };
}

describe('output stats: a no-op trusts a recorded stat, and nothing else', () => {
  it('records a stat only for a file that has settled and still hashes right', () => {
    const { dir, path, cache } = folder();
    // Just written: it could change again within the same clock tick, unseen by its stat.
    expect(recordStats(cache, dir, Date.now())).toBe(false);
    expect(cache.j!.outputs[0]!.stat).toBeUndefined();
    // Damaged in place: never recorded, however old.
    writeFileSync(path, 'the bytes a build wrotX');
    expect(recordStats(cache, dir, later())).toBe(false);
    expect(cache.j!.outputs[0]!.stat).toBeUndefined();
    writeFileSync(path, 'the bytes a build wrote');
    expect(recordStats(cache, dir, later())).toBe(true);
    expect(cache.j!.outputs[0]!.stat).toMatch(/^\d+:[\d.]+:[\d.]+:\d+$/u);
    // Nothing new to record: unchanged.
    expect(recordStats(cache, dir, later())).toBe(false);
  });

  it('trusts the stat while it holds: the file is not read', () => {
    const { dir, cache } = folder();
    recordStats(cache, dir, later());
    expect(isFresh(cache.j, 'inputs', dir)).toBe(true);
    expect(isFresh(withWrongHash(cache.j!), 'inputs', dir)).toBe(true);
    expect(isFresh(cache.j, 'other inputs', dir)).toBe(false);
  });

  it('same size, other bytes, modification time put back: the change time gives it away, the file is hashed', () => {
    const { dir, path, cache } = folder();
    recordStats(cache, dir, later());
    const { size } = statSync(path);
    writeFileSync(path, 'THE bytes a build wrote');
    utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(BigInt(WHOLE_SECOND.getTime()) * 1_000_000n);
    expect(statSync(path).size).toBe(size);
    expect(statSync(path).ino).toBe(Number(cache.j!.outputs[0]!.stat!.split(':')[3]));
    expect(cache.j!.outputs[0]!.stat!.split(':').slice(0, 2)).toEqual([String(size), String(WHOLE_SECOND.getTime())]);
    expect(isFresh(cache.j, 'inputs', dir)).toBe(false);
    expect(isFresh(withWrongHash(cache.j!), 'inputs', dir)).toBe(false);
  });

  it('a file replaced by a copy of itself (another inode) or deleted is hashed or missing, never trusted', () => {
    const { dir, path, cache } = folder();
    recordStats(cache, dir, later());
    copyFileSync(path, `${path}.copy`);
    renameSync(`${path}.copy`, path);
    expect(isFresh(withWrongHash(cache.j!), 'inputs', dir)).toBe(false);
    // Same bytes: the hash still says fresh.
    expect(isFresh(cache.j, 'inputs', dir)).toBe(true);
    writeFileSync(join(dir, 'b.pdf'), '');
    renameSync(join(dir, 'b.pdf'), path);
    expect(isFresh(cache.j, 'inputs', dir)).toBe(false);
  });

  it('a cache whose stat is not text is not trusted at all', () => {
    const { dir } = folder();
    const { cache } = folder();
    writeFileSync(join(dir, CACHE_FILE), JSON.stringify({ format: 2, jobs: { j: { ...cache.j, outputs: [{ ...cache.j!.outputs[0], stat: 12 }] } } }));
    expect(readCache(dir)).toEqual({});
  });
});

describe('output stats through the CLI', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const SMALL = ['build', '--edition', 'generic', '--lang', 'en', '--material', 'card', '--jobs', '1'];

  it('a no-op records the stats of files that settled since they were written, once; the next no-op writes nothing', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run(SMALL, dir)).code).toBe(0);
    const cacheFile = join(dir, 'output', CACHE_FILE);
    const stats = () => readCache(join(dir, 'output'))['generic/en/card']?.outputs.map((o) => o.stat);
    expect(stats()?.every((s) => s === undefined)).toBe(true);
    // Right after the build: nothing has settled, the no-op hashes the files and writes nothing.
    let before = statSync(cacheFile);
    forgetContent();
    expect((await run(SMALL, dir)).out).toContain('0 job(s) built, 1 unchanged');
    expect(statSync(cacheFile).ino).toBe(before.ino);
    expect(stats()?.every((s) => s === undefined)).toBe(true);

    // Seconds later: the no-op records the stats (rewriting only the cache) ...
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later());
    forgetContent();
    const outputs = fingerprint(join(dir, 'output'));
    expect((await run(SMALL, dir)).out).toContain('0 job(s) built, 1 unchanged');
    expect(stats()?.length).toBeGreaterThan(0);
    expect(stats()?.every((s) => typeof s === 'string')).toBe(true);
    const after = fingerprint(join(dir, 'output'));
    for (const [file, sha] of outputs) if (file !== CACHE_FILE) expect(after.get(file), file).toBe(sha);

    // ... and the next no-op trusts them: nothing to record, nothing written.
    before = statSync(cacheFile);
    forgetContent();
    expect((await run(SMALL, dir)).out).toContain('0 job(s) built, 1 unchanged');
    expect(statSync(cacheFile).ino).toBe(before.ino);
    expect(statSync(cacheFile).mtimeMs).toBe(before.mtimeMs);
  });

  it('a build records the stats of settled files; the no-op then writes nothing and still catches a same-size edit', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run(SMALL, dir)).code).toBe(0);
    const cacheFile = join(dir, 'output', CACHE_FILE);
    const stats = () => readCache(join(dir, 'output'))['generic/en/card']?.outputs.map((o) => o.stat);
    // Written just now: nothing trusted by its stat yet.
    expect(stats()?.every((s) => s === undefined)).toBe(true);

    // A build that writes something records the stats of the files that have settled: with the clock seconds
    // ahead, every file it wrote looks settled.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later());
    forgetContent();
    expect((await run([...SMALL, '--force'], dir)).code).toBe(0);
    expect(stats()?.length).toBeGreaterThan(0);
    expect(stats()?.every((s) => typeof s === 'string')).toBe(true);

    // The no-op: unchanged, and the cache file is not rewritten.
    const before = statSync(cacheFile);
    forgetContent();
    expect((await run(SMALL, dir)).out).toContain('0 job(s) built, 1 unchanged');
    expect(statSync(cacheFile).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(cacheFile).ino).toBe(before.ino);

    // One byte of a card changed, size kept, modification time put back (to the ms): rebuilt.
    const card = join(dir, 'output/generic/en/card-press.pdf');
    const good = readFileSync(card);
    const { atime, mtime } = statSync(card);
    const damaged = Buffer.from(good);
    damaged[damaged.length >> 1] = damaged[damaged.length >> 1]! ^ 0xff;
    writeFileSync(card, damaged);
    utimesSync(card, atime, mtime);
    forgetContent();
    const r = await run(SMALL, dir);
    expect(r.out).toContain('1 job(s) built, 0 unchanged');
    expect(readFileSync(card).equals(good)).toBe(true);
  });
});
