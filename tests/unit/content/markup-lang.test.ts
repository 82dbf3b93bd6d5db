import { describe, expect, it } from 'vitest';
import { interpolate, interpolateMarked, parseMarkup, plainText } from '../../../src/content/markup.ts';

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
    const text = interpolateMarked('**{{organisation}}** ({{area}})\n\n- Tell {{organisation}}.\n- **{{x}} tail', { ...settings, area: 'Hackney', x: 'name** more' });
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
        [{ text: 'Tell ', bold: false }, { text: 'Anti-Raids Network', bold: false, lang: 'en' }, { text: '.', bold: false }],
        // `**` inside a value toggles bold exactly as with plain interpolation; both halves stay marked.
        [{ text: 'name', bold: true, lang: 'en' }, { text: ' more', bold: false, lang: 'en' }, { text: ' tail', bold: false }],
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
    expect(blocks).toEqual([{ kind: 'para', inlines: [{ text: '- dash', bold: false, lang: 'en' }, { text: ' and more', bold: false }] }]);
  });

  it('leaves leading and trailing spaces of a value outside the marked inline', () => {
    const blocks = parseMarkup(interpolateMarked('Ask {{v}} now', { v: ' Home Office ' }), 'en');
    expect(blocks).toEqual([
      { kind: 'para', inlines: [{ text: 'Ask  ', bold: false }, { text: 'Home Office', bold: false, lang: 'en' }, { text: '  now', bold: false }] },
    ]);
  });
});
