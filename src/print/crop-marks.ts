import type { Box, Color, Positioned } from '../layout/frame.ts';
import { round3 } from '../layout/units.ts';

/** How crop marks are drawn, in points. */
export interface MarkStyle {
  /** Gap between the trim edge and the start of each mark; at least the bleed so marks never print on the piece. */
  readonly offset: number;
  readonly length: number;
  readonly lineWidth: number;
  readonly color: Color;
}

/**
 * The eight crop marks of one trim box, as one untagged path (an artifact: not read aloud).
 * Each corner gets a horizontal and a vertical mark on the extension of the trim edges, starting
 * `offset` outside the trim, so a guillotine operator can line up on them.
 */
export function cropMarks(trim: Box, style: MarkStyle): Positioned {
  const { x, y, width: w, height: h } = trim;
  const o = style.offset;
  const l = style.length;
  const segments: [number, number, number, number][] = [];
  for (const cx of [x, x + w]) {
    for (const cy of [y, y + h]) {
      const sx = cx === x ? -1 : 1;
      const sy = cy === y ? -1 : 1;
      // Horizontal mark on the line of the horizontal edge, outside the piece.
      segments.push([cx + sx * o, cy, cx + sx * (o + l), cy]);
      // Vertical mark on the line of the vertical edge.
      segments.push([cx, cy + sy * o, cx, cy + sy * (o + l)]);
    }
  }
  const d = segments.map(([x1, y1, x2, y2]) => `M${round3(x1)} ${round3(y1)}L${round3(x2)} ${round3(y2)}`).join('');
  return { x: 0, y: 0, item: { kind: 'path', d, stroke: style.color, lineWidth: style.lineWidth } };
}
