import type { LocalizedDoc } from '../i18n/types.ts';
import { COLORS } from '../layout/colors.ts';
import type { Page, Positioned, StructNode } from '../layout/frame.ts';
import { nodeIds } from '../layout/node-ids.ts';
import { setPieces } from '../layout/set-pieces.ts';
import { stackRows } from '../layout/stack-rows.ts';
import type { KeyedMissingGlyph, SetText } from '../layout/types.ts';
import { mm } from '../layout/units.ts';
import { gridCells } from '../print/grid-cells.ts';
import { impose } from '../print/impose.ts';
import { PAPER } from '../print/paper.ts';
import { CARD_SIZE, type CardSide } from './card-side.ts';
import { CARD, type CardsPerSheet } from './specs.ts';
import { uiPiece } from './texts.ts';

export interface SheetCard {
  readonly front: CardSide;
  readonly back: CardSide;
}

export interface CardSheets {
  readonly pages: readonly Page[];
  /** Reading order: per sheet pair, front label, front cards, back label, back cards. */
  readonly nodes: readonly StructNode[];
  readonly missing: readonly KeyedMissingGlyph[];
}

/** Papers a home card sheet is made for. */
export type SheetPaper = keyof typeof CARD.sheets;

/**
 * Home-printing card sheets: cards in the paper's grid, fronts on odd pages and backs on even pages at the
 * long-edge duplex mirror positions (print/impose), clipped to the trim, cut marks in the margins, and a
 * "FRONT … / BACK … / Cut along the lines" label in the start margin (right margin for RTL). More cards
 * than cells make more sheet pairs.
 */
export function cardSheets(
  cards: readonly SheetCard[],
  paper: SheetPaper,
  perSheet: CardsPerSheet,
  labelDoc: LocalizedDoc,
  setText: SetText,
  idPrefix: string,
): CardSheets {
  const grid = CARD.sheets[paper][perSheet];
  const sheet = { width: mm(PAPER[paper].width), height: mm(PAPER[paper].height) };
  const spec = { cols: grid.cols, rows: grid.rows, gutterX: mm(grid.gutterX), gutterY: mm(grid.gutterY) };
  const cells = gridCells(sheet, CARD_SIZE, spec);
  const marks = { offset: mm(CARD.sheetMarkOffset), length: mm(CARD.sheetMarkLength), lineWidth: CARD.sheetMarkWidthPt, color: COLORS.marks };
  const pages: Page[] = [];
  const nodes: StructNode[] = [];
  const missing: KeyedMissingGlyph[] = [];

  // Label column: the start margin, from the printable inset (home printers cannot print the paper's outer
  // few millimetres) to `labelInset` before the cards.
  const margin = cells[0]!.x;
  const inset = mm(CARD.labelInset);
  const edge = mm(CARD.sheetPrintableInset[paper]);
  const labelWidth = margin - edge - inset;
  const rtl = labelDoc.lang.dir === 'rtl';
  const label = (key: 'frontSheet' | 'backSheet', prefix: string): { items: Positioned[]; node?: StructNode } => {
    if (labelWidth < mm(8)) return { items: [] };
    const ids = nodeIds(prefix);
    const set = setPieces([uiPiece(labelDoc, key, 'Note', undefined, true), uiPiece(labelDoc, 'cutHere', 'Note')], {
      width: labelWidth,
      style: { size: CARD.labelPt, leading: 1.15, color: COLORS.text, align: 'start', paragraphSpace: 0.6, bulletIndent: 1 },
      docLang: labelDoc.lang.code,
      setText,
      ids,
    });
    missing.push(...set.missing);
    const x = rtl ? sheet.width - margin + inset : edge;
    const nodesOut: StructNode = { id: `${prefix}-sect`, role: 'Sect', children: set.nodes };
    return { items: stackRows(set.rows, x, cells[0]!.y), node: nodesOut };
  };

  for (let start = 0, pair = 1; start < cards.length; start += cells.length, pair += 1) {
    const chunk = cards.slice(start, start + cells.length);
    const frontLabel = label('frontSheet', `${idPrefix}-s${pair}-front-label`);
    const backLabel = label('backSheet', `${idPrefix}-s${pair}-back-label`);
    const [front, back] = impose({
      sheet,
      cells,
      fronts: chunk.map((c) => c.front.frame),
      backs: chunk.map((c) => c.back.frame),
      marks,
      frontExtras: frontLabel.items,
      backExtras: backLabel.items,
    });
    pages.push(front, back);
    const tagged = (n: StructNode) => n.id !== '';
    nodes.push(...chunk.map((c) => c.front.node).filter(tagged));
    if (frontLabel.node) nodes.push(frontLabel.node);
    nodes.push(...chunk.map((c) => c.back.node).filter(tagged));
    if (backLabel.node) nodes.push(backLabel.node);
  }
  return { pages, nodes, missing };
}
