import { describe, expect, it } from 'vitest';
import { num } from '../../../src/render/number.ts';
import { prng } from '../../faults/helpers.ts';

/** num's definition, which its integer formatting must match: 4 decimals by toFixed, trailing zeros and a bare point dropped. */
function slow(n: number): string {
  const r = Math.round(n * 1e4) / 1e4;
  return r === 0 ? '0' : r.toFixed(4).replace(/\.?0+$/, '');
}

describe('num', () => {
  it('writes what toFixed(4) without trailing zeros writes, at every magnitude a page can have and beyond', () => {
    const next = prng(12);
    const values = [
      0,
      -0,
      1e-5,
      -4e-5,
      5e-5,
      -5e-5,
      1e-4,
      0.00015,
      0.5,
      1,
      -1,
      1.25,
      0.1 + 0.2,
      595.2756,
      841.8898,
      9999999.99995,
      1e7,
      -1e7,
      123456789.12345,
      1e20,
      1e22,
    ];
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** (next() * 14 - 5);
      const v = (next() - 0.5) * 2 * magnitude;
      values.push(v, Math.round(v * 1e4) / 1e4, Math.round(v * 1e4 + 0.5) / 1e4, Math.round(v) + 0.00005);
    }
    let differ = 0;
    for (const v of values) if (num(v) !== slow(v)) differ++;
    expect(differ).toBe(0);
    expect([num(-0), num(-1e-5), num(1.5), num(-2.25001), num(1e22)]).toEqual(['0', '0', '1.5', '-2.25', '1e+22']);
  });

  it('refuses what a PDF cannot hold', () => {
    expect(() => num(Number.NaN)).toThrow(/cannot write NaN/);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(/cannot write Infinity/);
  });
});
