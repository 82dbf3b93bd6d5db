import { describe, expect, it } from 'vitest';
import { traceLines } from '../../../src/render/trace.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('traceLines', () => {
  it('writes the agreed JSON shape: runs in visual order, glyphs in HarfBuzz order, font paths from the repo root', () => {
    const text = 'اتصل على 0800 123 4567 Home';
    const { lines } = layoutParagraph({ text, lang: 'ar', spans: [] }, { width: 1e6, size: 11 });
    const trace = JSON.parse(JSON.stringify(traceLines('ar', 'rtl', lines))) as ReturnType<typeof traceLines>;
    expect(Object.keys(trace)).toEqual(['lang', 'direction', 'lines']);
    expect(trace.lang).toBe('ar');
    expect(trace.direction).toBe('rtl');
    expect(trace.lines).toHaveLength(1);
    const line = trace.lines[0]!;
    expect(Object.keys(line)).toEqual(['text', 'runs']);
    expect(line.text).toBe(text);
    expect(line.runs.map((r) => r.text)).toEqual(['Home', ' ', '0800 123 4567', 'اتصل على ']);
    for (const run of line.runs) {
      // `spanLang` only on a run marked in another language than the paragraph (the Latin word inside Arabic).
      const keys = ['font', 'faceIndex', 'size', 'script', 'language', ...(run.text === 'Home' ? ['spanLang'] : []), 'direction', 'text', 'glyphs'];
      expect(Object.keys(run)).toEqual(keys);
      expect(run.font).toMatch(/^fonts\/[a-z-]+\/[A-Za-z_0-9]+\.ttf$/u);
      expect(run.faceIndex).toBe(0);
      expect(run.size).toBe(11);
      expect(run.language).toBe('ar');
      for (const g of run.glyphs) expect(Object.keys(g)).toEqual(['id', 'cluster', 'ax', 'dx', 'dy']);
    }
    const arabic = line.runs.at(-1)!;
    expect(arabic).toMatchObject({ font: 'fonts/noto-naskh-arabic/NotoNaskhArabic_400Regular.ttf', script: 'Arab', direction: 'rtl' });
    // RTL glyphs in HarfBuzz order: clusters descend.
    expect(arabic.glyphs[0]!.cluster).toBeGreaterThan(arabic.glyphs.at(-1)!.cluster);
    expect(line.runs[0]).toMatchObject({ font: 'fonts/noto-sans/NotoSans_400Regular.ttf', script: 'Latn', direction: 'ltr', language: 'ar', spanLang: 'en' });
  });
});
