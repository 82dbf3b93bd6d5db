import type { Positioned } from './frame.ts';
import type { Row } from './types.ts';

/** Height of rows stacked from the top of an area (the first row's spaceBefore is dropped). */
export function rowsHeight(rows: readonly Row[]): number {
  return rows.reduce((sum, row, i) => sum + row.height + (i === 0 ? 0 : row.spaceBefore), 0);
}

/** Rows stacked top-down from (x, y): their items moved into area coordinates. */
export function stackRows(rows: readonly Row[], x: number, y: number): Positioned[] {
  const items: Positioned[] = [];
  let top = y;
  rows.forEach((row, i) => {
    if (i > 0) top += row.spaceBefore;
    for (const p of row.items) items.push({ ...p, x: p.x + x, y: p.y + top });
    top += row.height;
  });
  return items;
}
