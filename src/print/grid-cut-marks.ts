import type { Box, Positioned } from '../layout/frame.ts';
import { round3 } from '../layout/units.ts';
import type { MarkStyle } from './crop-marks.ts';
import type { Size } from './grid-cells.ts';

/**
 * Cut marks for an N-up sheet: one mark in the sheet margin on the extension of every card edge, never
 * over a card. Marks start `style.offset` outside the grid and run `style.length` towards the paper edge,
 * shortened to the margin when the margin is narrow (Letter). One untagged path (artifact).
 */
export function gridCutMarks(sheet: Size, cells: readonly Box[], style: MarkStyle): Positioned {
  const xs = [...new Set(cells.flatMap((c) => [round3(c.x), round3(c.x + c.width)]))].sort((a, b) => a - b);
  const ys = [...new Set(cells.flatMap((c) => [round3(c.y), round3(c.y + c.height)]))].sort((a, b) => a - b);
  const left = xs[0] ?? 0;
  const right = xs[xs.length - 1] ?? 0;
  const top = ys[0] ?? 0;
  const bottom = ys[ys.length - 1] ?? 0;
  const parts: string[] = [];
  const mark = (x1: number, y1: number, x2: number, y2: number) => parts.push(`M${round3(x1)} ${round3(y1)}L${round3(x2)} ${round3(y2)}`);
  // Leave at least this much paper beyond a mark's end (half the offset) so marks do not touch the sheet edge.
  const reach = (margin: number) => Math.max(0, Math.min(style.length, margin - style.offset * 1.5));
  const topLen = reach(top);
  const bottomLen = reach(sheet.height - bottom);
  const leftLen = reach(left);
  const rightLen = reach(sheet.width - right);
  for (const x of xs) {
    if (topLen > 0) mark(x, top - style.offset, x, top - style.offset - topLen);
    if (bottomLen > 0) mark(x, bottom + style.offset, x, bottom + style.offset + bottomLen);
  }
  for (const y of ys) {
    if (leftLen > 0) mark(left - style.offset, y, left - style.offset - leftLen, y);
    if (rightLen > 0) mark(right + style.offset, y, right + style.offset + rightLen, y);
  }
  return { x: 0, y: 0, item: { kind: 'path', d: parts.join(''), stroke: style.color, lineWidth: style.lineWidth } };
}
