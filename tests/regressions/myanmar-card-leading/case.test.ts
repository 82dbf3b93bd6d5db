/**
 * Regression: the first Burmese translation's wallet card front overflowed by 2.0 mm at 6.5 pt. Noto Sans Myanmar
 * declares a 2.18 em line (ascent 1.324 + descent 0.86, room for the tallest stacks), but the ink of the whole
 * Burmese translation reaches only 1.00 em above and 0.54 em below the baseline. Myanmar lines now take 0.8 of the
 * metric height (1.75 em, still well above Latin's 1.36 em), like Nastaliq; the ink stays inside each line box.
 * Strings: the draft translation of the card (content/translations/my.yaml) with the example edition's
 * placeholder hotline, which is long enough to wrap.
 */
import { describe, expect, it } from 'vitest';
import { leadingFactor } from '../../../src/layout/line-height.ts';
import { baselineOffset, lineBoxHeight } from '../../../src/layout/place-line.ts';
import { cardSides } from '../../../src/materials/card-sides.ts';
import { CARD } from '../../../src/materials/specs.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { KEYS, makeDoc } from '../../unit/materials/helpers.ts';

const MY = {
  'card.title': 'သင့်အခွင့်အရေးများ သိထားပါ',
  'card.rights':
    '- ပုံမှန်အားဖြင့် မေးခွန်း ဖြေရန် မလိုပါ။\n- အရာရှိက အိမ်ဝင်ခွင့်တောင်းလျှင် ငြင်းနိုင်သည်။\n- ဘယ်တော့မှ မလိမ်ပါနှင့်၊ စာရွက်အတု မပြပါနှင့်။\n- ဖမ်းခံရလျှင် ဥပဒေအကြံဉာဏ်နှင့် စကားပြန် တောင်းပါ။',
  'card.call': 'အကူအညီလိုလျှင် {{organisation}} ကို ဖုန်းဆက်ပါ: **{{hotline}}**',
  'leaflet.disclaimer': 'အင်္ဂလန်နှင့် ဝေလအတွက် အထွေထွေ အချက်အလက်။ ဥပဒေအကြံဉာဏ် မဟုတ်ပါ။',
};

describe('regression: Burmese card leading', () => {
  it('the Burmese card front fits (it overflowed by 2.0 mm)', () => {
    const doc = makeDoc('my', { overrides: MY, hotline: 'PLACEHOLDER-set-your-hotline', review: 'draft' });
    const sides = cardSides(doc, { ...KEYS, card: { ...KEYS.card, front: ['card.title', 'card.rights', 'card.call'] } }, layoutParagraph, 'c');
    expect(sides.diagnostics.map((d) => d.message)).toEqual([]);
    expect(sides.front.size).toBeGreaterThanOrEqual(CARD.bodyMinPt);
  });

  it('Burmese ink stays inside its (tighter) line boxes, including tall stacked syllables', () => {
    const leading = leadingFactor('my');
    expect(leading).toBeLessThan(1);
    // Kinzi, stacked consonants, medials ya/ra/wa/ha, upper and lower vowels and tone marks.
    const samples = [...Object.values(MY), 'သင်္ချိုင်း ကမ္ဘာ့ ဗုဒ္ဓ မင်္ဂလာ ကျွန်ုပ် ခြွင်း မှုန့် ညွှန်ကြား ဘဏ္ဍာ ပြဿနာ'];
    for (const text of samples) {
      for (const para of text.replace(/\*\*|\{\{\w+\}\}|^- /gmu, '').split('\n')) {
        const layout = layoutParagraph({ text: para, lang: 'my', spans: [] }, { width: 200, size: 10, leading });
        for (const line of layout.lines) {
          const top = baselineOffset(line, leading);
          expect(line.ink!.ascent, line.text).toBeLessThanOrEqual(top + 1e-6);
          expect(line.ink!.descent, line.text).toBeLessThanOrEqual(lineBoxHeight(line, leading) - top + 1e-6);
        }
      }
    }
  });
});
