/**
 * Regression: a combining mark that no bundled font has (U+20D0 on "a") was treated as ignorable when listing
 * missing characters, so the error named the base letter "a" (which every font has) instead of the mark.
 */
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('regression: missing-combining-mark-reported', () => {
  it('names the mark', () => {
    const l = layoutParagraph({ text: 'xa\u20D0y', lang: 'en', spans: [] }, { width: 500, size: 10 });
    expect(l.missing).toEqual([{ char: '\u20D0', codePoint: 'U+20D0', offset: 2, lang: 'en' }]);
  });
});
