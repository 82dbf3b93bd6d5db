import { describe, expect, it } from 'vitest';
import type { TranslationFile } from '../../../src/content/types.ts';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import type { ImportedUnit } from '../../../src/i18n/exchange/types.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

const SOURCE = { language: 'en', strings: { a: 'Alpha', b: 'Beta {{hotline}}', c: 'Gamma' } };
const OLD_B = sourceHash('Beta');
const EXISTING: TranslationFile = {
  language: 'fa',
  strings: {
    a: { text: 'آلفا', source: sourceHash('Alpha'), review: 'reviewed' },
    b: { text: 'بتا', source: OLD_B },
  },
};
let line = 0;
const unit = (key: string, text: string, more: Partial<ImportedUnit> = {}): ImportedUnit => {
  line += 1;
  const span = { file: 'fa.po', line, col: 8 };
  return { key, text, span, entrySpan: { ...span, col: 1 }, needsReview: false, reviewed: false, ...more };
};

describe('planImport', () => {
  it('stamps the current hash on a confirmed entry and drops "reviewed" when the text changed', () => {
    const plan = planImport([unit('a', 'آلفا نو', { sourceHash: sourceHash('Alpha') })], SOURCE, EXISTING);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.changes).toEqual([{ key: 'a', text: 'آلفا نو', source: sourceHash('Alpha'), review: 'draft' }]);
  });

  it('an edit drops the per-string reviewer (they signed off the old text); an untouched entry keeps it', () => {
    const reviewedA: TranslationFile = { language: 'fa', strings: { a: { ...EXISTING.strings.a!, reviewedBy: 'Amal K.', reviewedOn: '2026-11-26' } } };
    const edited = planImport([unit('a', 'آلفا نو', { sourceHash: sourceHash('Alpha') })], SOURCE, reviewedA);
    expect(edited.changes).toEqual([{ key: 'a', text: 'آلفا نو', source: sourceHash('Alpha'), review: 'draft', reviewedBy: null, reviewedOn: null }]);
    expect(planImport([unit('a', 'آلفا', { sourceHash: sourceHash('Alpha') })], SOURCE, reviewedA).changes).toEqual([]);
  });

  it('leaves unchanged entries out of the plan', () => {
    const plan = planImport([unit('a', 'آلفا'), unit('b', 'بتا', { needsReview: true, previousHash: OLD_B })], SOURCE, EXISTING);
    expect(plan.changes).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.stale).toEqual(['b']);
  });

  it('keeps the OLD hash on an entry still marked for review, and warns when it was edited', () => {
    const plan = planImport([unit('b', 'بتا {{hotline}}', { needsReview: true })], SOURCE, EXISTING);
    expect(plan.changes).toEqual([{ key: 'b', text: 'بتا {{hotline}}', source: OLD_B }]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['RP2612']);
  });

  it('does not import a fuzzy entry with no earlier translation to take a hash from', () => {
    const plan = planImport([unit('c', 'گاما', { needsReview: true })], SOURCE, EXISTING);
    expect(plan.changes).toEqual([]);
    expect(plan.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RP2613', 'warning']]);
  });

  it('a file exported before the source changed imports as stale, with a warning', () => {
    const plan = planImport([unit('c', 'گاما', { source: 'Old gamma' })], SOURCE, EXISTING);
    expect(plan.changes).toEqual([{ key: 'c', text: 'گاما', source: sourceHash('Old gamma') }]);
    expect(plan.stale).toEqual(['c']);
    expect(plan.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RP2611', 'warning']]);
  });

  it('the recorded hash wins over the source column (a translator may reformat the source text)', () => {
    const plan = planImport([unit('c', 'گاما', { source: 'Gamma (edited)', sourceHash: sourceHash('Gamma') })], SOURCE, EXISTING);
    expect(plan.changes[0]?.source).toBe(sourceHash('Gamma'));
    expect(plan.diagnostics).toEqual([]);
  });

  it('empty entries: untranslated when new, a warning (and kept) when they would blank a translation', () => {
    const plan = planImport([unit('c', '  '), unit('a', '')], SOURCE, EXISTING);
    expect(plan.changes).toEqual([]);
    expect(plan.untranslated).toEqual(['c']);
    expect(plan.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RP2608', 'warning']]);
  });

  it('rejects unknown and duplicate keys and entries failing checks; marks XLIFF-final entries reviewed', () => {
    const plan = planImport([unit('zz', 'x'), unit('c', 'گاما', { reviewed: true }), unit('c', 'again'), unit('b', 'بتا')], SOURCE, EXISTING);
    expect(plan.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([
      ['RP2602', expect.any(Number)],
      ['RP2609', expect.any(Number)],
      ['RP2603', expect.any(Number)],
    ]);
    expect(plan.rejected).toEqual(['zz', 'c', 'b']);
    expect(plan.changes).toEqual([{ key: 'c', text: 'گاما', source: sourceHash('Gamma'), review: 'reviewed' }]);
  });

  it('normalises imported text to NFC', () => {
    const decomposed = 'e\u0301';
    const plan = planImport([unit('c', decomposed)], SOURCE, EXISTING);
    expect(plan.changes[0]?.text).toBe('\u00e9');
  });
});

describe('planImport: review marks on current translations', () => {
  it('an edit flagged fuzzy over a CURRENT translation is not imported (it would print as current unreviewed)', () => {
    const plan = planImport([unit('a', 'آلفا؟', { needsReview: true })], SOURCE, EXISTING);
    expect(plan.changes).toEqual([]);
    expect(plan.rejected).toEqual(['a']);
    expect(plan.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RP2612', 'warning']]);
  });
});
