/**
 * Regression (seen on rendered Burmese and Chinese proofs whose titles fell back to English): the "translation
 * pending" note under a title was set in the grey note colour inside the red title band — grey on red, about
 * 1.4:1 contrast, unreadable. Notes inside a band now take the band's text colour (white, 6.6:1 on the accent).
 */
import { uiText } from '../../../src/i18n/doc.ts';
import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/layout/colors.ts';
import type { Color } from '../../../src/layout/frame.ts';
import { buildLeaflet } from '../../../src/materials/leaflet.ts';
import { buildPoster } from '../../../src/materials/poster.ts';
import { fakeSetText, KEYS, makeDoc, textLines } from '../../unit/materials/helpers.ts';

/** WCAG relative luminance and contrast ratio. */
const luminance = ({ rgb }: Color) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: Color, b: Color) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('regression: pending note inside a title band is readable', () => {
  const doc = makeDoc('my', { fallback: ['leaflet.title', 'poster.title', 'leaflet.intro'] });
  const pending = uiText(doc, 'pendingNotice');
  const cases = [
    ['leaflet', buildLeaflet(doc, { keys: KEYS }, fakeSetText).outputs[0]!.doc.pages[0]!.frame],
    ['poster', buildPoster(doc, { keys: KEYS }, fakeSetText).outputs[0]!.doc.pages[0]!.frame],
  ] as const;
  for (const [name, frame] of cases) {
    it(`${name}: the note under the title has ≥ 4.5:1 contrast on the band`, () => {
      const band = frame.items[0]!;
      expect(band.item.kind === 'rect' && band.item.fill).toEqual(COLORS.accent);
      const bandBottom = band.y + (band.item.kind === 'rect' ? band.item.height : 0);
      const notes = textLines(frame).filter((l) => l.item.line.text === pending);
      const inBand = notes.filter((l) => l.y < bandBottom);
      expect(inBand).toHaveLength(1);
      expect(contrast(inBand[0]!.item.color, COLORS.accent)).toBeGreaterThanOrEqual(4.5);
      // Notes on white paper stay grey.
      for (const n of notes.filter((l) => l.y > bandBottom)) expect(n.item.color).toEqual(COLORS.note);
    });
  }
});
