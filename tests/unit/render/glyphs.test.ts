import { describe, expect, it } from 'vitest';
import { FILLER, LRM, planRun, reportSize, RLM, type GlyphUnit } from '../../../src/render/glyph-text.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import type { DocumentSpec, Positioned, TextLineItem } from '../../../src/layout/frame.ts';
import type { ShapedRun } from '../../../src/text/types.ts';
import { BLACK, setLines, simpleDoc } from './helpers.ts';
import { cidToGid, pageFontIds, pageFontWidths, pages, readObjects, refOf, shownGlyphs, toUnicode } from './pdf-read.ts';

/**
 * "Draw exactly the glyphs the text engine measured": read the content stream back, re-run the TJ arithmetic
 * with the /W widths the PDF declares, and compare every glyph's id and origin with HarfBuzz's numbers.
 */

/** Size and units per em for hand-made runs: 10 pt, 1000 units (1 unit = 0.01 pt). */
const UNITS = { size: 10, face: { unitsPerEm: 1000 } };

/**
 * Read the content stream back, re-run the TJ arithmetic with the /W widths the PDF declares, and compare every
 * glyph's id and origin with HarfBuzz's numbers (every item of the page's frame a line).
 */
async function expectGlyphsAsShaped(spec: DocumentSpec): Promise<string> {
  const page = spec.pages[0]!;
  const pdf = await renderPdf(spec);
  const objs = readObjects(pdf);
  const pageObj = pages(objs)[0]!;
  const contentId = Number(/\/Contents (\d+) 0 R/.exec(pageObj.body)![1]);
  const content = objs.get(contentId)!.stream!.toString('latin1');
  const shown = shownGlyphs(content, pageFontWidths(objs, pageObj), page.height);

  // Expected: walk the lines' runs with HarfBuzz advances/offsets, in writing order (runs in logical order, an
  // RTL run's glyphs right to left); subset glyph ids are assigned per font in first-use order.
  const expected: { face: string; gid: number; x: number; y: number }[] = [];
  for (const p of page.frame.items) {
    const item = p.item as TextLineItem;
    let pen = 0;
    const placed: { start: number; glyphs: typeof expected }[] = [];
    for (const run of item.line.runs) {
      const k = run.size / run.face.unitsPerEm;
      const glyphs: typeof expected = [];
      for (const g of run.glyphs) {
        glyphs.push({ face: run.face.id, gid: g.id, x: p.x + (pen + g.dx) * k, y: page.height - p.y + g.dy * k });
        pen += g.ax;
      }
      placed.push({ start: run.start, glyphs: run.direction === 'rtl' ? glyphs.reverse() : glyphs });
    }
    placed.sort((a, b) => a.start - b.start).forEach((r) => expected.push(...r.glyphs));
  }
  const maps = new Map([...pageFontIds(objs, pageObj)].map(([name, id]) => [name, cidToGid(objs, id)]));
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
    expect(maps.get(got.font)![got.cid], `glyph ${i}`).toBe(perFont.get(want.gid));
    expect(got.x, `x of glyph ${i}`).toBeCloseTo(want.x, 3);
    expect(got.y, `y of glyph ${i}`).toBeCloseTo(want.y, 3);
  });
  return content;
}

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
      await expectGlyphsAsShaped(simpleDoc([{ text: s.text, lang: s.lang, size: 14 }], s.lang));
    });
  }

  it('draws a Line again (the copies of a card share their lines) exactly as a fresh copy of it is drawn', async () => {
    // Mixed scripts and directions, a run in another language and y offsets: every kind of operator a plan holds.
    const base = simpleDoc(
      [
        { text: 'قد تتغيّر إرشادات وزارة الداخلية (Home Office). اتصل بـ 0800 123 4567', lang: 'ar' },
        { text: 'آپ کو خاموش رہنے کا قانونی حق ہے۔', lang: 'ur' },
        { text: 'AVAWAY Tomorrow, call 0800 123 4567.', lang: 'en' },
      ],
      'ar',
    );
    const page = base.pages[0]!;
    // The same items again lower down, as untagged copies (artifacts), with the same Line objects or fresh ones.
    const copies = (fresh: boolean): Positioned[] =>
      page.frame.items.map(({ x, y, item }) => {
        const { tag: _tag, ...line } = item as TextLineItem;
        return { x: x + 3.5, y: y + page.height, item: { ...line, line: fresh ? { ...line.line } : line.line } };
      });
    const spec = (fresh: boolean): DocumentSpec => ({
      ...base,
      pages: [{ ...page, height: page.height * 2, frame: { ...page.frame, height: page.height * 2, items: [...page.frame.items, ...copies(fresh)] } }],
    });
    const [replayed, planned] = [await renderPdf(spec(false)), await renderPdf(spec(true))];
    expect(Buffer.from(replayed).equals(Buffer.from(planned))).toBe(true);
  });

  it('draws an RTL paragraph set further apart than poppler joins exactly as shaped, two glyphs a line reporting a size', async () => {
    const size = 7;
    const lines = setLines('روی ورق — اول این طرف را چاپ کنید', 'prs', size, 32);
    const items: Positioned[] = lines.map((line, i) => ({
      x: 581 - line.width,
      y: 30 + i * 1.96 * size,
      item: { kind: 'line', line, color: BLACK, tag: 'label' },
    }));
    const spec = simpleDoc([{ text: 'x', lang: 'prs' }], 'prs');
    const page = spec.pages[0]!;
    const content = await expectGlyphsAsShaped({
      ...spec,
      pages: [{ ...page, frame: { ...page.frame, items } }],
      structure: { id: 'doc', role: 'Document', children: [{ id: 'label', role: 'P', children: [] }] },
    });
    // Each line's leftmost and rightmost glyph (the same one on a one-glyph line) ends its /ActualText at the
    // reported size; before the run's next glyph its own size is set again (expectGlyphsAsShaped: same origins).
    const sized = [...content.matchAll(/\/(F\d+) ([\d.]+) Tf\n\[\] TJ\nEMC/g)];
    expect(lines.length).toBeGreaterThan(2);
    expect(sized.length).toBe(2 * lines.length);
    for (const m of sized) expect(Number(m[2])).toBeCloseTo((1.96 * size) / (1.5 * 0.98), 3);
    expect(content).not.toMatch(/\[\] TJ\nEMC\n(?:(?!Tf)[\s\S])*?\[<[0-9a-f]/);
  });

  it('reportSize: an RTL line’s edge glyph poppler reads gets /ActualText of its own text (reversed) with the size', () => {
    const rtl = {
      text: 'لا بـ',
      direction: 'rtl',
      ...UNITS,
      glyphs: [
        { id: 1, cluster: 3, ax: 100, dx: 0, dy: 0 },
        { id: 2, cluster: 2, ax: 100, dx: 0, dy: 0 },
        { id: 5, cluster: 0, ax: 200, dx: 0, dy: 0 },
        { id: 3, cluster: 0, ax: 0, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    const units = planRun(rtl, { clusterActualText: true, cmapGlyph: () => -1 });
    // Written right to left: the rightmost glyph poppler reads is the first with text (not the FILLER in an
    // empty /ActualText), the leftmost the last; lam-alef's text is reversed, as poppler reverses RTL lines.
    expect(reportSize(units, 'rtl', 'right')).toEqual([
      units[0],
      { glyphs: [{ index: 2, text: 'لا' }], wrap: { kind: 'actual', actual: 'ال' }, sized: true },
      {
        glyphs: [
          { index: 1, text: ' ' },
          { index: 0, text: 'بـ' },
        ],
        wrap: { kind: 'none' },
      },
    ]);
    expect(reportSize(units, 'rtl', 'left')).toEqual([
      units[0],
      {
        glyphs: [
          { index: 2, text: 'لا' },
          { index: 1, text: ' ' },
        ],
        wrap: { kind: 'none' },
      },
      { glyphs: [{ index: 0, text: 'بـ' }], wrap: { kind: 'actual', actual: 'ـب' }, sized: true },
    ]);
    // A glyph already in /ActualText of its own keeps it; a run poppler reads nothing of has no edge.
    const marked: GlyphUnit[] = [{ glyphs: [{ index: 0, text: '.' }], wrap: { kind: 'actual', actual: `${RLM}.` } }];
    expect(reportSize(marked, 'rtl', 'left')).toEqual([{ ...marked[0], sized: true }]);
    expect(reportSize([{ glyphs: [{ index: 0, text: ' ' }], wrap: { kind: 'none' } }], 'rtl', 'left')).toBeUndefined();
    // LTR (an English run in an RTL line): leftmost first, text as it is.
    const ltr: GlyphUnit[] = [
      {
        glyphs: [
          { index: 0, text: 'P' },
          { index: 1, text: 'L' },
        ],
        wrap: { kind: 'none' },
      },
    ];
    expect(reportSize(ltr, 'ltr', 'left')).toEqual([
      { glyphs: [{ index: 0, text: 'P' }], wrap: { kind: 'actual', actual: 'P' }, sized: true },
      { glyphs: [{ index: 1, text: 'L' }], wrap: { kind: 'none' } },
    ]);
  });

  it('gives the logically first glyph of a cluster the whole cluster text; its other glyphs FILLER', () => {
    const run = {
      text: 'क्षा',
      direction: 'ltr',
      ...UNITS,
      glyphs: [
        { id: 10, cluster: 0, ax: 500, dx: 0, dy: 0 },
        { id: 11, cluster: 0, ax: 200, dx: 0, dy: 0 },
        { id: 12, cluster: 3, ax: 300, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    const opts = { clusterActualText: true, cmapGlyph: () => -1 };
    expect(planRun(run, opts)).toEqual([
      {
        glyphs: [
          { index: 0, text: 'क्ष' },
          { index: 1, text: FILLER },
          { index: 2, text: 'ा' },
        ],
        wrap: { kind: 'none' },
      },
    ]);
    // RTL: written in logical order (HarfBuzz's array reversed). A ligature of two letters is one glyph with both;
    // of a letter drawn as two glyphs, the one with an advance carries the text, the other FILLER inside an empty
    // /ActualText (which poppler skips).
    const rtl = {
      text: 'لا بـ',
      direction: 'rtl',
      ...UNITS,
      glyphs: [
        { id: 1, cluster: 3, ax: 100, dx: 0, dy: 0 },
        { id: 2, cluster: 2, ax: 100, dx: 0, dy: 0 },
        { id: 5, cluster: 0, ax: 200, dx: 0, dy: 0 },
        { id: 3, cluster: 0, ax: 0, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    expect(planRun(rtl, opts)).toEqual([
      { glyphs: [{ index: 3, text: FILLER }], wrap: { kind: 'actual', actual: '' } },
      {
        glyphs: [
          { index: 2, text: 'لا' },
          { index: 1, text: ' ' },
          { index: 0, text: 'بـ' },
        ],
        wrap: { kind: 'none' },
      },
    ]);
  });

  it('gives each cluster its text also when HarfBuzz returns clusters out of logical order', () => {
    // Clusters that go back (possible at finer HarfBuzz cluster levels) take the general path, not the one-pass one.
    const run = {
      text: 'abcd',
      direction: 'ltr',
      ...UNITS,
      glyphs: [
        { id: 1, cluster: 0, ax: 100, dx: 0, dy: 0 },
        { id: 2, cluster: 3, ax: 100, dx: 0, dy: 0 },
        { id: 3, cluster: 1, ax: 100, dx: 0, dy: 0 },
        { id: 4, cluster: 1, ax: 100, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    const texts = (r: ShapedRun) => planRun(r, { clusterActualText: true, cmapGlyph: () => -1 }).flatMap((u) => u.glyphs.map((g) => g.text));
    expect(texts(run)).toEqual(['a', 'd', 'bc', FILLER]);
    const rtl = { ...run, direction: 'rtl', glyphs: [...run.glyphs].reverse() } as unknown as ShapedRun;
    expect(texts(rtl)).toEqual(['a', 'bc', FILLER, 'd']);
  });

  it('splits a letter and its combining mark over their own glyphs in RTL runs (mark in its own marked content)', () => {
    const run = {
      text: 'قّ',
      direction: 'rtl',
      ...UNITS,
      glyphs: [
        { id: 40, cluster: 0, ax: 0, dx: 0, dy: 300 }, // shadda, drawn first (visual order)
        { id: 30, cluster: 0, ax: 600, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    const cmapGlyph = (cp: number) => (cp === 0x651 ? 40 : 30);
    // Inside a line's /ActualText (an RTL run in an LTR line): the glyphs' own text, the mark in a /Span.
    expect(planRun(run, { clusterActualText: false, cmapGlyph })).toEqual([
      { glyphs: [{ index: 1, text: 'ق' }], wrap: { kind: 'none' } },
      { glyphs: [{ index: 0, text: '\u0651' }], wrap: { kind: 'span' } },
    ]);
    // In an RTL line: the same glyph texts (pdf.js, MuPDF), and for poppler, which reverses the line character by
    // character, the letter's /ActualText is the cluster reversed and the mark's is empty.
    expect(planRun(run, { clusterActualText: true, cmapGlyph })).toEqual([
      { glyphs: [{ index: 1, text: 'ق' }], wrap: { kind: 'actual', actual: '\u0651ق' } },
      { glyphs: [{ index: 0, text: '\u0651' }], wrap: { kind: 'actual', actual: '' } },
    ]);
  });

  it('gives a zero-advance joiner (ZWNJ) to the /ActualText of the letter before it in RTL lines', () => {
    // می‌د: HarfBuzz's visual order د, ZWNJ (no advance, on the origin of ی), ی, م.
    const run = {
      text: 'می\u200cد',
      direction: 'rtl',
      ...UNITS,
      glyphs: [
        { id: 4, cluster: 3, ax: 400, dx: 0, dy: 0 },
        { id: 3, cluster: 2, ax: 0, dx: 0, dy: 0 },
        { id: 2, cluster: 1, ax: 600, dx: 0, dy: 0 },
        { id: 1, cluster: 0, ax: 500, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    expect(planRun(run, { clusterActualText: true, cmapGlyph: () => -1 })).toEqual([
      { glyphs: [{ index: 3, text: 'م' }], wrap: { kind: 'none' } },
      { glyphs: [{ index: 2, text: 'ی' }], wrap: { kind: 'actual', actual: '\u200cی' } },
      { glyphs: [{ index: 1, text: '\u200c' }], wrap: { kind: 'actual', actual: '' } },
      { glyphs: [{ index: 0, text: 'د' }], wrap: { kind: 'none' } },
    ]);
  });

  it('stretches the box of a letter in poppler to the letter before it where its /W advance falls short (Nastaliq), in RTL lines', () => {
    // `اپن` in logical order, glyphs in visual order (left to right): ن, پ, ا. پ's shaped advance is 1200 units but
    // its /W advance 200, so poppler's box of پ ends 1000 units (1 em) short of ا: پ gets /ActualText of its own
    // text and reaches the 1000 units; ن's box meets پ's and stays as it is.
    const run = {
      text: 'اپن',
      direction: 'rtl',
      ...UNITS,
      glyphs: [
        { id: 3, cluster: 2, ax: 300, dx: 0, dy: 0 },
        { id: 2, cluster: 1, ax: 1200, dx: 0, dy: 0 },
        { id: 1, cluster: 0, ax: 300, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    const opts = {
      clusterActualText: true,
      cmapGlyph: () => -1,
      rtlLine: { afterLtr: false, beforeLtr: false },
      pdfAdvance: (id: number) => (id === 2 ? 200 : 300),
    };
    expect(planRun(run, opts)).toEqual([
      { glyphs: [{ index: 2, text: 'ا' }], wrap: { kind: 'none' } },
      { glyphs: [{ index: 1, text: 'پ' }], wrap: { kind: 'actual', actual: 'پ' }, reach: 1000 },
      { glyphs: [{ index: 0, text: 'ن' }], wrap: { kind: 'none' } },
    ]);
    // A gap of less than a tenth of the font size, a gap at a space, no /W advances given, or no cluster
    // /ActualText (inside an LTR line's): nothing is stretched.
    const plain = [{ glyphs: [2, 1, 0].map((index) => ({ index, text: run.text[2 - index] })), wrap: { kind: 'none' } }];
    expect(planRun(run, { ...opts, pdfAdvance: (id: number) => (id === 2 ? 1150 : 300) })).toEqual(plain);
    const spaced = {
      ...run,
      text: 'ا پ',
      glyphs: [
        { id: 2, cluster: 2, ax: 1200, dx: 0, dy: 0 },
        { id: 4, cluster: 1, ax: 300, dx: 0, dy: 0 },
        { id: 1, cluster: 0, ax: 300, dx: 0, dy: 0 },
      ],
    } as unknown as ShapedRun;
    expect(planRun(spaced, opts).some((u) => u.reach !== undefined)).toBe(false);
    const { pdfAdvance: _, ...noAdvance } = opts;
    expect(planRun(run, noAdvance)).toEqual(plain);
    expect(planRun(run, { ...opts, clusterActualText: false })).toEqual(plain);
  });

  it('gives the text of letters raised off the baseline (Nastaliq) to the next letter on it, in RTL lines', () => {
    // Three letters in logical order; the first two raised by 700 and 600 units (0.7 and 0.6 em), beyond the half
    // font size at which poppler puts a word on another line; the last on the baseline carries all three. A letter
    // raised less (0.4 em) stays on poppler's line and keeps its text.
    const run = {
      text: 'کیا',
      direction: 'rtl',
      ...UNITS,
      glyphs: [
        { id: 3, cluster: 2, ax: 300, dx: 0, dy: 0 },
        { id: 2, cluster: 1, ax: 300, dx: 0, dy: 600 },
        { id: 1, cluster: 0, ax: 300, dx: 0, dy: 700 },
      ],
    } as unknown as ShapedRun;
    const opts = { clusterActualText: true, cmapGlyph: () => -1 };
    expect(planRun(run, opts)).toEqual([
      { glyphs: [{ index: 2, text: 'ک' }], wrap: { kind: 'actual', actual: '' } },
      { glyphs: [{ index: 1, text: 'ی' }], wrap: { kind: 'actual', actual: '' } },
      { glyphs: [{ index: 0, text: 'ا' }], wrap: { kind: 'actual', actual: 'ایک' } },
    ]);
    // Raised letters at the end of the run go with the letter before them; inside an LTR line's /ActualText
    // nothing changes.
    const tail = { ...run, glyphs: run.glyphs.map((g, i) => ({ ...g, dy: i === 0 ? 700 : 0 })) } as unknown as ShapedRun;
    expect(planRun(tail, opts).map((u) => u.wrap)).toEqual([{ kind: 'none' }, { kind: 'actual', actual: 'ای' }, { kind: 'actual', actual: '' }]);
    const low = { ...run, glyphs: run.glyphs.map((g) => ({ ...g, dy: g.dy ? 400 : 0 })) } as unknown as ShapedRun;
    expect(planRun(low, opts)).toEqual([{ glyphs: [2, 1, 0].map((index) => ({ index, text: run.text[2 - index] })), wrap: { kind: 'none' } }]);
    expect(planRun(run, { ...opts, clusterActualText: false })).toEqual([
      { glyphs: [2, 1, 0].map((index) => ({ index, text: run.text[2 - index] })), wrap: { kind: 'none' } },
    ]);
  });

  it('puts a strong invisible mark on the side of a neutral that faces an LTR run in an RTL line (poppler bidi)', () => {
    // `. ` after an LTR run (logically first: the `.`) and ` (` before one, in one RTL run; `Office)` an LTR run.
    const rtl = {
      text: '. ب (',
      direction: 'rtl',
      ...UNITS,
      glyphs: [4, 3, 2, 1, 0].map((cluster) => ({ id: 10 + cluster, cluster, ax: 300, dx: 0, dy: 0 })),
    } as unknown as ShapedRun;
    const opts = { clusterActualText: true, cmapGlyph: () => -1 };
    expect(planRun(rtl, { ...opts, rtlLine: { afterLtr: true, beforeLtr: true } })).toEqual([
      // RLM on the right: the LTR run is there; on the left too, since a space follows (`. [` in the docs).
      { glyphs: [{ index: 4, text: '.' }], wrap: { kind: 'actual', actual: `${RLM}.${RLM}` } },
      {
        glyphs: [
          { index: 3, text: ' ' },
          { index: 2, text: 'ب' },
          { index: 1, text: ' ' },
        ],
        wrap: { kind: 'none' },
      },
      { glyphs: [{ index: 0, text: '(' }], wrap: { kind: 'actual', actual: `${RLM}(` } },
    ]);
    // Not in an LTR line (its /ActualText covers the line) nor away from LTR runs.
    expect(planRun(rtl, opts)).toEqual([{ glyphs: [4, 3, 2, 1, 0].map((index) => ({ index, text: rtl.text[4 - index] })), wrap: { kind: 'none' } }]);
    const ltr = {
      text: 'Office)',
      direction: 'ltr',
      ...UNITS,
      glyphs: [...'Office)'].map((_, cluster) => ({ id: 20 + cluster, cluster, ax: 300, dx: 0, dy: 0 })),
    } as unknown as ShapedRun;
    const units = planRun(ltr, { ...opts, rtlLine: { afterLtr: false, beforeLtr: false } });
    expect(units.at(-1)).toEqual({ glyphs: [{ index: 6, text: ')' }], wrap: { kind: 'actual', actual: `)${LRM}` } });
    expect(units).toHaveLength(2);
  });

  it('each glyph occurrence carries its own text: Arabic read glyph by glyph in stream order is the logical text', async () => {
    const text = 'لديك الحق في التزام الصمت. اعرف حقوقك. ثبت نجح شيء';
    const spec = simpleDoc([{ text, lang: 'ar', size: 14 }], 'ar');
    const objs = readObjects(await renderPdf(spec));
    const pageObj = pages(objs)[0]!;
    const content = objs.get(refOf(pageObj.body, 'Contents')!)!.stream!.toString('latin1');
    const fontIds = pageFontIds(objs, pageObj);
    const maps = new Map([...fontIds].map(([name, id]) => [name, toUnicode(objs, id)]));
    const shown = shownGlyphs(content, pageFontWidths(objs, pageObj), spec.pages[0]!.height);
    const extracted = shown
      .map((g) => maps.get(g.font)!.get(g.cid) ?? '')
      .join('')
      .replaceAll(FILLER, '');
    const lines = spec.pages[0]!.frame.items.map((p) => (p.item as TextLineItem).line);
    const multiGlyphClusters = lines.flatMap((l) => l.runs).some((r) => new Set(r.glyphs.map((g) => g.cluster)).size < r.glyphs.length);
    expect(multiGlyphClusters).toBe(true); // the sample does exercise clusters with several glyphs
    // ز and ر share Noto Naskh's dotless base glyph, ي and ب theirs: each occurrence still reads as its own letter.
    expect(extracted.replace(/\s/g, '')).toBe(
      lines
        .map((l) => l.text)
        .join('')
        .replace(/\s/g, ''),
    );
  });
});
