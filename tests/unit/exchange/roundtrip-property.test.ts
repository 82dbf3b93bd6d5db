import { describe, expect, it } from 'vitest';
import { looksLikeFormula, readCsv, writeCsv } from '../../../src/i18n/exchange/csv.ts';
import { readPo, writePo } from '../../../src/i18n/exchange/po.ts';
import type { ExchangeEntry } from '../../../src/i18n/exchange/types.ts';
import { readXliff, writeXliff } from '../../../src/i18n/exchange/xliff.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

/** Characters that break naive writers: quotes, escapes, separators, XML specials, comment starts, many scripts. */
const POOL = [
  'a',
  'Z',
  ' ',
  '  ',
  '"',
  '\\',
  '\\n',
  '\n',
  '\n\n',
  '\t',
  ',',
  ';',
  '<',
  '>',
  '&',
  "'",
  ']]>',
  '<!--',
  '#',
  '#,',
  'msgstr "',
  '- ',
  '**',
  '{{hotline}}',
  '&amp;',
  'اعرف',
  'حقوقك',
  'ਪੰਜਾਬੀ',
  'မြန်မာ',
  '繁體',
  '😀',
  'é',
  '\u200f',
  '=',
  '+',
];

/** Small deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(next: () => number): string {
  const n = Math.floor(next() * 12);
  return Array.from({ length: n }, () => POOL[Math.floor(next() * POOL.length)]).join('');
}

function randomEntries(seed: number): ExchangeEntry[] {
  const next = rng(seed);
  return Array.from({ length: 40 }, (_, i) => {
    const source = randomText(next) || 'x';
    const translation = randomText(next);
    const status = translation === '' ? 'missing' : next() < 0.3 ? 'stale' : 'current';
    return {
      // Keys are trimmed on CSV import (spreadsheets pad cells), so generated keys have no outer spaces.
      key: `k${i}.${randomText(next).replace(/[\n\t]/gu, '')}`.trim(),
      source,
      sourceHash: sourceHash(source),
      translation,
      status,
      ...(status === 'stale' ? { storedHash: 'deadbeef', previousSource: randomText(next) } : {}),
    } satisfies ExchangeEntry;
  });
}

const META = { sourceLanguage: 'en', targetLanguage: 'ar', version: '2026.2', date: '2026-11-26' };
const FORMATS = {
  po: (e: ExchangeEntry[]) => readPo(writePo(e, META), 'f.po'),
  xliff: (e: ExchangeEntry[]) => readXliff(writeXliff(e, META), 'f.xlf'),
  csv: (e: ExchangeEntry[]) => readCsv(writeCsv(e), 'f.csv'),
};

describe('writer → reader is lossless for awkward text (200 random entries per format)', () => {
  for (const [name, roundTrip] of Object.entries(FORMATS)) {
    it(name, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const entries = randomEntries(seed);
        const read = roundTrip(entries);
        // CSV refuses a translation that is a spreadsheet formula (RP2618) and round-trips everything else,
        // including sources and translations that start with "=", "+", "- " or "'" (defused with a quote).
        const refused = name === 'csv' ? entries.filter((e) => looksLikeFormula(e.translation)) : [];
        expect(read.diagnostics.map((d) => d.code)).toEqual(refused.map(() => 'RP2618'));
        expect(read.units.map((u) => [u.key, u.text, u.source, u.sourceHash, u.needsReview])).toEqual(
          entries.filter((e) => !refused.includes(e)).map((e) => [e.key, e.translation, e.source, e.sourceHash, e.status === 'stale']),
        );
      }
    });
  }
});
