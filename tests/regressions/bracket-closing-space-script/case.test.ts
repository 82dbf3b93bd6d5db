/**
 * Regression: in `দপ্তরের (Home Office) সাক্ষাৎকারের` the space after the closing bracket took the script of the
 * last letter (Latin) instead of the bracket's resolved script (Bengali), so it became a one-space Noto Sans run
 * between two Bengali runs. UAX #24: a Common character takes the resolved script of what precedes it.
 */
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('regression: bracket-closing-space-script', () => {
  it('the space after ")" stays with the Bengali text', () => {
    const text = 'স্বরাষ্ট্র দপ্তরের (Home Office) সাক্ষাৎকারের আগে';
    const runs = layoutParagraph({ text, lang: 'bn', spans: [] }, { width: 1e6, size: 11 }).lines[0]!.runs;
    expect(runs.map((r) => [r.text, r.script])).toEqual([
      ['স্বরাষ্ট্র দপ্তরের (', 'Beng'],
      ['Home Office', 'Latn'],
      [') সাক্ষাৎকারের আগে', 'Beng'],
    ]);
  });
});
