import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pathOperators } from '../../../src/render/paths.ts';
import type { PdfKitDocument } from '../../../src/render/pdfkit-internals.ts';

/** What pdfkit's own path(d) writes into a page's content: every addContent call, in order. */
function pdfkitPath(d: string): string {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }) as unknown as PdfKitDocument;
  doc.addPage({ size: [100, 100], margin: 0 });
  const written: string[] = [];
  const addContent = doc.addContent.bind(doc);
  doc.addContent = (data: string) => {
    written.push(data);
    return addContent(data);
  };
  doc.path(d);
  return written.join('\n');
}

describe('pathOperators', () => {
  const paths = [
    // A QR-style run of squares, relative lines, curves, implicit repeats, arcs, and nothing at all.
    'M0 0h1v1h-1zM2 0h1v1h-1z',
    'm10,10 l5 5 5 -5 L30 30 H40 V50 h-2.5 v-2.5 Z',
    'M0 0C1 2 3 4 5 6S7 8 9 10Q11 12 13 14T15 16',
    'M10 10A5 5 0 0 1 20 20a5 5 30 1 0 10 10',
    '',
  ];
  it("writes exactly pdfkit's operators for a path, the first time and again from its memo", () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }) as unknown as PdfKitDocument;
    doc.addPage({ size: [100, 100], margin: 0 });
    for (const d of paths) {
      const want = pdfkitPath(d);
      expect(pathOperators(doc, d), d).toBe(want);
      expect(pathOperators(doc, d), `${d} (memo)`).toBe(want);
    }
  });
});
