import { describe, expect, it } from 'vitest';
import { fontRegistry } from '../../../src/fonts/registry.ts';
import type { Frame, Page } from '../../../src/layout/frame.ts';
import { buildCard } from '../../../src/materials/card.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { previewList, type PreviewItem, type PreviewList } from '../../../src/render/preview-list.ts';
import { KEYS, makeDoc, textLines } from '../materials/helpers.ts';
import { BLACK, RED, setLines, simpleDoc } from './helpers.ts';
import { pageFontWidths, pages, readObjects, shownGlyphs } from './pdf-read.ts';

/**
 * The web page's preview is drawn from previewList's display list instead of the PDF: it must show the same
 * glyphs at the same places as the PDF writer (read back from the content stream), with every item of the frame.
 */

const faces = (id: string) => fontRegistry().faceById(id);
type Outline = { getGlyph(id: number): { path: { toSVG(): string } } };
const blank = (face: string, glyph: number) => (faces(face).fontkit as Outline).getGlyph(glyph).path.toSVG() === '';

/** Every drawn glyph with its outline and absolute origin (groups' translations added). */
function drawnGlyphs(list: PreviewList): { d: string; x: number; y: number; scale: number }[] {
  const out: { d: string; x: number; y: number; scale: number }[] = [];
  const walk = (items: readonly PreviewItem[], dx: number, dy: number) => {
    for (const item of items) {
      if (item.kind === 'group') walk(item.items, dx + item.x, dy + item.y);
      if (item.kind !== 'glyphs') continue;
      for (let i = 0; i < item.at.length; i += 3)
        out.push({ d: list.outlines[item.at[i]!]!, x: dx + item.at[i + 1]!, y: dy + item.at[i + 2]!, scale: item.scale });
    }
  };
  walk(list.items, 0, 0);
  return out;
}

const byPlace = (a: { x: number; y: number }, b: { x: number; y: number }) => a.y - b.y || a.x - b.x;

describe('previewList', () => {
  it('puts every glyph of an English and an Arabic paragraph where the PDF writer shows it', async () => {
    const spec = simpleDoc([
      { text: 'Know your rights: you can stay silent. Call 0800 123 4567.', lang: 'en', role: 'H1' },
      // Vowel marks (ḥarakāt) sit on their letters with y offsets (text rise in the PDF).
      { text: 'لَا تُوَقِّعْ عَلَى أَيِّ شَيْءٍ. اتصل بـ Home Office الآن.', lang: 'ar' },
    ]);
    const page = spec.pages[0]!;
    const pdf = await renderPdf(spec);
    const objs = readObjects(pdf);
    const pageObj = pages(objs)[0]!;
    const content = objs.get(Number(/\/Contents (\d+) 0 R/.exec(pageObj.body)![1]))!.stream!.toString('latin1');
    const shown = shownGlyphs(content, pageFontWidths(objs, pageObj), page.height);

    const list = previewList(page, faces);
    const drawn = drawnGlyphs(list);
    // The PDF also shows the glyphs that have no outline (spaces); the preview leaves them out.
    const glyphs = textLines(page.frame).flatMap((l) => l.item.line.runs.flatMap((r) => r.glyphs.map((g) => ({ face: r.face.id, id: g.id }))));
    const blanks = glyphs.filter((g) => blank(g.face, g.id)).length;
    expect(blanks).toBeGreaterThan(0);
    expect(drawn.length).toBe(glyphs.length - blanks);
    expect(shown.length).toBe(glyphs.length);
    // Each drawn glyph has a PDF glyph at its origin (within 0.001 pt: the PDF's numbers are rounded), one for one.
    const left = [...shown].sort(byPlace);
    for (const g of drawn) {
      // shownGlyphs gives PDF coordinates (y up from the bottom).
      const i = left.findIndex((s) => Math.abs(s.x - g.x) < 1e-3 && Math.abs(page.height - s.y - g.y) < 1e-3);
      expect(i, `glyph at ${g.x},${g.y}`).toBeGreaterThanOrEqual(0);
      left.splice(i, 1);
    }
    expect(left.length).toBe(blanks);
    // Some Arabic marks are raised or lowered: the rise reached the preview.
    const arabic = textLines(page.frame).filter((l) => l.item.line.direction === 'rtl');
    expect(arabic.some((l) => l.item.line.runs.some((r) => r.glyphs.some((g) => g.dy !== 0)))).toBe(true);
  });

  it('keeps each outline once, as fontkit draws it, scaled by size per em', () => {
    const spec = simpleDoc([{ text: 'banana banana', lang: 'en', size: 10 }]);
    const list = previewList(spec.pages[0]!, faces);
    expect(new Set(list.outlines).size).toBe(list.outlines.length);
    // b, a, n: three outlines for ten drawn glyphs.
    expect(list.outlines.length).toBe(3);
    const run = setLines('banana', 'en', 10)[0]!.runs[0]!;
    const b = (faces(run.face.id).fontkit as Outline).getGlyph(run.glyphs[0]!.id).path.toSVG();
    expect(list.outlines).toContain(b);
    const drawn = drawnGlyphs(list);
    expect(drawn.length).toBe(12);
    expect(drawn[0]!.scale).toBeCloseTo(10 / run.face.unitsPerEm, 12);
  });

  it('draws every line of an Arabic card (groups, rects, paths, the QR code) with the frames’ own translations', () => {
    const card = buildCard(makeDoc('ar', { review: 'draft' }), { keys: KEYS }, layoutParagraph).outputs.find((o) => o.file === 'card-sheet-a4.pdf')!;
    const page = card.doc.pages[0]!;
    const list = previewList(page, faces);
    const lines = textLines(page.frame);
    expect(lines.some((l) => l.item.line.direction === 'rtl')).toBe(true);
    const expected = lines.flatMap(({ x, y, item }) => {
      let pen = x;
      return item.line.runs.flatMap((run) => {
        const k = run.size / run.face.unitsPerEm;
        let sum = 0;
        const at = run.glyphs.flatMap((g) => {
          const here = { x: pen + (sum + g.dx) * k, y: y - g.dy * k, blank: blank(run.face.id, g.id) };
          sum += g.ax;
          return here.blank ? [] : [here];
        });
        pen += sum * k;
        return at;
      });
    });
    const drawn = drawnGlyphs(list).sort(byPlace);
    expect(drawn.length).toBe(expected.length);
    expected.sort(byPlace).forEach((e, i) => {
      expect(drawn[i]!.x).toBeCloseTo(e.x, 9);
      expect(drawn[i]!.y).toBeCloseTo(e.y, 9);
    });
    // Every other item of the frame is in the list, in drawing order.
    const kinds = (f: Frame): string[] =>
      f.items.flatMap((p) => (p.item.kind === 'group' ? ['group', ...kinds(p.item.frame)] : p.item.kind === 'line' ? [] : [p.item.kind]));
    const listKinds = (items: readonly PreviewItem[]): string[] =>
      items.flatMap((i) => (i.kind === 'group' ? ['group', ...listKinds(i.items)] : i.kind === 'glyphs' ? [] : [i.kind]));
    const paintedOnly = (f: Frame): Frame => ({
      ...f,
      items: f.items
        .filter((p) => !((p.item.kind === 'rect' || p.item.kind === 'path') && !p.item.fill && !p.item.stroke))
        .map((p) => (p.item.kind === 'group' ? { ...p, item: { ...p.item, frame: paintedOnly(p.item.frame) } } : p)),
    });
    expect(listKinds(list.items)).toEqual(kinds(paintedOnly(page.frame)));
    expect(listKinds(list.items)).toContain('path');
  });

  it('gives rects, paths, images and clipped groups their paint, boxes and home colours', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    const page: Page = {
      width: 200,
      height: 100,
      frame: {
        width: 200,
        height: 100,
        items: [
          { x: 1, y: 2, item: { kind: 'rect', width: 10, height: 4, fill: RED, radius: 3 } },
          { x: 0, y: 0, item: { kind: 'rect', width: 10, height: 4 } },
          { x: 5, y: 6, item: { kind: 'path', d: 'M0 0 L10 0', stroke: { rgb: [300, -2, 7.5], cmyk: [0, 0, 0, 0] }, dash: [2, 1] } },
          { x: 5, y: 6, item: { kind: 'path', d: 'M0 0 L10 0', stroke: BLACK, lineWidth: 1, dash: [0, 0] } },
          {
            x: 20,
            y: 30,
            item: {
              kind: 'group',
              clip: true,
              frame: {
                width: 50,
                height: 40,
                items: [
                  { x: 1, y: 1, item: { kind: 'image', src: 'assets/logo.png', data: png, width: 8, height: 6 } },
                  { x: 2, y: 2, item: { kind: 'image', src: 'assets/logo.SVG', data: svg, width: 8, height: 8 } },
                ],
              },
            },
          },
        ],
      },
    };
    const list = previewList(page, faces);
    expect(list).toMatchObject({ width: 200, height: 100, outlines: [] });
    expect(list.items).toEqual([
      // The radius as pdfkit's roundedRect keeps it: at most 0.45 of the shorter side.
      { kind: 'rect', x: 1, y: 2, width: 10, height: 4, radius: 1.8, fill: 'rgb(200 16 46)', lineWidth: 0.25 },
      { kind: 'path', x: 5, y: 6, d: 'M0 0 L10 0', stroke: 'rgb(255 0 7.5)', lineWidth: 0.25, dash: [2, 1] },
      { kind: 'path', x: 5, y: 6, d: 'M0 0 L10 0', stroke: 'rgb(0 0 0)', lineWidth: 1 },
      {
        kind: 'group',
        x: 20,
        y: 30,
        width: 50,
        height: 40,
        clip: true,
        items: [
          { kind: 'image', x: 1, y: 1, width: 8, height: 6, type: 'image/png', data: png },
          { kind: 'image', x: 2, y: 2, width: 8, height: 8, type: 'image/svg+xml', data: svg },
        ],
      },
    ]);
    // The list crosses postMessage as is.
    expect(structuredClone(list)).toEqual(list);
  });
});
