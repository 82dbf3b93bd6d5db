import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bidiLevels, isolateRanges } from '../../../src/text/itemize.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { lineBreaks } from '../../../src/text/linebreak.ts';
import { classifyValue, keepTogether, LTR_UNIT_PATTERNS, ltrUnits, type LtrUnitKind } from '../../../src/text/ltr-units.ts';
import { drawnOffsets, orderProblem, reorderedOffsets } from './drawn-order.ts';

/** Values as a group would set them (hotline, website, e-mail), each with what it must be classified as. */
const VALUES: readonly [string, LtrUnitKind][] = [
  ['(020) 7123 4567', 'phone'],
  ['+44 (0)20 7123-4567', 'phone'],
  ['020 7123 4567 ext. 12', 'phone'],
  ['020 7123 4567 ext 12', 'phone'],
  ['(+44) 20 7123 4567', 'phone'],
  ['0800 123 4567', 'phone'],
  ['+44 20 7946 0000', 'phone'],
  ['0800-123-4567', 'phone'],
  ['555.123.4567', 'phone'],
  ['0800\u00A0123\u00A04567', 'phone'],
  ['۰۲۰ ۷۱۲۳ ۴۵۶۷', 'phone'],
  ['(٠٢٠) ٧١٢٣ ٤٥٦٧', 'phone'],
  ['https://example.org/help/rights?lang=ar&v=2', 'url'],
  ['https://example.org/help/', 'url'],
  ['https://example.org/PLACEHOLDER-set-your-website', 'url'],
  ['http://example.org/a_(b)', 'url'],
  ['www.example.org', 'url'],
  ['example.org/rights', 'url'],
  ['gov.uk', 'url'],
  ['help@example.org', 'email'],
  ['first.last+rights@example.org.uk', 'email'],
  ['mailto:help@example.org', 'email'],
];

/** Where a value sits in a sentence: start, middle, end, after a colon, before a full stop, in brackets, quoted. */
const CONTEXTS: readonly ((v: string) => string)[] = [
  (v) => v,
  (v) => `${v} هو الرقم`,
  (v) => `اتصل بـ ${v} الآن`,
  (v) => `اتصل بـ ${v}`,
  (v) => `الهاتف: ${v}`,
  (v) => `الهاتف:${v}.`,
  (v) => `اتصل بـ ${v}.`,
  (v) => `راسل ${v}، ثم`,
  (v) => `رقم (${v}) الآن`,
  (v) => `«${v}»`,
  (v) => `Call ${v}.`,
  (v) => `با ${v} تماس بگیرید.`,
  (v) => `${v} پر کال کریں۔`,
  (v) => `התקשרו ל-${v} עכשיו`, // Hebrew prefixes join with a hyphen: it stays with the Hebrew
  (v) => `בקרו ב-${v}.`,
];

/** Every right-to-left language the materials are printed in, and Hebrew (proofs). */
const RTL_LANGS = ['ar', 'fa', 'prs', 'ps', 'ckb', 'ur', 'he'] as const;

describe('classifyValue (the table in text/ltr-units.ts)', () => {
  it('recognises phone numbers, web addresses and e-mail addresses as written in settings', () => {
    for (const [value, kind] of VALUES) expect(classifyValue(value), value).toBe(kind);
    expect(classifyValue('  (020) 7123 4567 ')).toBe('phone'); // surrounding whitespace does not count
  });

  it('does not take names, placeholders, lone numbers or list numbers for a unit', () => {
    for (const value of [
      'Example Anti-Raids Network',
      'PLACEHOLDER-set-your-hotline',
      '999',
      '',
      '(1) (2)',
      '159 (1)',
      '3 x 4',
      'Mr. Khan',
      'e.g.',
      'ss.159–160',
    ]) {
      expect(classifyValue(value), value).toBeUndefined();
    }
  });

  it('documents every row', () => {
    for (const row of LTR_UNIT_PATTERNS) {
      expect(row.describes.length).toBeGreaterThan(20);
      expect(row.pattern.global && row.pattern.unicode).toBe(true);
    }
  });

  it("never skips a row whose pattern matches: each match passes the row's mayMatch (values in context, shipped guidance)", () => {
    const guidance = (dir: string) => readdirSync(new URL(`../../../content/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.yaml'));
    const texts = [
      ...VALUES.flatMap(([value]) => CONTEXTS.map((context) => context(value))),
      ...guidance('guidance').map((f) => readFileSync(new URL(`../../../content/guidance/${f}`, import.meta.url), 'utf8')),
      ...guidance('translations').map((f) => readFileSync(new URL(`../../../content/translations/${f}`, import.meta.url), 'utf8')),
    ];
    let matches = 0;
    for (const text of texts) {
      for (const row of LTR_UNIT_PATTERNS) {
        for (const m of text.matchAll(row.pattern)) {
          matches++;
          expect(row.mayMatch.test(m[0]), `${row.describes}: ${JSON.stringify(m[0])}`).toBe(true);
        }
      }
    }
    // The check saw matches of every kind (a vacuous pass would prove nothing).
    expect(matches).toBeGreaterThan(100);
  });
});

describe('ltrUnits: a classified value is found as exactly one unit wherever it sits in running text', () => {
  it('in every context, the unit covering the value is the value (trailing punctuation and brackets stay outside)', () => {
    for (const [value, kind] of VALUES) {
      for (const context of CONTEXTS) {
        const text = context(value);
        const at = text.indexOf(value);
        const units = ltrUnits(text).filter((u) => u.start < at + value.length && u.end > at);
        expect(units, `${value} in ${JSON.stringify(text)}`).toEqual([{ start: at, end: at + value.length, kind }]);
      }
    }
  });

  it('finds numbers typed into a sentence, and the longest candidate wins', () => {
    const text = 'الخط الليلي: (020) 7946 0000، أو +44 (0)20 7946 0001، أو first.last@example.org';
    expect(ltrUnits(text).map((u) => [text.slice(u.start, u.end), u.kind])).toEqual([
      ['(020) 7946 0000', 'phone'],
      ['+44 (0)20 7946 0001', 'phone'],
      ['first.last@example.org', 'email'],
    ]);
  });

  it('keeps the old grouped-number rule: a lone number is no unit, dates and groups are', () => {
    expect(ltrUnits('رقم 123456 فقط')).toEqual([]);
    const text = 'بتاريخ 2026-11-26 و ۱۲۳ ۴۵۶';
    expect(ltrUnits(text).map((u) => text.slice(u.start, u.end))).toEqual(['2026-11-26', '۱۲۳ ۴۵۶']);
  });

  it('leaves bracketed list and section numbers alone (too few digits for a phone number)', () => {
    expect(ltrUnits('الخياران (1) (2) والمادة 159 (1)')).toEqual([]);
  });
});

describe('itemize isolates each unit as one LTR unit in every RTL language', () => {
  // The levels depend only on the text and the paragraph direction (no language goes in), so one pass covers
  // every RTL language.
  it('every value, in every context of an RTL paragraph, has one even (LTR) level throughout', () => {
    for (const [value] of VALUES) {
      for (const context of CONTEXTS) {
        const text = context(value);
        const at = text.indexOf(value);
        const levels = [...bidiLevels(text, 'rtl').slice(at, at + value.length)];
        expect(new Set(levels).size, `${value} in ${JSON.stringify(text)}`).toBe(1);
        expect(levels[0]! % 2, `${value} in ${JSON.stringify(text)} is LTR`).toBe(0);
      }
    }
  });

  it('reordered for display (UAX #9 L2), the value reads left to right in typing order; plain UAX #9 scrambles it', () => {
    const scrambled: string[] = [];
    for (const [value, kind] of VALUES) {
      for (const context of CONTEXTS) {
        const text = context(value);
        const at = text.indexOf(value);
        const fixed = orderProblem(text, reorderedOffsets(text, 'rtl', bidiLevels(text, 'rtl')), at, at + value.length);
        expect(fixed, `${JSON.stringify(text)}`).toBeUndefined();
        if (kind === 'phone' && orderProblem(text, reorderedOffsets(text, 'rtl'), at, at + value.length)) scrambled.push(text);
      }
    }
    // The examples are among those plain UAX #9 gets wrong (what the engine did for unrecognised numbers).
    const plain = (text: string, value: string) => orderProblem(text, reorderedOffsets(text, 'rtl'), text.indexOf(value), text.indexOf(value) + value.length);
    // (Characters are listed in drawing order, unmirrored: at an RTL level `)` is drawn as `(`.)
    expect(plain('اتصل (020) 7123 4567', '(020) 7123 4567')).toBe('"(020) 7123 4567" is drawn as "4567 7123 )020("');
    expect(plain('اتصل +44 (0)20 7123-4567', '+44 (0)20 7123-4567')).toBe('"+44 (0)20 7123-4567" is drawn as "4567-7123 20)0( 44+"');
    expect(scrambled.length).toBeGreaterThan(50);
  });

  it('a value in an LTR span (an interpolated URL marked English) gets no second isolate', () => {
    const text = 'موقعنا: https://example.org/help/';
    const at = text.indexOf('h');
    expect(
      isolateRanges(text, 'rtl', [
        { start: 0, end: at, weight: 400 },
        { start: at, end: text.length, weight: 400, lang: 'en' },
      ]),
    ).toEqual([{ start: at, end: text.length, direction: 'ltr' }]);
    expect(isolateRanges(text, 'rtl')).toEqual([{ start: at, end: text.length, direction: 'ltr', override: true }]);
  });

  it('Arabic-Indic digits (bidi class AN) keep their groups in order too: the unit is overridden LTR, not only isolated', () => {
    const text = 'اتصل بـ (٠٢٠) ٧١٢٣ ٤٥٦٧ الآن';
    const at = text.indexOf('(');
    expect(new Set(bidiLevels(text, 'rtl').slice(at, at + 15))).toEqual(new Set([2]));
    // Inside an LTR span isolate nothing changes for ASCII: levels stay 2, the span is the only isolate.
    const spans = [
      { start: 0, end: 8, weight: 400 as const },
      { start: 8, end: text.length, weight: 400 as const, lang: 'ar' },
    ];
    expect(isolateRanges(text, 'ltr', spans)).toEqual([
      { start: 8, end: text.length, direction: 'rtl' },
      { start: at, end: at + 15, direction: 'ltr', override: true },
    ]);
    expect(new Set(bidiLevels(text, 'ltr', spans).slice(at, at + 15))).toEqual(new Set([2]));
  });

  it('LTR paragraphs without RTL text are left alone', () => {
    expect(isolateRanges('Call (020) 7123 4567 or see https://example.org/', 'ltr')).toEqual([]);
  });
});

describe('laid out and shaped: the glyphs of the value are drawn left to right in typing order', () => {
  // Arabic (every value) in the fast tier; the other RTL languages and fonts (Nastaliq, Hebrew, …) in the full one.
  const cases = [
    { name: 'Arabic', langs: RTL_LANGS.filter((l) => l === 'ar'), tags: [] },
    { name: 'every other RTL language', langs: RTL_LANGS.filter((l) => l !== 'ar'), tags: ['sweep'] },
  ];
  for (const { name, langs, tags } of cases)
    it(`in ${name}, in every context, in a regular and a bold span`, { tags }, () => {
      const problems: string[] = [];
      for (const lang of langs) {
        for (const [value] of VALUES.filter((_, i) => i % 2 === 0 || lang === 'ar')) {
          for (const context of CONTEXTS) {
            const text = context(value);
            const at = text.indexOf(value);
            // Bold around the value, as `**{{hotline}}**` gives.
            const spans = [
              { start: 0, end: at, weight: 400 as const },
              { start: at, end: at + value.length, weight: 700 as const },
              { start: at + value.length, end: text.length, weight: 400 as const },
            ].filter((s) => s.end > s.start);
            for (const p of [
              { text, lang, spans: [] },
              { text, lang, spans },
            ]) {
              const lines = layoutParagraph(p, { width: 1e6, size: 10 }).lines;
              expect(lines).toHaveLength(1);
              const problem = orderProblem(text, drawnOffsets(lines[0]!), at, at + value.length, 1);
              if (problem) problems.push(`${lang} ${JSON.stringify(text)}${p.spans.length > 0 ? ' (bold)' : ''}: ${problem}`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
});

describe('line breaking never splits a phone number, an e-mail address or a web address before its path', () => {
  it('keepTogether: a URL keeps its scheme and host, and may wrap in its path', () => {
    const text = 'بقرو ב-https://example.org/help/rights?lang=ar&v=2 help@example.org';
    const [url, email] = ltrUnits(text);
    expect(keepTogether(text, url!)).toBe('https://example.org'.length);
    expect(keepTogether(text, email!)).toBe('help@example.org'.length);
    const breaks = lineBreaks(text, 'he').map((b) => b.position);
    expect(breaks.filter((b) => b > url!.start && b <= url!.start + 'https://example.org'.length)).toEqual([]);
    expect(breaks.some((b) => b > url!.start + 'https://example.org'.length && b < url!.end)).toBe(true);
    expect(breaks.filter((b) => b > email!.start && b < email!.end)).toEqual([]);
  });

  it('no break opportunity inside any phone value, in any context', () => {
    for (const [value, kind] of VALUES) {
      if (kind !== 'phone') continue;
      for (const context of CONTEXTS) {
        const text = context(value);
        const at = text.indexOf(value);
        const inside = lineBreaks(text, 'ar').filter((b) => b.position > at && b.position < at + value.length);
        expect(inside, `${value} in ${JSON.stringify(text)}`).toEqual([]);
      }
    }
  });

  it('a narrow measure moves the whole number to the next line instead of breaking after "(" or "+44"', () => {
    const text = 'اتصل بشبكة مناهضة المداهمات على الرقم +44 (0)20 7123-4567 الآن';
    const value = '+44 (0)20 7123-4567';
    const own = layoutParagraph({ text: value, lang: 'ar', spans: [] }, { width: 1e6, size: 10 }).maxWidth;
    let starts = 0;
    for (let width = Math.ceil(own) + 1; width < 3 * own; width += 7) {
      const lines = layoutParagraph({ text, lang: 'ar', spans: [] }, { width, size: 10 }).lines;
      const holding = lines.filter((l) => l.text.includes(value));
      expect(holding, `width ${width}: ${lines.map((l) => l.text).join(' | ')}`).toHaveLength(1);
      if (holding[0]!.text.startsWith(value)) starts++;
    }
    // Where the number did not fit at a line's end, it moved down whole (rather than `+44 (0)20` | `7123-4567`).
    expect(starts).toBeGreaterThan(0);
  });
});
