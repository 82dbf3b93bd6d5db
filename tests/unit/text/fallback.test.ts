import { describe, expect, it } from 'vitest';
import { fontRegistry } from '../../../src/fonts/registry.ts';
import { fontStack } from '../../../src/fonts/stack.ts';
import { clusterRanges, shapeWithFallback } from '../../../src/text/fallback.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import type { Glyph } from '../../../src/text/types.ts';

const layout = (text: string, lang: string) => layoutParagraph({ text, lang, spans: [] }, { width: 1e6, size: 12 });
const runsOf = (text: string, lang: string) => layout(text, lang).lines.flatMap((l) => l.runs);

describe('font stacks', () => {
  it('put the script’s own families first, then the script default, then the rest of the language stack', () => {
    const r = fontRegistry();
    expect(fontStack(r, 'ar', 'Latn')).toEqual(['noto-sans', 'noto-naskh-arabic']);
    expect(fontStack(r, 'ur', 'Arab')).toEqual(['noto-nastaliq-urdu', 'noto-naskh-arabic', 'noto-sans']);
    expect(fontStack(r, 'en', 'Arab')).toEqual(['noto-naskh-arabic', 'noto-sans']);
    expect(fontStack(r, 'zh-Hant', 'Hani')).toEqual(['noto-sans-tc', 'noto-sans-sc', 'noto-sans']);
    expect(fontStack(r, 'en', 'Hani')).toEqual(['noto-sans-sc', 'noto-sans', 'noto-sans-tc']);
  });
});

describe('fallback per cluster', () => {
  it('sets Latin inside Arabic in Noto Sans, and the Arabic around it in Naskh', () => {
    const runs = runsOf('قبل مقابلة Home Office.', 'ar');
    expect(runs.find((r) => r.text.includes('Home'))!.face.id).toBe('noto-sans-regular');
    expect(runs.find((r) => r.text.includes('مقابلة'))!.face.id).toBe('noto-naskh-arabic-regular');
  });

  it('takes a character the Hebrew font lacks (№) from the next font, keeping spaces and letters in Noto Sans Hebrew', () => {
    const text = 'תיק № 5 נשמר';
    const runs = runsOf(text, 'he');
    const numero = runs.find((r) => r.text.includes('№'))!;
    expect(numero.face.id).toBe('noto-sans-regular');
    expect(numero.text).toBe('№');
    expect(
      runs
        .filter((r) => r.face.id === 'noto-sans-hebrew-regular')
        .map((r) => r.text)
        .join('|'),
    ).toContain(' ');
  });

  it('stays in the first font when it has everything (no needless splits)', () => {
    const faces = [fontRegistry().face('noto-sans-hebrew', 400), fontRegistry().face('noto-sans', 400)];
    const r = shapeWithFallback('יש לך זכות.', 0, 11, { script: 'Hebr', lang: 'he', direction: 'rtl' }, faces);
    expect(r.pieces).toHaveLength(1);
    expect(r.missing).toEqual([]);
  });

  it('reports what no font covers as MissingGlyph with a U+ code, and never emits glyph 0', () => {
    const text = 'Smile 😀 and ⵜ.';
    const l = layout(text, 'en');
    expect(l.missing).toEqual([
      { char: '😀', codePoint: 'U+1F600', offset: 6, lang: 'en' },
      { char: 'ⵜ', codePoint: 'U+2D5C', offset: 13, lang: 'en' },
    ]);
    const glyphs = l.lines.flatMap((line) => line.runs.flatMap((r) => r.glyphs));
    expect(glyphs.length).toBeGreaterThan(5);
    expect(glyphs.every((g) => g.id !== 0)).toBe(true);
  });

  it('reports missing glyphs inside RTL text with the paragraph language', () => {
    const l = layout('اتصل ⵣ الآن', 'ar');
    expect(l.missing.map((m) => [m.codePoint, m.lang])).toEqual([['U+2D63', 'ar']]);
  });
});

describe('missing combining marks', () => {
  it('a mark no font has is reported itself, not hidden behind its base', () => {
    // U+20D0 COMBINING LEFT HARPOON ABOVE: in no bundled face; its base "a" is.
    const l = layout('xa\u20D0y', 'en');
    expect(l.missing.map((m) => m.codePoint)).toEqual(['U+20D0']);
  });
});

describe('clusterRanges', () => {
  /** The first implementation (a map of clusters, sorted): the counting one must agree with it on any input. */
  function byMap(glyphs: readonly Glyph[], length: number): { start: number; bad: boolean }[] {
    const bad = new Map<number, boolean>();
    for (const g of glyphs) bad.set(g.cluster, (bad.get(g.cluster) ?? false) || g.id === 0);
    const ranges = [...bad.entries()].sort((a, b) => a[0] - b[0]).map(([start, isBad]) => ({ start, bad: isBad }));
    if (ranges.length > 0 && ranges[0]!.start > 0) ranges[0] = { start: 0, bad: ranges[0]!.bad };
    return ranges.filter((r) => r.start < length);
  }

  it('agrees with sorting the clusters on LTR, RTL, shuffled and out-of-range clusters', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 3000; trial++) {
      const length = random(12);
      const count = random(10);
      let glyphs: Glyph[] = Array.from({ length: count }, () => ({ id: random(4), cluster: random(length + 3), ax: 0, dx: 0, dy: 0 }));
      if (trial % 3 === 0) glyphs = glyphs.sort((a, b) => a.cluster - b.cluster);
      if (trial % 3 === 1) glyphs = glyphs.sort((a, b) => b.cluster - a.cluster);
      expect(clusterRanges(glyphs, length), JSON.stringify({ glyphs, length })).toEqual(byMap(glyphs, length));
    }
  });
});
