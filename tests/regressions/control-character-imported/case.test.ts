import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import { readPo } from '../../../src/i18n/exchange/po.ts';

/**
 * Bug (found with #15.9): like an XLIFF `&#1;`, a PO escape `\a`, `\b`, `\f` or `\v` (valid C escapes that msgfmt
 * accepts) or a raw control character in a CSV cell went into the translation YAML: nothing a card can print.
 * Such a translation is refused (RP2620) with the code point and its position.
 */
describe('regression: control characters in a translation', () => {
  it('refuses a PO \\f escape, names U+000C and where it is', () => {
    const read = readPo('msgctxt "title"\nmsgid "Know your rights"\nmsgstr "Poznaj\\fprawa"\n', 'pl.po');
    expect(read.diagnostics).toEqual([]);
    const plan = planImport(read.units, { language: 'en', strings: { title: 'Know your rights' } }, undefined, 'draft', [], 'Latn');
    expect(plan.changes).toEqual([]);
    expect(plan.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col, d.message])).toEqual([
      ['RP2620', 3, 8, '"title": the translation contains the control character U+000C at character 7.'],
    ]);
  });
});
