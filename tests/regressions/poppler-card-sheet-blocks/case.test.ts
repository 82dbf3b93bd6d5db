/**
 * Regression (issue #13): pdftotext (poppler) read the card sheets wrong where pdf.js and MuPDF read them right.
 * poppler only joins lines into one block within 1.5 font sizes (docs/text-extraction.md); Thai body text and the
 * side label in the margin column are set further apart (1.51 and 1.57 font sizes here, as on the A4 sheet), so
 * every line was a block of its own. It then printed the side label's lines between the cards' lines, and a
 * bullet's one-word last line (ล่าม), which lines up with nothing, after everything else on the page. The writer now
 * gives such lines' /ActualText a font size poppler joins (render/poppler-blocks.ts). A sheet of two rows of two
 * cards as the card sheet lays them out: every paragraph (each label paragraph, each bullet, the help line) must
 * come back whole and in order from all three readers (poppler may still print a whole label paragraph between two
 * cards' paragraphs), and the structure text must be each tagged paragraph's text; skipped when poppler-utils or
 * mupdf-tools is missing.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSpec, Frame, Positioned, StructNode } from '../../../src/layout/frame.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { BLACK, hasTool, setLines, tempPdf } from '../../unit/render/helpers.ts';
import { expectedParagraphs, misreadParagraphs, NONE_MISSING, normalise, structTexts } from '../../readers/read-back.ts';

const ready = hasTool('pdftotext') && hasTool('mutool') && hasTool('pdfinfo');
if (!ready) console.warn('poppler-card-sheet-blocks skipped: poppler-utils or mupdf-tools not installed');

const BULLETS = ['ก่อนการจับกุมใด ๆ โดยปกติคุณไม่จำเป็นต้องตอบคำถาม', 'คุณปฏิเสธได้ หากเจ้าหน้าที่ขอเข้าบ้านของคุณ', 'หากถูกจับกุม คุณอาจต้องแจ้งสัญชาติ ให้ขอคำปรึกษาทางกฎหมายและล่าม'];
const HELP = 'ต้องการความช่วยเหลือ? โทรหาองค์กรของเรา';
const BODY = 7.75;
/** Baseline to baseline inside a paragraph: Thai's line height on the card, 1.51 font sizes. */
const LINE_GAP = 11.71;

/** Lines of one paragraph stacked from `y`, every line tagged `tag` (undefined: an artifact copy). */
function paragraph(items: Positioned[], text: string, lang: string, size: number, width: number, x: number, y: number, gap: number, tag?: string): number {
  for (const line of setLines(text, lang, size, width)) {
    items.push({ x, y, item: { kind: 'line', line, color: BLACK, ...(tag !== undefined ? { tag } : {}) } });
    y += gap;
  }
  return y;
}

/** One card: bullets (marker and body lines) and a help line; only the first card is tagged. */
function card(tagged: boolean, nodes: StructNode[]): Frame {
  const items: Positioned[] = [];
  const tag = (id: string) => {
    if (!tagged) return undefined;
    nodes.push({ id, role: 'P', children: [] });
    return id;
  };
  let y = 12;
  BULLETS.forEach((text, i) => {
    paragraph(items, '•', 'th', BODY, 10, 0, y, LINE_GAP, tag(`lbl${i}`));
    y = paragraph(items, text, 'th', BODY, 213, 8.5, y, LINE_GAP, tag(`body${i}`)) + 1.35;
  });
  paragraph(items, HELP, 'th', BODY, 219, 0, y + 1, LINE_GAP, tag('help'));
  return { width: 240, height: 150, items };
}

function sheet(): DocumentSpec {
  const nodes: StructNode[] = [];
  const items: Positioned[] = [];
  // The side label in the start margin: short lines, 1.57 font sizes apart, beside the first row of cards.
  const labelTop = paragraph(items, 'FRONT — print this side first', 'en', 7, 34, 14, 30, 10.96, 'label1');
  paragraph(items, 'Cut along the lines', 'en', 7, 34, 14, labelTop + 5.4, 10.96, 'label2');
  nodes.push({ id: 'label1', role: 'P', children: [] }, { id: 'label2', role: 'P', children: [] });
  for (const [row, col] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const) {
    items.push({ x: 60.66 + col * 251.15, y: 28 + row * 161.5, item: { kind: 'group', frame: card(row === 0 && col === 0, nodes) } });
  }
  const page = { width: 595.28, height: 841.89, frame: { width: 595.28, height: 841.89, items } };
  return {
    lang: 'th',
    pages: [page],
    structure: { id: 'doc', role: 'Document', children: nodes },
    metadata: { title: 'Card sheet', subject: 'Regression', keywords: [], author: 'Test', version: '2026.1', date: '2026-03-01' },
    colorMode: 'rgb',
  };
}

describe('regression: poppler reads a card sheet paragraph by paragraph', () => {
  it.skipIf(!ready)('side label and one-word last lines come back in order in every reader', async () => {
    const doc = sheet();
    // The case needs what the sheet has: a bullet that wraps to one short word.
    const wrapped = setLines(BULLETS[2]!, 'th', BODY, 213);
    expect(wrapped.map((l) => l.text)).toHaveLength(2);
    expect(wrapped[1]!.text).toBe('ล่าม');
    const path = tempPdf(await renderPdf(doc));
    expect((await misreadParagraphs(path, doc)).missing).toEqual(NONE_MISSING);
    const expected = expectedParagraphs(doc)[0]!;
    const tagged = (await structTexts(path)).filter((e) => e.role.startsWith('P ')).map((e) => normalise(e.text));
    expect(tagged).toEqual([...expected.filter((b) => b.tag !== null)].map((b) => normalise(b.text)));
  });
});
