import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/i18n/exchange/csv.ts';

/**
 * Bug (found with the real-tool fixtures, #15.14): translate-toolkit's po2csv writes `location,source,target` in
 * Python's csv dialect with escapechar `\`, so a backslash in a translation is written `\\`. The reader took both
 * backslashes as text: an untouched translation looked edited and was imported with a doubled backslash.
 */
describe('regression: translate-toolkit CSV backslash escapes', () => {
  it('reads po2csv output with its location column as the key and its escapes undone', () => {
    const csv = readFileSync(new URL('../../fixtures/exchange-tools/translate-toolkit/pl.po2csv.csv', import.meta.url), 'utf8');
    expect(csv).toContain('Ukośnik\\\\wsteczny');
    const read = readCsv(csv, 'pl.csv');
    expect(read.diagnostics).toEqual([]);
    const tricky = read.units.find((u) => u.key === 'tricky');
    expect([tricky?.text, tricky?.source, tricky?.unconfirmed]).toEqual([
      'Ukośnik\\wsteczny, "cudzysłów",\ti tabulator',
      'Back\\slash, "quotes",\tand a tab',
      true,
    ]);
  });

  it('our own CSV keeps backslashes as they are (no escape character in RFC 4180)', () => {
    const read = readCsv('key,translation,status\na,back\\\\slash,current\n', 'pl.csv');
    expect(read.units[0]?.text).toBe('back\\\\slash');
  });
});
