import { describe, expect, it } from 'vitest';
import { fontRegistry } from '../../../src/fonts/registry.ts';
import { formatGlyphs, shape, shapeCacheSize } from '../../../src/text/shape.ts';

const sans = () => fontRegistry().face('noto-sans', 400);
const naskh = () => fontRegistry().face('noto-naskh-arabic', 400);

describe('shape', () => {
  it('reports clusters as UTF-16 offsets into the run text (checked with an astral character)', () => {
    const { glyphs } = shape(sans(), 'a😀b', 'Latn', 'en', 'ltr');
    expect(glyphs.map((g) => g.cluster)).toEqual([0, 1, 3]);
    // …and formatGlyphs converts them to code point indices as hb-shape prints them.
    expect(formatGlyphs('a😀b', glyphs)).toMatch(/^\d+=0\+\d+\|0=1\+\d+\|\d+=2\+\d+$/u);
  });

  it('returns advances in font units (HarfBuzz default scale = units per em)', () => {
    const { glyphs } = shape(sans(), 'M', 'Latn', 'en', 'ltr');
    const fk = sans().fontkit as unknown as { glyphForCodePoint(cp: number): { advanceWidth: number } };
    expect(glyphs[0]!.ax).toBe(fk.glyphForCodePoint(0x4d).advanceWidth);
  });

  it('shapes RTL in visual order with descending clusters and joins Arabic letters', () => {
    const { glyphs } = shape(naskh(), 'لديك', 'Arab', 'ar', 'rtl');
    expect(glyphs.map((g) => g.cluster)).toEqual([...glyphs.map((g) => g.cluster)].sort((a, b) => b - a));
    const isolated = 'ل د ي ك'.split(' ').map((c) => shape(naskh(), c, 'Arab', 'ar', 'rtl').glyphs[0]!.id);
    // Joined forms differ from the isolated forms for at least the first letter (initial lam).
    expect(glyphs.at(-1)!.id).not.toBe(isolated[0]);
  });

  it('caches per face, script, language, direction and text', () => {
    // A text no other test shapes: the fast tier runs test files in one process, sharing the cache.
    const text = 'قانون‌نامهٔ آزمون';
    const before = shapeCacheSize();
    const a = shape(naskh(), text, 'Arab', 'ar', 'rtl');
    const b = shape(naskh(), text, 'Arab', 'ar', 'rtl');
    expect(b).toBe(a); // cache hit: the same object
    const c = shape(naskh(), text, 'Arab', 'fa', 'rtl');
    expect(c).not.toBe(a);
    expect(shapeCacheSize()).toBe(before + 2);
  });

  it('applies HarfBuzz feature strings', () => {
    const withLiga = shape(sans(), 'office', 'Latn', 'en', 'ltr');
    const without = shape(sans(), 'office', 'Latn', 'en', 'ltr', '-liga');
    expect(without.glyphs.length).toBe(6);
    expect(withLiga.glyphs.length).toBeLessThan(6); // the ffi ligature
  });

  it('marks glyph 0 for characters the face lacks (fallback relies on it)', () => {
    expect(shape(sans(), '\u2D30', 'Tfng', 'en', 'ltr').glyphs[0]!.id).toBe(0);
  });
});
