import { guidanceString } from '../../../src/i18n/doc.ts';
import { describe, expect, it } from 'vitest';
import type { StructNode } from '../../../src/layout/frame.ts';
import { mm } from '../../../src/layout/units.ts';
import { buildLeaflet } from '../../../src/materials/leaflet.ts';
import { LEAFLET } from '../../../src/materials/specs.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { KEYS, makeDoc, nodesById, textLines } from './helpers.ts';

/** Role of the structure node an item is tagged with. */
const roleOf = (ids: Map<string, StructNode>, tag: string | undefined) => (tag ? ids.get(tag)?.role : undefined);

describe('leaflet', () => {
  const long = (code: 'en' | 'ar' | 'bn') => {
    const doc = makeDoc(code);
    // Long sections force several pages, so headings meet page ends.
    const overrides: Record<string, string> = {};
    for (const s of KEYS.leaflet.sections)
      overrides[s.body[0]!] = Array.from({ length: 3 }, () =>
        guidanceString(doc, s.body[0]!)
          .blocks.map((b) => (b.kind === 'para' ? b.inlines.map((i) => i.text).join('') : b.items.map((i) => `- ${i.map((x) => x.text).join('')}`).join('\n')))
          .join('\n\n'),
      ).join('\n\n');
    return makeDoc(code, { overrides, review: 'draft' });
  };

  for (const code of ['en', 'ar', 'bn'] as const) {
    it(`${code}: A5 pages, localised "n / N" page numbers, no heading at the bottom of a page`, () => {
      const result = buildLeaflet(long(code), { keys: KEYS }, layoutParagraph);
      expect(result.diagnostics).toEqual([]);
      const home = result.outputs.find((o) => o.file === 'leaflet.pdf')!.doc;
      expect(home.pages.length).toBeGreaterThan(1);
      const ids = nodesById(home.structure);
      home.pages.forEach((page, index) => {
        expect(page.width).toBeCloseTo(mm(148), 6);
        expect(page.height).toBeCloseTo(mm(210), 6);
        const lines = textLines(page.frame);
        expect(lines.some((l) => l.item.line.text === `${index + 1} / ${home.pages.length}` && l.item.tag === undefined)).toBe(true);
        const tagged = lines.filter((l) => l.item.tag !== undefined);
        // Last tagged line on the page is not a heading (keep with next).
        expect(roleOf(ids, tagged[tagged.length - 1]!.item.tag)).not.toBe('H2');
        // Flow text stays above the bottom margin.
        for (const l of tagged) expect(l.y + l.item.line.descent).toBeLessThanOrEqual(page.height - mm(LEAFLET.margin.bottom) + 0.01);
      });
      // Every tag resolves; headings exist as H2 and one H1.
      const roles = [...ids.values()].map((n) => n.role);
      expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
      expect(roles.filter((r) => r === 'H2')).toHaveLength(3);
      expect(roles).toContain('Figure');
    });
  }

  it('RTL: QR code on the right, text lines end at the right margin', () => {
    const doc = buildLeaflet(makeDoc('ar'), { keys: KEYS }, layoutParagraph).outputs[0]!.doc;
    const pageW = mm(148);
    const right = pageW - mm(LEAFLET.margin.outer);
    const qrPage = doc.pages.find((p) => p.frame.items.some((i) => i.item.kind === 'path'))!;
    const qr = qrPage.frame.items.find((i) => i.item.kind === 'path')!;
    expect(qr.x + mm(LEAFLET.qr)).toBeCloseTo(right, 3);
    const ltrQr = buildLeaflet(makeDoc('en'), { keys: KEYS }, layoutParagraph)
      .outputs[0]!.doc.pages.flatMap((p) => p.frame.items)
      .find((i) => i.item.kind === 'path')!;
    expect(ltrQr.x).toBeCloseTo(mm(LEAFLET.margin.inner), 3);
    const bodyLines = textLines(doc.pages[0]!.frame).filter((l) => l.item.tag && l.item.line.direction === 'rtl' && l.item.line.text !== '•');
    const atRight = bodyLines.filter((l) => Math.abs(l.x + l.item.line.width - right) < 0.01);
    expect(atRight.length).toBeGreaterThan(bodyLines.length / 2);
  });

  it('press twin: same pages with bleed and crop marks in CMYK; A4 option', () => {
    const result = buildLeaflet(makeDoc('en'), { keys: KEYS, leafletPaper: 'A4' }, layoutParagraph);
    const home = result.outputs.find((o) => o.file === 'leaflet.pdf')!.doc;
    const press = result.outputs.find((o) => o.file === 'leaflet-press.pdf')!.doc;
    expect(press.colorMode).toBe('cmyk');
    expect(press.pages).toHaveLength(home.pages.length);
    expect(press.pages[0]!.trimBox!.width).toBeCloseTo(mm(210), 6);
    expect(press.pages[0]!.bleedBox!.width).toBeCloseTo(mm(216), 6);
  });

  it('paragraphs split at line boundaries: the text of a paragraph is continuous across pages', () => {
    const result = buildLeaflet(long('en'), { keys: KEYS }, layoutParagraph);
    const doc = result.outputs[0]!.doc;
    const byTag = new Map<string, string[]>();
    for (const page of doc.pages)
      for (const l of textLines(page.frame)) if (l.item.tag) byTag.set(l.item.tag, [...(byTag.get(l.item.tag) ?? []), l.item.line.text]);
    const split = [...byTag.entries()].filter(([tag]) => doc.pages.filter((p) => textLines(p.frame).some((l) => l.item.tag === tag)).length > 1);
    for (const [, texts] of split) expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('leaflet metadata', () => {
  it('has a localised title, subject (the disclaimer) and keywords (the strip phrase), not English labels', () => {
    const ar = makeDoc('ar');
    const meta = buildLeaflet(ar, { keys: KEYS }, layoutParagraph).outputs[0]!.doc.metadata;
    expect(meta.title).toBe(guidanceString(ar, KEYS.leaflet.title).plain);
    expect(meta.subject).toBe(guidanceString(ar, KEYS.leaflet.disclaimer).plain);
    expect(meta.subject).toMatch(/\p{Script=Arabic}/u);
    expect(meta.keywords).toContain(guidanceString(ar, KEYS.poster.strip).plain);
    expect(meta.keywords).toContain('العربية');
  });
});
