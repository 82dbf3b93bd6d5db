import { guidanceString } from '../../../src/i18n/doc.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { Inline } from '../../../src/content/markup-types.ts';
import { localize } from '../../../src/i18n/localize.ts';
import { FIXTURES } from '../cli/helpers.ts';

const { content } = loadContent(join(FIXTURES, 'content-basic'));
const edition = (name: string) => content!.editions.find((e) => e.name === name)!;
const inlinesOf = (lang: string, editionName: string, key: string): Inline[] => {
  const block = guidanceString(localize(content!, edition(editionName), lang).doc, key).blocks[0]!;
  if (block.kind !== 'para') throw new Error(`${key} is not a paragraph`);
  return [...block.inlines];
};

describe('localize: interpolated settings carry the source language', () => {
  it('in a translation, a setting value with letters is an English inline; a phone number is not', () => {
    // ar.yaml: "{{organisation}}: {{hotline}}"; generic: placeholder hotline (letters), local: a real number.
    expect(inlinesOf('ar', 'generic', 'hotline')).toEqual([
      { text: 'Example Anti-Raids Network', bold: false, lang: 'en' },
      { text: ': ', bold: false },
      { text: 'PLACEHOLDER-set-your-hotline', bold: false, lang: 'en' },
    ]);
    expect(inlinesOf('pl', 'local', 'hotline')).toEqual([
      { text: 'Example Street Group', bold: false, lang: 'en' },
      { text: ': 0800 000 0000', bold: false },
    ]);
  });

  it('in the source language (and in a fallback to it) nothing is marked', () => {
    expect(inlinesOf('en', 'generic', 'hotline')).toEqual([{ text: 'Example Anti-Raids Network: PLACEHOLDER-set-your-hotline', bold: false }]);
    const fallback = guidanceString(localize(content!, edition('generic'), 'ar').doc, 'card.call');
    if (fallback.state === 'fallback') expect(JSON.stringify(fallback.blocks)).not.toContain('"lang"');
    expect(guidanceString(localize(content!, edition('generic'), 'ar').doc, 'hotline').plain).toBe('Example Anti-Raids Network: PLACEHOLDER-set-your-hotline');
  });
});
