import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import { readCsv } from '../../../src/i18n/exchange/csv.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

/**
 * Bug (#11.7): a CSV cut off inside a quoted field reported "never closed" but still produced the row, and the row
 * had no status, so `import --partial` wrote the cut-off text stamped as current. A broken or short row is now
 * an error and never a translation.
 */
describe('regression: truncated CSV imported with --partial', () => {
  it('the cut-off row gives no unit, so no plan can write it', () => {
    const source = { language: 'en', strings: { a: 'One.', b: 'Two lines.\nSecond.' } };
    const csv = `key,source,translation,status,source_hash\r\na,One.,Jeden.,current,${sourceHash('One.')}\r\nb,"Two lines.\nSecond.","Dwie linie.\nDru`;
    const read = readCsv(csv, 'pl.csv');
    expect(read.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['RP2601', 4, 10]]);
    expect(read.units.map((u) => u.key)).toEqual(['a']);
    expect(planImport(read.units, source, undefined).changes.map((c) => c.key)).toEqual(['a']);
  });
});
