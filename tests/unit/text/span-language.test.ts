import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { DEFAULT_SOURCE_LANG, spanLanguage } from '../../../src/text/span-language.ts';
import type { Paragraph, ShapedRun } from '../../../src/text/types.ts';

const runsOf = (p: Paragraph): readonly ShapedRun[] => layoutParagraph(p, { width: 1e6, size: 11 }).lines.flatMap((l) => l.runs);
/** [run text, spanLang] in visual order. */
const marks = (p: Paragraph) => runsOf(p).map((r) => [r.text, r.spanLang ?? null]);
const para = (text: string, lang: string, extra: Partial<Paragraph> = {}): Paragraph => ({ text, lang, spans: [], ...extra });

describe('spanLanguage: the one rule', () => {
  it('a styled span in another language wins; the paragraph language is never a span language', () => {
    expect(spanLanguage({ script: 'Latn', lang: 'en' }, { lang: 'fr' })).toBe('en');
    expect(spanLanguage({ script: 'Latn', lang: 'fr' }, { lang: 'fr' })).toBeUndefined();
    expect(spanLanguage({ script: 'Latn', lang: 'en' }, { lang: 'en' })).toBeUndefined();
  });

  it('source-language script inside a paragraph in another script is the source language', () => {
    expect(DEFAULT_SOURCE_LANG).toBe('en');
    expect(spanLanguage({ script: 'Latn', lang: 'ar' }, { lang: 'ar' })).toBe('en');
    expect(spanLanguage({ script: 'Arab', lang: 'ar' }, { lang: 'ar' })).toBeUndefined();
    expect(spanLanguage({ script: 'Latn', lang: 'ru' }, { lang: 'ru' })).toBe('en');
    // Same script as the paragraph language: cannot be told apart, stays in the paragraph language.
    expect(spanLanguage({ script: 'Latn', lang: 'pl' }, { lang: 'pl' })).toBeUndefined();
    // The source language is a parameter, not a table: a French-source project marks Latin in Arabic as French,
    // and an Arabic-source project marks Arabic inside English.
    expect(spanLanguage({ script: 'Latn', lang: 'ar' }, { lang: 'ar', sourceLang: 'fr' })).toBe('fr');
    expect(spanLanguage({ script: 'Arab', lang: 'en' }, { lang: 'en', sourceLang: 'ar' })).toBe('ar');
    expect(spanLanguage({ script: 'Latn', lang: 'en' }, { lang: 'en', sourceLang: 'ar' })).toBeUndefined();
  });
});

describe('layoutParagraph: runs carry spanLang', () => {
  it('Arabic: "Home Office" and an interpolated name are English; the phone number and brackets stay Arabic', () => {
    const text = 'قد يتغيّر القانون وإرشادات وزارة الداخلية (Home Office). اتصل بـ Anti-Raids Network على 0800 123 4567';
    const org = text.indexOf('Anti-Raids');
    const p = para(text, 'ar', {
      spans: [
        { start: 0, end: org, weight: 400 },
        { start: org, end: org + 'Anti-Raids Network'.length, weight: 400, lang: 'en' },
        { start: org + 'Anti-Raids Network'.length, end: text.length, weight: 400 },
      ],
    });
    const m = marks(p);
    expect(m.filter(([, l]) => l !== null)).toEqual([
      ['Anti-Raids Network', 'en'],
      ['Home Office', 'en'],
    ]);
    expect(m.find(([t]) => t === '0800 123 4567')).toEqual(['0800 123 4567', null]);
    expect(m.find(([t]) => (t as string).includes('('))?.[1]).toBeNull();
  });

  it('Bengali, Russian, Chinese: Latin runs are English; Polish and English paragraphs mark nothing', () => {
    expect(marks(para('কল করুন Home Office আজ', 'bn'))).toContainEqual(['Home Office ', 'en']);
    expect(marks(para('Звоните в Home Office сейчас.', 'ru'))).toContainEqual(['Home Office ', 'en']);
    expect(marks(para('请致电 WhatsApp。', 'zh-Hans'))).toContainEqual(['WhatsApp', 'en']);
    for (const p of [para('Zadzwoń do Home Office.', 'pl'), para('Call the Home Office.', 'en'), para('اتصل على 0800 123 4567', 'ar')]) {
      expect(
        runsOf(p).every((r) => r.spanLang === undefined),
        p.text,
      ).toBe(true);
    }
  });

  it('rule-2 marking never changes shaping: same shaper language, faces and glyphs as with another source language', () => {
    const text = 'کال کریں۔ Home Office کے انٹرویو سے پہلے، وکیل (warrant) پوچھیں۔';
    const en = runsOf(para(text, 'ur'));
    const ur = runsOf(para(text, 'ur', { sourceLang: 'ur' })); // source = paragraph language: rule 2 is off
    expect(ur.every((r) => r.spanLang === undefined)).toBe(true);
    expect(en.filter((r) => r.spanLang === 'en').map((r) => r.text)).toEqual(['warrant', 'Home Office']); // brackets take the Urdu script around them
    const strip = (runs: readonly ShapedRun[]) => runs.map(({ spanLang: _, ...r }) => r);
    expect(strip(en)).toEqual(strip(ur));
    expect(en.every((r) => r.language === 'ur')).toBe(true);
  });
});
