import type { Box } from '../layout/frame.ts';

/** An N-up grid, in points. */
export interface GridSpec {
  readonly cols: number;
  readonly rows: number;
  /** Space between neighbouring columns and rows, cut away (0 = shared cut lines). */
  readonly gutterX: number;
  readonly gutterY: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Cell boxes of a grid centred on the sheet, in row-major order (row 0 at the top, column 0 at the left).
 * Centring keeps equal margins, which is what makes a long-edge duplex back land behind its front.
 */
export function gridCells(sheet: Size, cell: Size, grid: GridSpec): Box[] {
  const gridWidth = grid.cols * cell.width + (grid.cols - 1) * grid.gutterX;
  const gridHeight = grid.rows * cell.height + (grid.rows - 1) * grid.gutterY;
  if (gridWidth > sheet.width || gridHeight > sheet.height) {
    throw new Error(`grid ${grid.cols}×${grid.rows} does not fit the sheet`);
  }
  const left = (sheet.width - gridWidth) / 2;
  const top = (sheet.height - gridHeight) / 2;
  const cells: Box[] = [];
  for (let row = 0; row < grid.rows; row += 1) {
    for (let col = 0; col < grid.cols; col += 1) {
      cells.push({
        x: left + col * (cell.width + grid.gutterX),
        y: top + row * (cell.height + grid.gutterY),
        width: cell.width,
        height: cell.height,
      });
    }
  }
  return cells;
}
