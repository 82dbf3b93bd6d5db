/**
 * scripts/bundle-shims/lazy-unicode-trie.cjs replaces `unicode-trie` in the compiled CLI so that fontkit, linebreak
 * and unicode-properties inflate their tries on first use instead of at every start. It must answer exactly as the
 * package's own trie for every code point, and inflate nothing until asked.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Trie = { get(codePoint: number): number; data: Uint32Array | null };
const UnicodeTrie = require('unicode-trie') as new (data: Uint8Array) => Trie;
const Builder = require('unicode-trie/builder.js') as new (
  initial: number,
  error: number,
) => {
  set(codePoint: number, value: number): void;
  setRange(start: number, end: number, value: number, overwrite: boolean): void;
  toBuffer(): Uint8Array;
};
const LazyUnicodeTrie = require('../../../scripts/bundle-shims/lazy-unicode-trie.cjs') as new (data: Uint8Array) => Trie;

/** A compressed trie with BMP, surrogate, supplementary and high ranges, as the packages ship theirs. */
function sample(): Uint8Array {
  const b = new Builder(7, 99);
  b.setRange(0x41, 0x5a, 1, true);
  b.setRange(0x600, 0x6ff, 2, true);
  b.set(0xd800, 3);
  b.setRange(0xdc00, 0xdfff, 4, true);
  b.setRange(0x1f300, 0x1f5ff, 5, true);
  b.setRange(0x20000, 0x2a6df, 6, true);
  b.set(0x10fffd, 8);
  return b.toBuffer();
}

describe('lazy unicode trie (compiled CLI only)', () => {
  it('gives the same value as unicode-trie for every code point and out-of-range input', () => {
    const data = sample();
    const eager = new UnicodeTrie(data);
    const lazy = new LazyUnicodeTrie(data);
    let differing = 0;
    for (let cp = -1; cp <= 0x110000; cp++) if (lazy.get(cp) !== eager.get(cp)) differing++;
    expect(differing).toBe(0);
    expect([lazy.get(0x41), lazy.get(0x650), lazy.get(0x20001), lazy.get(0x10fffd), lazy.get(0x110000)]).toEqual([1, 2, 6, 8, 99]);
  });

  it('inflates nothing until the first lookup', () => {
    const lazy = new LazyUnicodeTrie(sample());
    expect(lazy.data).toBeNull();
    lazy.get(0x41);
    expect(lazy.data).toBeInstanceOf(Uint32Array);
  });
});
