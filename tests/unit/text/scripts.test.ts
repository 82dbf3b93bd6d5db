import { describe, expect, it } from 'vitest';
import { COMMON, INHERITED, SCRIPTS, scriptOf, UNKNOWN } from '../../../src/text/scripts.ts';

describe('scriptOf', () => {
  it('names the first table script whose Script property the character has (one pattern per script in turn)', () => {
    const patterns = [
      ...SCRIPTS.map((s) => [s.iso, new RegExp(`^\\p{Script=${s.unicode}}$`, 'u')] as const),
      [COMMON, /^\p{Script=Common}$/u] as const,
      [INHERITED, /^\p{Script=Inherited}$/u] as const,
    ];
    const expected = (cp: number): string => patterns.find(([, re]) => re.test(String.fromCodePoint(cp)))?.[0] ?? UNKNOWN;
    const seen = new Set<string>();
    // Every BMP code point but the surrogates, and every 17th astral one.
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 17) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const want = expected(cp);
      seen.add(want);
      if (scriptOf(cp) !== want) expect(`U+${cp.toString(16)} ${scriptOf(cp)}`).toBe(`U+${cp.toString(16)} ${want}`);
    }
    expect(seen.size).toBeGreaterThan(SCRIPTS.length / 2);
    expect([scriptOf(0x4e00), scriptOf(0x0627), scriptOf(0x0301), scriptOf(0x3000), scriptOf(0xe000)]).toEqual(['Hani', 'Arab', INHERITED, COMMON, UNKNOWN]);
  });
});
