import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import { readXliff, writeXliff } from '../../../src/i18n/exchange/xliff.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

/**
 * Bug (#15.10): a `<target state="new">` that someone filled in (in a text editor: no tool confirmed it) was
 * imported as current, and `approved="yes"` — how XLIFF tools say "reviewed" — was ignored. A filled `new`
 * target now needs review; approved="yes" means reviewed, and export writes it on reviewed units.
 */
const xliff = (attrs: string, state: string) =>
  `<xliff version="1.2"><file target-language="ar"><body><trans-unit id="title"${attrs}><source>Know your rights</source><target state="${state}">اعرف حقوقك</target></trans-unit></body></file></xliff>`;
const source = { language: 'en', strings: { title: 'Know your rights' } };

describe('regression: XLIFF states as tools write them', () => {
  it('a filled state="new" target is not imported as current (no earlier translation: not imported at all)', () => {
    const read = readXliff(xliff('', 'new'), 'ar.xlf');
    expect(read.units.map((u) => [u.needsReview, u.reviewed])).toEqual([[true, false]]);
    const plan = planImport(read.units, source, undefined);
    expect(plan.changes).toEqual([]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['RP2613']);
    // Over an earlier translation it keeps the earlier hash: it stays stale.
    const stale = planImport(read.units, source, { language: 'ar', strings: { title: { text: 'قديم', source: 'deadbeef' } } });
    expect(stale.changes).toEqual([{ key: 'title', text: 'اعرف حقوقك', source: 'deadbeef' }]);
  });

  it('approved="yes" is reviewed, approved="no" is not even with state="final"; reviewed units are written approved', () => {
    expect(readXliff(xliff(' approved="yes"', 'translated'), 'ar.xlf').units[0]?.reviewed).toBe(true);
    expect(readXliff(xliff(' approved="no"', 'final'), 'ar.xlf').units[0]?.reviewed).toBe(false);
    expect(readXliff(xliff('', 'final'), 'ar.xlf').units[0]?.reviewed).toBe(true);
    const plan = planImport(readXliff(xliff(' approved="yes"', 'translated'), 'ar.xlf').units, source, undefined);
    expect(plan.changes).toEqual([{ key: 'title', text: 'اعرف حقوقك', source: sourceHash('Know your rights'), review: 'reviewed' }]);
    const out = writeXliff(
      [
        {
          key: 'title',
          source: 'Know your rights',
          sourceHash: sourceHash('Know your rights'),
          translation: 'اعرف حقوقك',
          status: 'current',
          review: 'reviewed',
        },
      ],
      { sourceLanguage: 'en', targetLanguage: 'ar', version: '2026.2', date: '2026-11-26' },
    );
    expect(out).toContain('<trans-unit id="title" approved="yes" xml:space="preserve">');
    expect(readXliff(out, 'ar.xlf').units[0]?.reviewed).toBe(true);
  });
});
