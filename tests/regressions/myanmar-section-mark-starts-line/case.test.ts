/**
 * Regression (seen in a rendered proof): `…တောင်းဆိုနိုင်ပါသည်။` broke before the section mark ။, which then began
 * the next line on its own. Dictionary word boundaries (Intl.Segmenter) treat ။ as a word, and the dictionary rule
 * replaced UAX #14 even at punctuation. Now dictionary breaks apply only between letters and marks, and the
 * sentence marks of Myanmar, Khmer, Thai, the Indic dandas, Ethiopic and Arabic never start a line.
 */
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('regression: myanmar-section-mark-starts-line', () => {
  it('။ never starts a line, at any width', () => {
    const text = 'အခမဲ့ အကြံဉာဏ်ရယူရန် 0800 123 4567 ကို ဖုန်းဆက်ပါ။ စကားပြန်တစ်ဦး တောင်းဆိုနိုင်ပါသည်။';
    for (let width = 20; width < 300; width += 3) {
      const l = layoutParagraph({ text, lang: 'my', spans: [] }, { width, size: 14 });
      for (const line of l.lines) expect(line.text.startsWith('။'), `width ${width}: ${line.text}`).toBe(false);
    }
  });

  it('the 14 pt / 80 mm proof layout keeps ။ with its word', () => {
    const text = 'စကားပြန်တစ်ဦး တောင်းဆိုနိုင်ပါသည်။';
    const l = layoutParagraph({ text, lang: 'my', spans: [] }, { width: (80 * 72) / 25.4, size: 14 });
    expect(l.lines.at(-1)!.text.endsWith('ပါသည်။')).toBe(true);
  });
});
