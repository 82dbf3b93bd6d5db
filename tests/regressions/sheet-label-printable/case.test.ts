/**
 * Regression (seen on rendered A4 sheets): the "FRONT — print this side first / Cut along the lines" label in the
 * sheet's start margin began 1.5 mm from the paper edge, inside the 4.2–6.35 mm strip home printers cannot print,
 * so its first letters were lost (the last ones for RTL labels in the right margin). Labels now start at the
 * paper's printable inset and still keep clear of the cards and the cut marks.
 */
import { uiText } from '../../../src/i18n/doc.ts';
import { describe, expect, it } from 'vitest';
import { mm } from '../../../src/layout/units.ts';
import { buildCard } from '../../../src/materials/card.ts';
import { CARD } from '../../../src/materials/specs.ts';
import { fakeSetText, KEYS, makeDoc, textLines } from '../../unit/materials/helpers.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('regression: sheet labels are inside the printable area', () => {
  for (const code of ['en', 'ar'] as const) {
    for (const [paper, file] of [
      ['A4', 'card-sheet-a4.pdf'],
      ['Letter', 'card-sheet-letter.pdf'],
    ] as const) {
      it(`${code} ${paper}: label lines stay ≥ ${CARD.sheetPrintableInset[paper]} mm from the paper edges and off the cards`, () => {
        for (const setText of [fakeSetText, layoutParagraph]) {
          const doc = makeDoc(code);
          const out = buildCard(doc, { keys: KEYS }, setText).outputs.find((o) => o.file === file)!.doc;
          for (const page of out.pages) {
            const groups = page.frame.items.filter((p) => p.item.kind === 'group');
            const gridLeft = Math.min(...groups.map((g) => g.x));
            const gridRight = Math.max(...groups.map((g) => g.x + (g.item.kind === 'group' ? g.item.frame.width : 0)));
            // Label lines are the sheet's own text lines (not inside a card group).
            const labels = page.frame.items.filter((p) => p.item.kind === 'line');
            expect(labels.length).toBeGreaterThan(1);
            const inset = mm(CARD.sheetPrintableInset[paper]);
            for (const l of labels) {
              if (l.item.kind !== 'line') continue;
              expect(l.x, l.item.line.text).toBeGreaterThanOrEqual(inset - 1e-6);
              expect(l.x + l.item.line.width, l.item.line.text).toBeLessThanOrEqual(page.width - inset + 1e-6);
              // In the margin, not over a card.
              const inMargin = l.x + l.item.line.width <= gridLeft + 1e-6 || l.x >= gridRight - 1e-6;
              expect(inMargin, l.item.line.text).toBe(true);
            }
          }
        }
      });
    }
  }

  it('the label is still there in the labelled language', () => {
    const doc = makeDoc('ar');
    const out = buildCard(doc, { keys: KEYS }, layoutParagraph).outputs.find((o) => o.file === 'card-sheet-a4.pdf')!.doc;
    const text = textLines({ ...out.pages[0]!.frame, items: out.pages[0]!.frame.items.filter((p) => p.item.kind === 'line') })
      .map((l) => l.item.line.text)
      .join(' ');
    expect(text.length).toBeGreaterThan(uiText(doc, 'cutHere').length);
  });
});
