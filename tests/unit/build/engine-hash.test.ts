/**
 * The engine part of a job's input hash takes the source stamp bin/rightsprint.mjs checked at start (stampOnce)
 * instead of hashing src/ a second time: a different stamp (any edited, added or removed source file, see
 * src-stamp.test.ts) must give every job a different hash, and so a rebuild.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { FIXTURES } from '../cli/helpers.ts';

const job = { id: 'generic/en/card', edition: 'generic', lang: 'en', kind: 'card', dir: 'generic/en' } as const;
const ctx = { standard: 'none', materialOptions: {} } as const;

async function hashWithStamp(stamp: string): Promise<{ hash: string; content: string }> {
  vi.resetModules();
  vi.doMock('../../../scripts/src-stamp.mjs', () => ({ stampOnce: () => stamp }));
  const { InputHasher } = await import('../../../src/build/cache.ts');
  const content = loadContent(`${FIXTURES}content-basic`).content!;
  const hasher = new InputHasher(content, ctx);
  return { hash: hasher.hash(job), content: hasher.contentHash(job) };
}

describe('engine hash', () => {
  afterEach(() => {
    vi.doUnmock('../../../scripts/src-stamp.mjs');
    vi.resetModules();
  });

  it('changes with the source stamp, and only the engine part does', async () => {
    const a = await hashWithStamp('a'.repeat(64));
    const again = await hashWithStamp('a'.repeat(64));
    const b = await hashWithStamp('b'.repeat(64));
    expect(again).toEqual(a);
    expect(b.hash).not.toBe(a.hash);
    expect(b.content).toBe(a.content);
  });
});
