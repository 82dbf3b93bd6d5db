import { officerGuidanceString } from '../../../src/i18n/doc.ts';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Frame, ImageItem, Positioned, StructNode } from '../../../src/layout/frame.ts';
import { readLogo } from '../../../src/content/read-logo.ts';
import { mm } from '../../../src/layout/units.ts';
import { buildCard } from '../../../src/materials/card.ts';
import { CARD_SAFE, CARD_SIZE } from '../../../src/materials/card-side.ts';
import { cardSides } from '../../../src/materials/card-sides.ts';
import { buildLeaflet } from '../../../src/materials/leaflet.ts';
import { editionLogo } from '../../../src/materials/logo.ts';
import { buildPoster } from '../../../src/materials/poster.ts';
import { CARD, LEAFLET, POSTER } from '../../../src/materials/specs.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { flatten, KEYS, makeDoc, nodesById, textLines } from './helpers.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const SVG = 'assets/example-logo.svg';
const ORG = 'Example Anti-Raids Network';

/** A temporary content folder with a 40 × 20 px PNG logo and an SVG the PDF writer cannot draw. */
const tmp = mkdtempSync(join(tmpdir(), 'rightsprint-logo-'));
mkdirSync(join(tmp, 'assets'));
const png = new PNG({ width: 40, height: 20 });
png.data.fill(0x80);
writeFileSync(join(tmp, 'assets', 'wide.png'), PNG.sync.write(png));
writeFileSync(join(tmp, 'assets', 'text.svg'), '<svg viewBox="0 0 10 10"><text x="0" y="5">ESA</text></svg>');

const images = (frame: Frame) => flatten(frame).filter((p): p is Positioned & { item: ImageItem } => p.item.kind === 'image');
const figure = (root: StructNode, id: string | undefined) => (id ? nodesById(root).get(id) : undefined);

describe('readLogo', () => {
  it('reads SVG viewBox, PNG and JPEG sizes; rejects other files with a reason', () => {
    const svg = readLogo(join(CONTENT, SVG), readFileSync(join(CONTENT, SVG)));
    expect(svg.ok && [svg.logo.width, svg.logo.height]).toEqual([120, 120]);
    const p = readLogo(join(tmp, 'assets', 'wide.png'), readFileSync(join(tmp, 'assets', 'wide.png')));
    expect(p.ok && [p.logo.width, p.logo.height]).toEqual([40, 20]);
    // Minimal JPEG structure: SOI, APP0, an SOF0 segment with height 32 and width 64, one scan (SOS + data), EOI.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xff,
      0xda, 0x00, 0x0c, 0x03, 1, 0x00, 2, 0x11, 3, 0x11, 0x00, 0x3f, 0x00, 0x12, 0xff, 0x00, 0x34, 0xff, 0xd9,
    ]);
    writeFileSync(join(tmp, 'assets', 'logo.jpg'), jpeg);
    const j = readLogo(join(tmp, 'assets', 'logo.jpg'), readFileSync(join(tmp, 'assets', 'logo.jpg')));
    expect(j.ok && [j.logo.width, j.logo.height]).toEqual([64, 32]);
    const bad = readLogo(join(tmp, 'assets', 'text.svg'), readFileSync(join(tmp, 'assets', 'text.svg')));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/contains text \(<text>\)/u);
  });

  it('an undrawable logo is error RP3109 naming the setting; outside the folder RP3004; no contentRoot or no logo means no logo', () => {
    const r = buildLeaflet(makeDoc('en', { logo: 'assets/text.svg' }), { keys: KEYS, contentRoot: tmp }, layoutParagraph);
    const d = r.diagnostics.find((x) => x.code === 'RP3109')!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('assets/text.svg');
    expect(editionLogo(makeDoc('en', { logo: SVG }), { keys: KEYS }).logo).toBeUndefined();
    expect(editionLogo(makeDoc('en'), { keys: KEYS, contentRoot: CONTENT }).logo).toBeUndefined();
    expect(editionLogo(makeDoc('en', { logo: '../package.json' }), { keys: KEYS, contentRoot: CONTENT }).diagnostics[0]!.code).toBe('RP3004');
  });
});

describe('leaflet logo', () => {
  for (const code of ['en', 'ar'] as const) {
    it(`${code}: in the title band on the start side, a Figure with the organisation as alt, beside (not over) the title`, () => {
      const doc = buildLeaflet(makeDoc(code, { logo: SVG }), { keys: KEYS, contentRoot: CONTENT }, layoutParagraph).outputs[0]!.doc;
      const page = doc.pages[0]!;
      const [logo, ...more] = images(page.frame);
      expect(more).toEqual([]);
      expect(figure(doc.structure, logo!.item.tag)).toMatchObject({ role: 'Figure', alt: ORG });
      const margin = mm(LEAFLET.margin.inner);
      const plate = mm(LEAFLET.logo.platePad);
      if (code === 'en') expect(logo!.x).toBeCloseTo(margin + plate, 3);
      else expect(logo!.x + logo!.item.width).toBeCloseTo(page.width - margin - plate, 3);
      // Inside the band (the first rect, drawn from the bleed).
      const band = page.frame.items[0]!;
      expect(band.item.kind).toBe('rect');
      const bandBottom = band.y + (band.item.kind === 'rect' ? band.item.height : 0);
      expect(logo!.y + logo!.item.height).toBeLessThan(bandBottom);
      const title = textLines(page.frame).filter((l) => l.y < bandBottom);
      expect(title.length).toBeGreaterThan(0);
      for (const l of title) {
        const overlaps = l.x < logo!.x + logo!.item.width && l.x + l.item.line.width > logo!.x;
        expect(overlaps, l.item.line.text).toBe(false);
      }
      // No logo on the following pages.
      for (const p of doc.pages.slice(1)) expect(images(p.frame)).toEqual([]);
    });
  }

  it('a PNG keeps its aspect ratio (the writer stretches PNGs to the box)', () => {
    const doc = buildLeaflet(makeDoc('en', { logo: 'assets/wide.png' }), { keys: KEYS, contentRoot: tmp }, layoutParagraph).outputs[0]!.doc;
    const [logo] = images(doc.pages[0]!.frame);
    expect(logo!.item.width / logo!.item.height).toBeCloseTo(2, 6);
    expect(logo!.item.width).toBeLessThanOrEqual(mm(LEAFLET.logo.maxWidth) + 1e-6);
  });
});

describe('poster logo', () => {
  for (const code of ['en', 'ar'] as const) {
    it(`${code}: top start corner of the band, tagged, clear of the title`, () => {
      const out = buildPoster(makeDoc(code, { logo: SVG }), { keys: KEYS, contentRoot: CONTENT }, layoutParagraph);
      expect(out.diagnostics).toEqual([]);
      const doc = out.outputs[0]!.doc;
      const page = doc.pages[0]!;
      const [logo] = images(page.frame);
      expect(figure(doc.structure, logo!.item.tag)).toMatchObject({ role: 'Figure', alt: ORG });
      const inset = mm(POSTER.margin + POSTER.logo.platePad);
      if (code === 'en') expect(logo!.x).toBeCloseTo(inset, 3);
      else expect(logo!.x + logo!.item.width).toBeCloseTo(page.width - inset, 3);
      expect(logo!.y).toBeLessThan(mm(POSTER.bandPad + POSTER.logo.maxHeight));
      for (const l of textLines(page.frame).filter((t) => t.y < logo!.y + logo!.item.height + 50)) {
        const overlaps = l.x < logo!.x + logo!.item.width && l.x + l.item.line.width > logo!.x;
        expect(overlaps, l.item.line.text).toBe(false);
      }
    });
  }
});

describe('card back logo', () => {
  it('sits small in the column above the QR code and never changes the fitted sizes', () => {
    for (const code of ['en', 'ar', 'my'] as const) {
      const doc = makeDoc(code, { logo: SVG });
      const logo = editionLogo(doc, { contentRoot: CONTENT }).logo!;
      const without = cardSides(doc, KEYS, layoutParagraph, 'c');
      const withLogo = cardSides(doc, KEYS, layoutParagraph, 'c', code, logo);
      expect(withLogo.back.size).toBe(without.back.size);
      expect(withLogo.front.size).toBe(without.front.size);
      const [img] = images(withLogo.back.frame);
      expect(images(withLogo.front.frame)).toEqual([]);
      const qr = flatten(withLogo.back.frame).find((p) => p.item.kind === 'path')!;
      // Within the QR column, above the code with at least the QR gap, inside the safe area.
      expect(img!.x).toBeGreaterThanOrEqual(qr.x - 1e-6);
      expect(img!.x + img!.item.width).toBeLessThanOrEqual(qr.x + mm(CARD.qr) + 1e-6);
      expect(img!.y + img!.item.height).toBeLessThanOrEqual(qr.y - mm(CARD.qrGap) + 1e-6);
      expect(img!.item.height).toBeLessThanOrEqual(mm(CARD.logoMax) + 1e-6);
      expect(img!.x + img!.item.width).toBeLessThanOrEqual(CARD_SIZE.width - CARD_SAFE + 1e-6);
      // …and clear of every text line.
      for (const l of textLines(withLogo.back.frame)) {
        const h = l.item.line.ascent + l.item.line.descent;
        const overlaps =
          l.x < img!.x + img!.item.width &&
          l.x + l.item.line.width > img!.x &&
          l.y - l.item.line.ascent < img!.y + img!.item.height &&
          l.y - l.item.line.ascent + h > img!.y;
        expect(overlaps, l.item.line.text).toBe(false);
      }
      expect(withLogo.back.node.children.find((n) => n.id === img!.item.tag)).toMatchObject({ role: 'Figure', alt: ORG });
    }
  });

  it('is left out when less than CARD.logoMin is free above the QR code', () => {
    const doc = makeDoc('en', { logo: SVG });
    const logo = editionLogo(doc, { contentRoot: CONTENT }).logo!;
    // A long officer title fills the band down towards the QR code (free space above it < 5 mm, checked below).
    const title = 'To the immigration or police officer who stopped me today in the street near my home and asked me questions about where I live';
    const tall = {
      ...doc,
      officerStrings: {
        ...doc.officerStrings,
        'officer.title': { ...officerGuidanceString(doc, 'officer.title'), blocks: [{ kind: 'para' as const, inlines: [{ text: title, bold: false }] }] },
      },
    };
    const sides = cardSides(tall, KEYS, layoutParagraph, 'c', 'en', logo);
    const qr = flatten(sides.back.frame).find((p) => p.item.kind === 'path')!;
    const band = flatten(sides.back.frame).find((p) => p.item.kind === 'rect')!;
    const bandBottom = band.y + (band.item.kind === 'rect' ? band.item.height : 0);
    expect(qr.y - mm(CARD.qrGap) - (bandBottom + mm(CARD.bandPad))).toBeLessThan(mm(CARD.logoMin));
    expect(images(sides.back.frame)).toEqual([]);
    expect(sides.back.node.children.filter((n) => n.alt === ORG)).toEqual([]);
  });

  it('home sheets: the logo on every back, tagged on the first copy only; the press file has it too', () => {
    const r = buildCard(makeDoc('en', { logo: SVG }), { keys: KEYS, contentRoot: CONTENT }, layoutParagraph);
    expect(r.diagnostics).toEqual([]);
    const sheet = r.outputs.find((o) => o.file === 'card-sheet-a4.pdf')!.doc;
    const backs = images(sheet.pages[1]!.frame);
    expect(backs).toHaveLength(10);
    expect(backs.filter((b) => b.item.tag !== undefined)).toHaveLength(1);
    expect(images(sheet.pages[0]!.frame)).toEqual([]);
    const press = r.outputs.find((o) => o.file === 'card-press.pdf')!.doc;
    expect(images(press.pages[1]!.frame)).toHaveLength(1);
  });
});
