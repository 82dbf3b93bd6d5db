/**
 * Regression (issue #13): pdftotext (poppler) read the front of the card sheets in Arabic, Persian, Dari, Pashto
 * and Sorani wrong where pdf.js and MuPDF read them right. poppler only joins lines into one block within 1.5 font
 * sizes (docs/text-extraction.md) and these lines are set 1.7 to 2 font sizes apart; an RTL line has no line
 * /ActualText to report a larger size with (poppler reverses it), so every line was a block of its own. pdftotext
 * then printed the side label's short lines between the cards' lines, and the Dari help paragraph's second line
 * (the hotline, an English run alone on its line) after the next card's title. The writer now gives each such
 * line's leftmost and rightmost glyph an /ActualText of its own text that reports a size poppler joins
 * (render/poppler-blocks.ts, glyph-text.ts reportSize). A sheet of two rows of two Dari cards with the side label
 * in the right margin, as the A4 card sheet lays them out (without the fix, poppler splits its help paragraph):
 * every paragraph must come back whole and in order from all three readers and the structure text must be each
 * tagged paragraph's text; skipped when poppler-utils or mupdf-tools is missing.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSpec, Frame, Positioned, StructNode } from '../../../src/layout/frame.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { BLACK, hasTool, setLines, tempPdf } from '../../unit/render/helpers.ts';
import { expectedParagraphs, misreadParagraphs, NONE_MISSING, normalise, structTexts } from '../../readers/read-back.ts';

const ready = hasTool('pdftotext') && hasTool('mutool') && hasTool('pdfinfo');
if (!ready) console.warn('poppler-rtl-card-sheet-blocks skipped: poppler-utils or mupdf-tools not installed');

const TITLE = 'حقوق تان را بدانید';
const BULLETS = [
  'پیش از آنکه گرفتار شوید، معمولاً مجبور نیستید به سوال‌ها جواب بدهید.',
  'هرگز دروغ نگویید و اسناد جعلی نشان ندهید.',
  'اگر گرفتار شدید، ممکن است مجبور باشید تابعیت تان را بگویید. مشورهٔ حقوقی و ترجمان بخواهید.',
];
const HELP = 'کمک ضرورت دارید؟ به PLACEHOLDER-set-your-organisation زنگ بزنید: PLACEHOLDER-set-your-hotline';
const BODY = 7;
/** Baseline to baseline inside a paragraph on the Dari card: 1.70 font sizes. */
const LINE_GAP = 11.92;
const CARD_WIDTH = 240;

/** Lines of one RTL paragraph, right-aligned at `right`, stacked from `y`; every line tagged `tag`. */
function paragraph(items: Positioned[], text: string, size: number, width: number, right: number, y: number, gap: number, tag?: string): number {
  for (const line of setLines(text, 'prs', size, width)) {
    items.push({ x: right - line.width, y, item: { kind: 'line', line, color: BLACK, ...(tag !== undefined ? { tag } : {}) } });
    y += gap;
  }
  return y;
}

/** One card: title, bullets (marker and body lines) and the help paragraph; only the first card is tagged. */
function card(tagged: boolean, nodes: StructNode[]): Frame {
  const items: Positioned[] = [];
  const tag = (id: string) => {
    if (!tagged) return undefined;
    nodes.push({ id, role: 'P', children: [] });
    return id;
  };
  let y = paragraph(items, TITLE, 8.75, CARD_WIDTH, CARD_WIDTH, 12, 14, tag('title')) + 5.8;
  BULLETS.forEach((text, i) => {
    paragraph(items, '•', BODY, 10, CARD_WIDTH, y, LINE_GAP, tag(`lbl${i}`));
    y = paragraph(items, text, BODY, 200, CARD_WIDTH - 5.2, y, LINE_GAP, tag(`body${i}`)) + 1.23;
  });
  // The help paragraph wraps before the hotline, which then stands alone on its line.
  paragraph(items, HELP, BODY, 210, CARD_WIDTH, y + 1.2, LINE_GAP, tag('help'));
  return { width: CARD_WIDTH, height: 150, items };
}

function sheet(): DocumentSpec {
  const nodes: StructNode[] = [];
  const items: Positioned[] = [];
  for (const [row, col] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const) {
    items.push({ x: 40 + col * 251.15, y: 28 + row * 161.5, item: { kind: 'group', frame: card(row === 0 && col === 0, nodes) } });
  }
  // The side label in the right margin: short lines, 1.96 font sizes apart, beside the first row of cards.
  const labelEnd = paragraph(items, 'روی ورق — اول این طرف را چاپ کنید', 7, 32, 581, 29.78, 13.71, 'label1');
  paragraph(items, 'در امتداد خط‌ها قطع کنید', 7, 32, 581, labelEnd + 4.2, 13.71, 'label2');
  nodes.push({ id: 'label1', role: 'P', children: [] }, { id: 'label2', role: 'P', children: [] });
  const page = { width: 595.28, height: 841.89, frame: { width: 595.28, height: 841.89, items } };
  return {
    lang: 'prs',
    pages: [page],
    structure: { id: 'doc', role: 'Document', children: nodes },
    metadata: { title: 'Card sheet', subject: 'Regression', keywords: [], author: 'Test', version: '2026.1', date: '2026-03-01' },
    colorMode: 'rgb',
  };
}

describe('regression: poppler reads an RTL card sheet paragraph by paragraph', () => {
  it.skipIf(!ready)('side label and the hotline line come back in order in every reader', async () => {
    const doc = sheet();
    // The case needs what the sheet has: a side label of short lines and a hotline alone on its line, each set
    // further apart than poppler joins.
    const label = setLines('روی ورق — اول این طرف را چاپ کنید', 'prs', 7, 32);
    expect(label.length).toBeGreaterThan(2);
    expect(setLines(HELP, 'prs', BODY, 210).map((l) => l.text.trim())).toEqual([HELP.slice(0, HELP.lastIndexOf(' ')), 'PLACEHOLDER-set-your-hotline']);
    expect(LINE_GAP).toBeGreaterThan(1.5 * BODY);
    const path = tempPdf(await renderPdf(doc));
    expect((await misreadParagraphs(path, doc)).missing).toEqual(NONE_MISSING);
    const expected = expectedParagraphs(doc)[0]!;
    const tagged = (await structTexts(path)).filter((e) => e.role.startsWith('P ')).map((e) => normalise(e.text));
    expect(tagged).toEqual([...expected.filter((b) => b.tag !== null)].map((b) => normalise(b.text)));
  });
});
