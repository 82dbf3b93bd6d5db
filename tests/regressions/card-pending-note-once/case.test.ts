/**
 * Regression: the wallet card printed one "translation pending" note under every string that fell back to the
 * source language. When the guidance changes every language goes stale at once, and a language with every card
 * string falling back overflowed the card front (Arabic: 1.6 mm at 6.5 pt) so the build failed for it. The card
 * now prints ONE pending note per side, at its foot above the edition line; the leaflet keeps its notes beside
 * the blocks they are about.
 */
import { uiText } from '../../../src/i18n/doc.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { localize } from '../../../src/i18n/localize.ts';
import type { LocalizedDoc } from '../../../src/i18n/types.ts';
import { cardSides } from '../../../src/materials/card-sides.ts';
import { buildLeaflet } from '../../../src/materials/leaflet.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { fakeSetText, KEYS, makeDoc, textLines, type FixtureLang } from '../../unit/materials/helpers.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const content = loadContent(CONTENT).content as ContentDoc;
const edition = content.editions.find((e) => e.name === 'example-local')!;

/** The shipped content localized into `lang`, with every guidance string falling back to English (all stale). */
function allStale(lang: string): LocalizedDoc {
  const doc = localize(content, edition, lang).doc;
  const english = localize(content, edition, 'en').doc;
  return { ...doc, strings: Object.fromEntries(Object.entries(english.strings).map(([key, s]) => [key, { ...s, state: 'fallback' as const }])) };
}

const CARD_KEYS = [...KEYS.card.front, KEYS.leaflet.disclaimer];

describe('regression: one pending-translation note per card side', () => {
  for (const lang of ['ar', 'fa', 'bn', 'my', 'zh-Hans', 'ur']) {
    it(`${lang}: the shipped card fits when every string falls back to English`, () => {
      const doc = allStale(lang);
      const sides = cardSides(doc, content.project.materials, layoutParagraph, 'c');
      expect(sides.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      const pending = textLines(sides.front.frame).filter((l) => l.item.line.text === uiText(doc, 'pendingNotice'));
      expect(pending).toHaveLength(1);
    });
  }

  for (const code of ['ar', 'bn', 'my', 'zh-Hans', 'ur'] as FixtureLang[]) {
    it(`${code}: a fixture doc with every card string in state 'fallback' fits, with one note above the edition line`, () => {
      const doc = makeDoc(code, { fallback: CARD_KEYS, review: 'draft' });
      const sides = cardSides(doc, KEYS, layoutParagraph, 'c');
      expect(sides.front.fits).toBe(true);
      const lines = textLines(sides.front.frame);
      const pendingText = uiText(doc, 'pendingNotice');
      const pending = lines.filter((l) => l.item.line.text === pendingText);
      expect(pending).toHaveLength(1);
      // At the foot: below every body line, directly above the edition line.
      const edition = lines.find((l) => l.item.line.text.includes('2026.1'))!;
      expect(pending[0]!.y).toBeLessThan(edition.y);
      const body = lines.filter((l) => l.item.tag !== undefined && l.item.line.text !== pendingText && !l.item.line.text.includes('2026.1'));
      const between = body.filter((l) => l.y > pending[0]!.y && l.y < edition.y);
      expect(between).toEqual([]);
    });
  }

  it('no pending note on the card when nothing falls back', () => {
    const doc = makeDoc('ar');
    const sides = cardSides(doc, KEYS, fakeSetText, 'c');
    expect(textLines(sides.front.frame).some((l) => l.item.line.text === uiText(doc, 'pendingNotice'))).toBe(false);
  });

  it('the leaflet still puts a note right after each fallback block', () => {
    const doc = makeDoc('ar', { fallback: ['leaflet.street.body', 'leaflet.home.body'] });
    const pages = buildLeaflet(doc, { keys: KEYS }, fakeSetText).outputs[0]!.doc.pages;
    const texts = pages.flatMap((p) => textLines(p.frame).map((l) => l.item.line.text));
    const notes = texts.flatMap((t, i) => (t === uiText(doc, 'pendingNotice') ? [i] : []));
    expect(notes).toHaveLength(2);
    expect(texts[notes[0]! - 1]).toMatch(/officers' numbers/u);
  });
});
