import { describe, expect, it } from 'vitest';
import { benchParagraph, benchText } from '../../../bench/text.ts';

describe('bench/text.ts', () => {
  it('lays out a 1,000-character mixed-script paragraph and reports ms per layout', () => {
    expect(benchParagraph().text.length).toBeGreaterThan(990);
    const r = benchText(5);
    expect(r.lines).toBeGreaterThan(10);
    expect(r.warmMs).toBeGreaterThan(0);
    // Generous bound (measured ≈2 ms here): catches an order-of-magnitude regression, not machine noise.
    expect(r.warmMs).toBeLessThan(50);
  });
});
