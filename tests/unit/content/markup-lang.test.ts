import { describe, expect, it } from 'vitest';
import { interpolate, interpolateMarked, markBracketed, parseMarkup, plainText } from '../../../src/content/markup.ts';

const settings = { organisation: 'Anti-Raids Network', hotline: '0800 123 4567', website: 'https://example.org/rights' };

describe('interpolated values keep their language (Inline.lang)', () => {
  it('an interpolated name is an inline in the value language; a digits-only number has none', () => {
    const blocks = parseMarkup(interpolateMarked('اتصل بـ {{organisation}}: **{{hotline}}**', settings), 'en');
    expect(blocks).toEqual([
      {
        kind: 'para',
        inlines: [
          { text: 'اتصل بـ ', bold: false },
          { text: 'Anti-Raids Network', bold: false, lang: 'en' },
          { text: ': ', bold: false },
          { text: '0800 123 4567', bold: true },
        ],
      },
    ]);
  });

  it('marks values inside bold and inside list items, and a value that straddles a ** marker', () => {
    const text = interpolateMarked('**{{organisation}}** ({{area}})\n\n- Tell {{organisation}}.\n- **{{x}} tail', {
      ...settings,
      area: 'Hackney',
      x: 'name** more',
    });
    const blocks = parseMarkup(text, 'en');
    expect(blocks[0]).toEqual({
      kind: 'para',
      inlines: [
        { text: 'Anti-Raids Network', bold: true, lang: 'en' },
        { text: ' (', bold: false },
        { text: 'Hackney', bold: false, lang: 'en' },
        { text: ')', bold: false },
      ],
    });
    expect(blocks[1]).toEqual({
      kind: 'list',
      items: [
        [
          { text: 'Tell ', bold: false },
          { text: 'Anti-Raids Network', bold: false, lang: 'en' },
          { text: '.', bold: false },
        ],
        // `**` inside a value toggles bold exactly as with plain interpolation; both halves stay marked.
        [
          { text: 'name', bold: true, lang: 'en' },
          { text: ' more', bold: false, lang: 'en' },
          { text: ' tail', bold: false },
        ],
      ],
    });
  });

  it('without a value language, the brackets vanish and the blocks equal plain interpolation', () => {
    const values = { ...settings, spaced: '  Padded Name  ', lines: 'First line\n0800 1\n  Third  ' };
    const templates = [
      'Call {{organisation}}: **{{hotline}}**',
      '{{spaced}}\n\n- {{spaced}}\n- {{organisation}}\n  continued {{website}}',
      'Address:\n{{lines}}\nEnd',
      '{{organisation}} and {{unknown}}',
      '**bold {{organisation}}** tail **',
    ];
    for (const t of templates) {
      const marked = parseMarkup(interpolateMarked(t, values));
      expect(marked, t).toEqual(parseMarkup(interpolate(t, values)));
      // With a language the text is the same, only split into more inlines.
      expect(plainText(parseMarkup(interpolateMarked(t, values), 'en')), t).toBe(plainText(marked));
    }
  });

  it('a value is text: one that starts with "- " does not turn its line into a list item', () => {
    const blocks = parseMarkup(interpolateMarked('{{v}} and more', { v: '- dash' }), 'en');
    expect(blocks).toEqual([
      {
        kind: 'para',
        inlines: [
          { text: '- dash', bold: false, lang: 'en' },
          { text: ' and more', bold: false },
        ],
      },
    ]);
  });

  it('leaves leading and trailing spaces of a value outside the marked inline', () => {
    const blocks = parseMarkup(interpolateMarked('Ask {{v}} now', { v: ' Home Office ' }), 'en');
    expect(blocks).toEqual([
      {
        kind: 'para',
        inlines: [
          { text: 'Ask  ', bold: false },
          { text: 'Home Office', bold: false, lang: 'en' },
          { text: '  now', bold: false },
        ],
      },
    ]);
  });
});

describe('[PLACEHOLDER …] markers kept in the source language (markBracketed)', () => {
  const mark = (t: string, lang?: string) => parseMarkup(interpolateMarked(markBracketed(t, 'PLACEHOLDER'), settings), lang);

  it('makes the whole marker, brackets included, an inline in the source language', () => {
    const text = 'بعد القبض عليك قد يكون عليك أن تجيب. [PLACEHOLDER: verify with a lawyer (Policing and Crime Act 2017 ss.159–160)]';
    expect(mark(`- ${text}`, 'en')).toEqual([
      {
        kind: 'list',
        items: [
          [
            { text: 'بعد القبض عليك قد يكون عليك أن تجيب. ', bold: false },
            { text: '[PLACEHOLDER: verify with a lawyer (Policing and Crime Act 2017 ss.159–160)]', bold: false, lang: 'en' },
          ],
        ],
      },
    ]);
  });

  it('marks several markers, one straddling bold, and one holding an interpolated value (nested brackets)', () => {
    const blocks = mark('أ [PLACEHOLDER: **check** this] ب [PLACEHOLDER: ask {{organisation}} first] ج', 'en');
    expect(blocks).toEqual([
      {
        kind: 'para',
        inlines: [
          { text: 'أ ', bold: false },
          { text: '[PLACEHOLDER: ', bold: false, lang: 'en' },
          { text: 'check', bold: true, lang: 'en' },
          { text: ' this]', bold: false, lang: 'en' },
          { text: ' ب ', bold: false },
          // The value's own brackets close inside the marker's: the rest of the marker stays English.
          { text: '[PLACEHOLDER: ask Anti-Raids Network first]', bold: false, lang: 'en' },
          { text: ' ج', bold: false },
        ],
      },
    ]);
  });

  it('leaves other brackets, a marker without its "]" on the line, and the source language alone', () => {
    expect(mark('أ [note] ب', 'en')).toEqual([{ kind: 'para', inlines: [{ text: 'أ [note] ب', bold: false }] }]);
    expect(mark('أ [PLACEHOLDER: open\nب] ج', 'en')).toEqual([{ kind: 'para', inlines: [{ text: 'أ [PLACEHOLDER: open\nب] ج', bold: false }] }]);
    const en = 'Answer. [PLACEHOLDER: verify (s.159)]';
    expect(mark(en)).toEqual(parseMarkup(en));
    expect(plainText(mark(en, 'en'))).toBe(en);
  });
});
