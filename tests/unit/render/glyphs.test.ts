import { describe, expect, it } from 'vitest';
import { clusterTexts } from '../../../src/render/glyphs.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import type { TextLineItem } from '../../../src/layout/frame.ts';
import type { ShapedRun } from '../../../src/text/types.ts';
import { simpleDoc } from './helpers.ts';
import { pageFontIds, pageFontWidths, pages, readObjects, refOf, shownGlyphs, toUnicode } from './pdf-read.ts';

/**
 * "Draw exactly the glyphs the text engine measured": read the content stream back, re-run the TJ arithmetic
 * with the /W widths the PDF declares, and compare every glyph's id and origin with HarfBuzz's numbers.
 */
describe('drawGlyphs', () => {
  const samples = [
    { name: 'Latin with kerning', text: 'AVAWAY Tomorrow, call 0800 123 4567.', lang: 'en' },
    { name: 'Arabic (marks with y offsets, RTL runs, LTR number)', text: 'لديك الحقُّ في التزام الصمت. اتصل بـ 0800 123 4567.', lang: 'ar' },
    { name: 'Urdu Nastaliq (large y offsets)', text: 'آپ کو خاموش رہنے کا قانونی حق ہے۔', lang: 'ur' },
    { name: 'Devanagari', text: 'आपको चुप रहने का अधिकार है। क्षत्रिय', lang: 'hi' },
    { name: 'Bengali', text: 'আপনার চুপ থাকার অধিকার আছে।', lang: 'bn' },
    { name: 'Myanmar', text: 'သင့်မှာ တိတ်ဆိတ်နေပိုင်ခွင့်ရှိတယ်။', lang: 'my' },
    { name: 'Thai', text: 'คุณมีสิทธิ์ที่จะไม่พูด', lang: 'th' },
    { name: 'Chinese', text: '你有权保持沉默。请拨打0800 123 4567。', lang: 'zh-Hans' },
  ];

  for (const s of samples) {
    it(`places every glyph where HarfBuzz put it: ${s.name}`, async () => {
      const spec = simpleDoc([{ text: s.text, lang: s.lang, size: 14 }], s.lang);
      const page = spec.pages[0]!;
      const pdf = await renderPdf(spec);
      const objs = readObjects(pdf);
      const pageObj = pages(objs)[0]!;
      const contentId = Number(/\/Contents (\d+) 0 R/.exec(pageObj.body)![1]);
      const content = objs.get(contentId)!.stream!.toString('latin1');
      const shown = shownGlyphs(content, pageFontWidths(objs, pageObj), page.height);

      // Expected: walk the lines' runs with HarfBuzz advances/offsets; CIDs are assigned per font in first-use order.
      const expected: { face: string; gid: number; x: number; y: number }[] = [];
      for (const p of page.frame.items) {
        const item = p.item as TextLineItem;
        let pen = 0;
        for (const run of item.line.runs) {
          const k = run.size / run.face.unitsPerEm;
          for (const g of run.glyphs) {
            expected.push({ face: run.face.id, gid: g.id, x: p.x + (pen + g.dx) * k, y: page.height - p.y + g.dy * k });
            pen += g.ax;
          }
        }
      }
      expect(shown.length).toBe(expected.length);
      const cids = new Map<string, Map<number, number>>();
      const fontOfFace = new Map<string, string>();
      shown.forEach((got, i) => {
        const want = expected[i]!;
        // One PDF font per face, consistently.
        if (!fontOfFace.has(want.face)) fontOfFace.set(want.face, got.font);
        expect(got.font).toBe(fontOfFace.get(want.face));
        const perFont = cids.get(want.face) ?? new Map<number, number>();
        cids.set(want.face, perFont);
        if (!perFont.has(want.gid)) perFont.set(want.gid, perFont.size + 1); // CID 0 is .notdef
        expect(got.cid, `glyph ${i}`).toBe(perFont.get(want.gid));
        expect(got.x, `x of glyph ${i}`).toBeCloseTo(want.x, 3);
        expect(got.y, `y of glyph ${i}`).toBeCloseTo(want.y, 3);
      });
    });
  }

  it('gives the logically first glyph of a cluster the whole cluster text; other glyphs of the cluster none', () => {
    const run = {
      text: 'क्षा',
      direction: 'ltr',
      glyphs: [
        { id: 10, cluster: 0, ax: 500, dx: 0, dy: 0 },
        { id: 11, cluster: 0, ax: 200, dx: 0, dy: 0 },
        { id: 12, cluster: 3, ax: 300, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    expect(clusterTexts(run)).toEqual([
      { text: 'क्ष', first: true },
      { text: 'क्ष', first: false },
      { text: 'ा', first: true },
    ]);
    // RTL: HarfBuzz output is reversed, so a cluster's logically first glyph is its last in the array.
    const rtl = { text: 'لا بـ', direction: 'rtl', glyphs: [{ id: 1, cluster: 3 }, { id: 2, cluster: 2 }, { id: 5, cluster: 0 }, { id: 3, cluster: 0 }] } as unknown as ShapedRun;
    expect(clusterTexts(rtl)).toEqual([
      { text: 'بـ', first: true },
      { text: ' ', first: true },
      { text: 'لا', first: false },
      { text: 'لا', first: true },
    ]);
  });

  it('ToUnicode never repeats a cluster: Arabic letters drawn as skeleton + dot glyphs extract once', async () => {
    const text = 'لديك الحق في التزام الصمت. اعرف حقوقك. ثبت نجح شيء';
    const spec = simpleDoc([{ text, lang: 'ar', size: 14 }], 'ar');
    const objs = readObjects(await renderPdf(spec));
    const pageObj = pages(objs)[0]!;
    const content = objs.get(refOf(pageObj.body, 'Contents')!)!.stream!.toString('latin1');
    const fontIds = pageFontIds(objs, pageObj);
    const maps = new Map([...fontIds].map(([name, id]) => [name, toUnicode(objs, id)]));
    const shown = shownGlyphs(content, pageFontWidths(objs, pageObj), spec.pages[0]!.height);
    const extracted = shown.map((g) => maps.get(g.font)!.get(g.cid)!).join('');
    const lines = spec.pages[0]!.frame.items.map((p) => (p.item as TextLineItem).line);
    const multiGlyphClusters = lines.flatMap((l) => l.runs).some((r) => new Set(r.glyphs.map((g) => g.cluster)).size < r.glyphs.length);
    expect(multiGlyphClusters).toBe(true); // the sample does exercise clusters with several glyphs
    const visible = lines.map((l) => l.text).join('').replace(/\s/g, '');
    expect(extracted.replace(/\s/g, '').length).toBe(visible.length);
  });
});
