/**
 * Regression: the card's officer side printed the hotline as a bare number, because the label ("Call") was only
 * available in the holder's language. LocalizedDoc now has an optional `officerUi` (UI strings in the officer
 * language); the officer side labels the number with the officer-language `hotlineLabel`.
 */
import { officerUiText, uiText } from '../../../src/i18n/doc.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { localize } from '../../../src/i18n/localize.ts';
import { cardSides } from '../../../src/materials/card-sides.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { fakeSetText, KEYS, makeDoc, textLines } from '../../unit/materials/helpers.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const content = loadContent(CONTENT).content as ContentDoc;

describe('regression: officer-side hotline has an officer-language label', () => {
  it('localize gives UI strings in the officer language', () => {
    const edition = content.editions.find((e) => e.name === 'example-local')!;
    const doc = localize(content, edition, 'ar').doc;
    expect(uiText(doc, 'hotlineLabel')).toBe('اتصل');
    expect(officerUiText(doc, 'hotlineLabel')).toBe('Call');
  });

  it('an Arabic card back shows "Call <number>" in English; the front keeps the Arabic label', () => {
    const doc = makeDoc('ar');
    const sides = cardSides(doc, { ...KEYS, card: { ...KEYS.card, front: ['card.title', 'card.silent'] } }, fakeSetText, 'c');
    const back = textLines(sides.back.frame).map((l) => l.item);
    const hotline = back.find((l) => l.line.text.includes(doc.settings.hotline))!;
    expect(hotline.line.text).toBe(`Call ${doc.settings.hotline}`);
    expect(hotline.lang).toBe('en');
    const front = textLines(sides.front.frame).map((l) => l.item.line.text);
    expect(front).toContain(`${uiText(doc, 'hotlineLabel')} ${doc.settings.hotline}`);
  });

  it('the shipped Arabic card back labels the hotline', () => {
    const edition = content.editions.find((e) => e.name === 'example-local')!;
    const doc = localize(content, edition, 'ar').doc;
    const sides = cardSides(doc, content.project.materials, layoutParagraph, 'c');
    const texts = textLines(sides.back.frame).map((l) => l.item.line.text);
    // The placeholder hotline is long enough to wrap after a hyphen: compare the lines joined.
    expect(texts.join('')).toContain(`Call ${doc.settings.hotline}`);
  });
});
