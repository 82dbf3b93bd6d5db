import { describe, expect, it } from 'vitest';
import { interpolate, markupShape, parseMarkup, plainText, variablesOf } from '../../../src/content/markup.ts';

describe('markup', () => {
  it('parses bold, paragraphs, lists and forced breaks', () => {
    const blocks = parseMarkup('**Stay calm.** You can\nstay silent.\n\n- One **two**\n- Three');
    expect(blocks).toEqual([
      {
        kind: 'para',
        inlines: [
          { text: 'Stay calm.', bold: true },
          { text: ' You can\nstay silent.', bold: false },
        ],
      },
      {
        kind: 'list',
        items: [
          [
            { text: 'One ', bold: false },
            { text: 'two', bold: true },
          ],
          [{ text: 'Three', bold: false }],
        ],
      },
    ]);
    expect(plainText(blocks)).toBe('Stay calm. You can\nstay silent.\n\nOne two\nThree');
  });
  it('splits a paragraph followed directly by a list', () => {
    expect(parseMarkup('Ask:\n- a\n- b').map((b) => b.kind)).toEqual(['para', 'list']);
  });
  it('keeps an unmatched ** as literal text', () => {
    expect(parseMarkup('a **b')).toEqual([{ kind: 'para', inlines: [{ text: 'a **b', bold: false }] }]);
  });
  it('finds and fills variables', () => {
    expect(variablesOf('Call {{hotline}} or {{ website }} ({{hotline}})')).toEqual(['hotline', 'website']);
    expect(interpolate('Call {{hotline}} {{nope}}', { hotline: '0800' })).toBe('Call 0800 {{nope}}');
  });
  it('describes structure for source/translation comparison', () => {
    expect(markupShape('**a** b\n\n- c\n- d')).toEqual({ boldSpans: 1, listItems: 2, paragraphs: 1, balanced: true });
    expect(markupShape('**a').balanced).toBe(false);
  });
});
