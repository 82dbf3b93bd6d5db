import type { Box, Frame, Page, Positioned } from '../layout/frame.ts';
import type { MarkStyle } from './crop-marks.ts';
import type { Size } from './grid-cells.ts';
import { gridCutMarks } from './grid-cut-marks.ts';
import { mirrorForDuplex } from './mirror-for-duplex.ts';

/** What to impose on a duplex sheet pair. Everything in points. */
export interface ImposeInput {
  readonly sheet: Size;
  /**
   * The front cells: `gridCells(sheet, cell, grid)` of the piece's trim size. The caller has computed them already
   * (it places its labels by them), so they are handed over rather than computed again for every sheet pair.
   */
  readonly cells: readonly Box[];
  /** One frame per cell, row-major; fewer frames leave cells empty. */
  readonly fronts: readonly Frame[];
  /** backs[i] is the reverse of fronts[i]. */
  readonly backs: readonly Frame[];
  readonly marks: MarkStyle;
  /** Extra items drawn on each sheet (labels in the margin), already positioned in sheet coordinates. */
  readonly frontExtras?: readonly Positioned[];
  readonly backExtras?: readonly Positioned[];
}

/**
 * Two pages: fronts in a centred grid, then backs at the long-edge-duplex mirror positions, so that each
 * back prints exactly behind its front. Pieces are clipped to their trim (home printers have no bleed),
 * cut marks go in the margins on both pages (the back's marks line up with the front's).
 */
export function impose(input: ImposeInput): [Page, Page] {
  const cells = input.cells;
  const backCells = cells.map((c) => mirrorForDuplex(c, input.sheet.width));
  const place = (frames: readonly Frame[], boxes: typeof cells): Positioned[] =>
    frames.slice(0, boxes.length).map((frame, i) => {
      const box = boxes[i]!;
      return { x: box.x, y: box.y, item: { kind: 'group', frame, clip: true } };
    });
  const sheet = (items: Positioned[]): Page => ({
    width: input.sheet.width,
    height: input.sheet.height,
    frame: { width: input.sheet.width, height: input.sheet.height, items },
  });
  const front = sheet([...place(input.fronts, cells), gridCutMarks(input.sheet, cells, input.marks), ...(input.frontExtras ?? [])]);
  const back = sheet([...place(input.backs, backCells), gridCutMarks(input.sheet, backCells, input.marks), ...(input.backExtras ?? [])]);
  return [front, back];
}
