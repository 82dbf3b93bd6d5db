import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import type { ImportedUnit } from '../../../src/i18n/exchange/types.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

/**
 * Bug: a PO/XLIFF/CSV exported before the English gained a bullet was refused on import (RP2606 "the source has
 * 3 list lines, the translation has 2") for entries the translator had not touched, because every entry was
 * checked against the CURRENT English. Entries that change nothing must not be checked, and edited entries are
 * checked against the English the file was exported with.
 */
const OLD = '- one\n- two';
const NEW = '- one\n- two\n- three';
const at = { file: 'pl.po', line: 5, col: 8 };
const unit = (text: string): ImportedUnit => ({
  key: 'k',
  text,
  span: at,
  entrySpan: at,
  source: OLD,
  sourceHash: sourceHash(OLD),
  needsReview: false,
  reviewed: false,
});
const source = { language: 'en', strings: { k: NEW } };
const existing = { language: 'pl', strings: { k: { text: '- jeden\n- dwa', source: sourceHash(OLD) } } };

describe('regression: import of a file exported before the English changed', () => {
  it('an untouched entry changes nothing and reports nothing', () => {
    const plan = planImport([unit('- jeden\n- dwa')], source, existing);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.stale).toEqual(['k']);
  });

  it('an edited entry is checked against the English it was translated from, and stays stale', () => {
    const plan = planImport([unit('- jeden!\n- dwa!')], source, existing);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['RP2611']);
    expect(plan.changes).toEqual([{ key: 'k', text: '- jeden!\n- dwa!', source: sourceHash(OLD) }]);
  });
});
