/**
 * A logo drawn again at the same box is written from svg-to-pdfkit's recorded pdfkit calls (svg-logo.ts) instead
 * of parsing the SVG again. The file must be byte for byte what drawing every copy with svg-to-pdfkit makes: the
 * same document is made twice, once with one byte array for every copy (recorded once, then replayed) and once
 * with a fresh copy of the bytes per drawing (never replayed, as recordings are kept by byte array), on several
 * pages so that a replayed opacity still names its ExtGState in each page's resources. A logo with a gradient or a
 * clip group is never replayed, and neither is a copy in another box or colour mode.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import type { ImageItem } from '../../../src/layout/frame.ts';
import type { PdfKitDocument } from '../../../src/render/pdfkit-internals.ts';
import { drawSvgLogo } from '../../../src/render/svg-logo.ts';

/** Counts svg-to-pdfkit's drawings: a replayed copy does not call it. */
const drawn = vi.hoisted(() => ({ count: 0 }));
vi.mock('svg-to-pdfkit', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (...args: unknown[]) => unknown }).default;
  return {
    default: (...args: unknown[]) => {
      drawn.count++;
      return real(...args);
    },
  };
});

const read = (url: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(url, import.meta.url))));
/** The shipped example logo: circles and strokes, with the ExtGState svg-to-pdfkit names for every fill. */
const SHIPPED = read('../../../content/assets/example-logo.svg');
const FIXTURES = '../../fixtures/logos/';

/** Every copy: page, box and colour mode. Pages 2 and 3 repeat page 1's boxes. */
const COPIES = [1, 2, 3].flatMap((page) => [
  { page, x: 20, y: 30, width: 60, height: 60, cmyk: false },
  { page, x: 120, y: 30, width: 60, height: 60, cmyk: false },
  { page, x: 20, y: 130, width: 60, height: 60, cmyk: true },
]);

/** The PDF of COPIES drawn from `bytesFor(i)` (every copy under one transformation, as a card sheet draws them). */
async function pdfOf(bytesFor: (i: number) => Uint8Array, src: string): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  let page = 0;
  COPIES.forEach((copy, i) => {
    if (copy.page !== page) {
      doc.addPage({ size: [300, 300], margin: 0 });
      doc.save().transform(1, 0, 0, -1, 0, 300);
      page = copy.page;
    }
    const item: ImageItem = { kind: 'image', src, data: bytesFor(i), width: copy.width, height: copy.height };
    drawSvgLogo(doc as unknown as PdfKitDocument, item, copy.x, copy.y, copy.cmyk);
    if (COPIES[i + 1]?.page !== page) doc.restore();
  });
  doc.end();
  return done;
}

/** The PDF drawn with one byte array for every copy, and how many copies svg-to-pdfkit drew. */
async function shared(bytes: Uint8Array, src: string): Promise<{ pdf: Buffer; drawings: number }> {
  const once = bytes.slice();
  const before = drawn.count;
  const pdf = await pdfOf(() => once, src);
  return { pdf, drawings: drawn.count - before };
}

/** The PDF drawn by svg-to-pdfkit for every copy (a new byte array each time). */
async function everyCopyDrawn(bytes: Uint8Array, src: string): Promise<Buffer> {
  const before = drawn.count;
  const pdf = await pdfOf(() => bytes.slice(), src);
  expect(drawn.count - before).toBe(COPIES.length);
  return pdf;
}

describe('SVG logo copies written again from recorded calls', () => {
  it('the shipped logo: drawn once per box and colour mode, the file identical to drawing every copy', async () => {
    const { pdf, drawings } = await shared(SHIPPED, 'assets/example-logo.svg');
    // Three boxes (one of them CMYK) on page 1; pages 2 and 3 are replayed.
    expect(drawings).toBe(3);
    expect(pdf.equals(await everyCopyDrawn(SHIPPED, 'assets/example-logo.svg'))).toBe(true);
    // The replayed opacity is named in the resources of every page that uses it.
    const text = pdf.toString('latin1');
    expect(text.match(/\/ExtGState <<[^>]*\/Gs1 \d+ 0 R/g)?.length).toBe(3);
  });

  it('the Inkscape export (group transforms, styles): replayed, and identical to drawing every copy', async () => {
    const bytes = read(`${FIXTURES}inkscape.svg`);
    const { pdf, drawings } = await shared(bytes, 'assets/inkscape.svg');
    expect(drawings).toBe(3);
    expect(pdf.equals(await everyCopyDrawn(bytes, 'assets/inkscape.svg'))).toBe(true);
  });

  for (const [name, what] of [
    ['illustrator', 'a gradient (a pattern object of its own)'],
    ['figma', 'a clip path (a transparency group of its own)'],
  ] as const) {
    it(`the ${name} export, with ${what}: drawn by svg-to-pdfkit every time`, async () => {
      const bytes = read(`${FIXTURES}${name}.svg`);
      const { pdf, drawings } = await shared(bytes, `assets/${name}.svg`);
      expect(drawings).toBe(COPIES.length);
      expect(pdf.equals(await everyCopyDrawn(bytes, `assets/${name}.svg`))).toBe(true);
    });
  }
});
