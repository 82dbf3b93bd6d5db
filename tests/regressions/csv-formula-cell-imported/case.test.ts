import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../../src/i18n/exchange/csv.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

/**
 * Bug (#11.6): a CSV cell `=HYPERLINK("…","…")` was imported as the card title and printed, and export wrote
 * bullet cells ("- …") raw, which a spreadsheet runs as formulas. Export now defuses such cells with `'`, import
 * takes the quote off and refuses whatever still is a formula.
 */
describe('regression: spreadsheet formulas in CSV cells', () => {
  it('refuses a formula translation at its cell, and round-trips a defused bullet', () => {
    const bullet = '- Stay calm.\n- Call {{hotline}}.';
    const csv = writeCsv([{ key: 'b', source: bullet, sourceHash: sourceHash(bullet), translation: bullet, status: 'current' }]);
    expect(csv).toContain(`"'${bullet}"`);
    const read = readCsv(`${csv}title,Know your rights,"=HYPERLINK(""https://x.example"",""Know"")",current,133f9810\r\n`, 'ar.csv');
    expect(read.units.map((u) => [u.key, u.text, u.source])).toEqual([['b', bullet, bullet]]);
    expect(read.diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.span?.col])).toEqual([['RP2618', 'error', 5, 24]]);
  });
});
