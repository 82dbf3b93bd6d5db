import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { PdfKitDocument } from '../../../src/render/pdfkit-internals.ts';
import { fastSpanMarking } from '../../../src/render/span-marking.ts';

/**
 * span-marking.ts writes the /Span operators pdfkit's markContent writes: the same file, byte for byte, whether the
 * fast path is on or not, for texts whose UTF-16 or Latin-1 bytes need escaping, MCID 0 (which closes nothing in
 * pdfkit) and later MCIDs, artifacts around spans, and calls the fast path hands back to pdfkit.
 */

/** Texts whose bytes hit every branch: ASCII with escapes, Latin-1, UTF-16 units whose low byte is `(`, `)`, `\`, a control. */
const TEXTS = [
  'Know your rights',
  'a (b) c\\d\n\r\t\b\f',
  'café – naïve',
  'بـ (Home Office)', // U+0628: bytes 06 28, an escaped `(`
  'ĩ ĩ ĩ ', // U+0129: low byte `)`, U+0128: `(`
  'ŜŜ \u010a\u010d', // U+015C: low byte `\`, U+010A/U+010D: newline and carriage return
  '',
  '\u2060',
  '😀 emoji',
  'ur اردو میں',
];

async function draw(fast: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, tagged: true, lang: 'en', autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const pdf = doc as unknown as PdfKitDocument;
  pdf._id = new Uint8Array(16);
  if (fast) fastSpanMarking(pdf);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let page = 0; page < 2; page++) {
    doc.addPage({ size: [200, 200], margin: 0 });
    // MCID 0 inside an open artifact: pdfkit tests the MCID for truth, so this one closes nothing.
    pdf.markContent('Artifact');
    const first = pdf.markStructureContent('Span', { actual: 'first' });
    pdf.endMarkedContent();
    pdf.endMarkedContent();
    const firstElement = pdf.struct('P');
    firstElement.add(first);
    pdf.addStructure(firstElement);
    firstElement.end();
    for (const [i, text] of TEXTS.entries()) {
      const options = { actual: i % 3 === 0 ? new String(text) : text, ...(i % 2 ? { lang: i % 4 === 1 ? 'ar' : new String('zh-Hans') } : {}) };
      // Structure content, a span nested in it, an artifact with a span, a bare span.
      const content = pdf.markStructureContent('Span', options);
      pdf.markContent('Span', { lang: 'en' });
      pdf.endMarkedContent();
      pdf.endMarkedContent();
      pdf.markContent('Artifact');
      pdf.markContent('Span', options);
      pdf.endMarkedContent();
      pdf.endMarkedContent();
      pdf.markContent('Span', { alt: 'handed back to pdfkit', actual: text });
      pdf.endMarkedContent();
      pdf.markContent('Span');
      pdf.endMarkedContent();
      const element = pdf.struct('P');
      element.add(content);
      pdf.addStructure(element);
      element.end();
    }
    // An open structure sequence that the next MCID's markContent closes, as pdfkit does.
    pdf.markStructureContent('Span', { actual: 'left open' });
    pdf.markStructureContent('Span', { lang: 'fa', actual: 'closes it' });
    pdf.endMarkedContent();
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('fast /Span marking', () => {
  it('writes the same bytes as pdfkit markContent', async () => {
    const [slow, fast] = [await draw(false), await draw(true)];
    expect(fast.toString('latin1')).toContain('/ActualText (\u00fe\u00ff\u0006\\(');
    expect(fast.equals(slow)).toBe(true);
  });
});
