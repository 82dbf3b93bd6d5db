import { describe, expect, it } from 'vitest';
import { mm } from '../../../src/layout/units.ts';
import { buildPoster } from '../../../src/materials/poster.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { KEYS, makeDoc, nodesById, textLines } from './helpers.ts';

describe('poster', () => {
  for (const code of ['en', 'ar', 'bn'] as const) {
    it(`${code}: A3, fits, strip entries each marked with their own language`, () => {
      const doc = makeDoc(code);
      const result = buildPoster(doc, { keys: KEYS }, layoutParagraph);
      expect(result.diagnostics).toEqual([]);
      const spec = result.outputs[0]!.doc;
      const page = spec.pages[0]!;
      expect(page.width).toBeCloseTo(mm(297), 6);
      expect(page.height).toBeCloseTo(mm(420), 6);
      const ids = nodesById(spec.structure);
      const strip = ids.get('poster-strip')!;
      expect(strip.children).toHaveLength(doc.strip.length);
      const langs = strip.children.map((n) => n.lang ?? code);
      expect(langs).toEqual(doc.strip.map((e) => e.lang.code));
      const lines = textLines(page.frame);
      for (const entry of doc.strip) {
        const line = lines.find((l) => l.item.line.text === entry.text)!;
        expect(line, entry.lang.code).toBeDefined();
        expect(line.item.lang).toBe(entry.lang.code === code ? undefined : entry.lang.code);
      }
      // Nothing runs off the page.
      for (const l of lines) {
        expect(l.x).toBeGreaterThanOrEqual(0);
        expect(l.x + l.item.line.width).toBeLessThanOrEqual(page.width);
        expect(l.y + l.item.line.descent).toBeLessThanOrEqual(page.height);
      }
    });
  }

  it('A2 and A4 scale the A3 spec', () => {
    const a2 = buildPoster(makeDoc('en'), { keys: KEYS, posterPaper: 'A2' }, layoutParagraph).outputs[0]!.doc.pages[0]!;
    const a4 = buildPoster(makeDoc('en'), { keys: KEYS, posterPaper: 'A4' }, layoutParagraph).outputs[0]!.doc.pages[0]!;
    expect(a2.width).toBeCloseTo(mm(420), 0);
    expect(a4.width).toBeCloseTo(mm(210), 0);
  });

  it('an over-long right fails with RP3003 naming the key', () => {
    const long = 'You have the right to remain silent and you do not need to answer. '.repeat(40);
    const result = buildPoster(makeDoc('en', { overrides: { 'poster.right2': long } }), { keys: KEYS }, layoutParagraph);
    const d = result.diagnostics.find((x) => x.code === 'RP3003')!;
    expect(d.message).toMatch(/English \(en\).*mm too tall/u);
    expect(d.hints[0]).toMatch(/poster\.right2/u);
  });
});

describe('poster press file', () => {
  it('poster-press.pdf: the same A3 page at trim size inside a 3 mm bleed, CMYK, bands running into the bleed', () => {
    const result = buildPoster(makeDoc('ar'), { keys: KEYS }, layoutParagraph);
    const home = result.outputs.find((o) => o.file === 'poster.pdf')!;
    const press = result.outputs.find((o) => o.file === 'poster-press.pdf')!;
    expect(press.kind).toBe('press');
    expect(press.doc.colorMode).toBe('cmyk');
    expect(home.doc.colorMode).toBe('rgb');
    const page = press.doc.pages[0]!;
    expect(page.trimBox!.width).toBeCloseTo(mm(297), 6);
    expect(page.trimBox!.height).toBeCloseTo(mm(420), 6);
    expect(page.bleedBox!.width).toBeCloseTo(mm(303), 6);
    expect(page.bleedBox!.height).toBeCloseTo(mm(426), 6);
    // The same structure and text as the home file: only the sheet around it differs.
    expect(press.doc.structure).toEqual(home.doc.structure);
  });
});
