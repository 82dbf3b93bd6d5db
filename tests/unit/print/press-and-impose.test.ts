import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/layout/colors.ts';
import type { Box, Frame, GroupItem, PathItem } from '../../../src/layout/frame.ts';
import { mm } from '../../../src/layout/units.ts';
import { gridCells } from '../../../src/print/grid-cells.ts';
import { impose } from '../../../src/print/impose.ts';
import { mirrorForDuplex } from '../../../src/print/mirror-for-duplex.ts';
import { PAPER } from '../../../src/print/paper.ts';
import { pressPage } from '../../../src/print/press-page.ts';
import { CARD } from '../../../src/materials/specs.ts';

/** ID-1: 85.60 × 53.98 mm = 242.646 × 153.014 pt. */
const ID1 = { width: mm(85.6), height: mm(53.98) };
const marks = { offset: mm(4), length: mm(5), lineWidth: 0.25, color: COLORS.marks };
const segments = (d: string) =>
  [...d.matchAll(/M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)/gu)].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
const inside = (x: number, y: number, b: Box, eps = 1e-3) => x > b.x + eps && x < b.x + b.width - eps && y > b.y + eps && y < b.y + b.height - eps;

describe('pressPage', () => {
  const piece: Frame = { ...ID1, items: [] };
  const page = pressPage(piece, { bleed: mm(3), slug: mm(10), marks });

  it('ID-1 trim + 3 mm bleed, in points', () => {
    expect(ID1.width).toBeCloseTo(242.646, 3);
    expect(ID1.height).toBeCloseTo(153.014, 3);
    expect(page.trimBox).toEqual({ x: mm(10), y: mm(10), width: ID1.width, height: ID1.height });
    expect(page.bleedBox!.width).toBeCloseTo(mm(91.6), 6);
    expect(page.bleedBox!.height).toBeCloseTo(mm(59.98), 6);
    expect(page.bleedBox!.x).toBeCloseTo(mm(7), 6);
    expect(page.width).toBeCloseTo(mm(105.6), 6);
    expect(page.height).toBeCloseTo(mm(73.98), 6);
  });

  it('crop marks: 8 marks on the trim lines, all in the slug outside the bleed', () => {
    const path = page.frame.items.find((p) => p.item.kind === 'path')!.item as PathItem;
    expect(path.tag).toBeUndefined();
    const segs = segments(path.d);
    expect(segs).toHaveLength(8);
    const trim = page.trimBox!;
    const bleed = page.bleedBox!;
    const trimLinesX = [trim.x, trim.x + trim.width];
    const trimLinesY = [trim.y, trim.y + trim.height];
    for (const [x1, y1, x2, y2] of segs) {
      // Each mark lies on the extension of a trim edge.
      if (x1 === x2) expect(trimLinesX.some((x) => Math.abs(x - x1) < 0.001)).toBe(true);
      else expect(trimLinesY.some((y) => Math.abs(y - y1) < 0.001)).toBe(true);
      // …and never inside the bleed box, nor outside the page.
      for (const [x, y] of [
        [x1, y1],
        [x2, y2],
      ] as const) {
        expect(inside(x, y, bleed)).toBe(false);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(page.height);
      }
      expect(Math.hypot(x2 - x1, y2 - y1)).toBeCloseTo(mm(5), 2);
    }
  });

  it('places the piece unclipped at the trim origin so bleed backgrounds print', () => {
    const group = page.frame.items[0]!;
    expect(group.x).toBeCloseTo(mm(10), 6);
    expect((group.item as GroupItem).clip).toBeFalsy();
  });
});

describe('duplex mirroring (long-edge flip)', () => {
  // Every grid of the spec table (A4/Letter × 10/8/6), including Letter 10-up with shared horizontal cuts.
  const grids = (['A4', 'Letter'] as const).flatMap((paper) => ([10, 8, 6] as const).map((n) => [paper, n, CARD.sheets[paper][n]] as const));
  for (const [paper, n, spec] of grids) {
    it(`${paper} ${n}-up: the back of card (r,c) is the front mirrored across the vertical centre line`, () => {
      const sheet = { width: mm(PAPER[paper].width), height: mm(PAPER[paper].height) };
      const grid = { cols: spec.cols, rows: spec.rows, gutterX: mm(spec.gutterX), gutterY: mm(spec.gutterY) };
      const cells = gridCells(sheet, ID1, grid);
      expect(cells).toHaveLength(n);
      for (let r = 0; r < spec.rows; r += 1) {
        for (let c = 0; c < 2; c += 1) {
          const front = cells[r * 2 + c]!;
          const back = mirrorForDuplex(front, sheet.width);
          // Same row; centres symmetric about the sheet's vertical centre line.
          expect(back.y).toBe(front.y);
          expect(back.x + back.width / 2 + (front.x + front.width / 2)).toBeCloseTo(sheet.width, 6);
          // In a symmetric 2-column grid the mirror of column c is exactly the cell of column 1 − c.
          const other = cells[r * 2 + (1 - c)]!;
          expect(back.x).toBeCloseTo(other.x, 6);
        }
      }
    });
  }

  it('impose: backs at mirrored positions, clipped, marks never over a card', () => {
    const sheet = { width: mm(210), height: mm(297) };
    const grid = { cols: 2, rows: 5, gutterX: mm(3), gutterY: mm(3) };
    const front = (n: number): Frame => ({ ...ID1, items: [{ x: 0, y: 0, item: { kind: 'rect', width: n, height: 1 } }] });
    const fronts = Array.from({ length: 10 }, (_, i) => front(i + 1));
    const backs = Array.from({ length: 10 }, (_, i) => front(100 + i));
    const cells = gridCells(sheet, ID1, grid);
    const [p1, p2] = impose({ sheet, cells, fronts, backs, marks: { ...marks, offset: mm(1.5), length: mm(6) } });
    const groups = (page: typeof p1) => page.frame.items.filter((p) => p.item.kind === 'group');
    groups(p1).forEach((g, i) => {
      expect(g.x).toBeCloseTo(cells[i]!.x, 6);
      expect((g.item as GroupItem).clip).toBe(true);
    });
    groups(p2).forEach((g, i) => {
      const frontCell = cells[i]!;
      expect(g.x).toBeCloseTo(sheet.width - frontCell.x - frontCell.width, 6);
      expect(g.y).toBeCloseTo(frontCell.y, 6);
      // back i belongs to front i
      expect(((g.item as GroupItem).frame.items[0]!.item as { width: number }).width).toBe(100 + i);
    });
    for (const page of [p1, p2]) {
      const path = page.frame.items.find((p) => p.item.kind === 'path')!.item as PathItem;
      const segs = segments(path.d);
      // 3 vertical cut lines (left, middle pair, right: 4 x values) × top/bottom + 10 horizontal edges × left/right.
      expect(segs.length).toBe(4 * 2 + 10 * 2);
      for (const [x1, y1, x2, y2] of segs) {
        for (const cell of cells) {
          for (let t = 0; t <= 1; t += 0.25) expect(inside(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, cell)).toBe(false);
        }
        for (const v of [x1, x2]) expect(v).toBeGreaterThan(0);
        for (const v of [y1, y2]) expect(v).toBeGreaterThan(0);
      }
    }
  });
});
