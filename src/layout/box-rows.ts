import type { Color } from './frame.ts';
import { rowsHeight, stackRows } from './stack-rows.ts';
import type { Row } from './types.ts';

export interface BoxStyle {
  /** Inner padding, points. */
  readonly pad: number;
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly lineWidth?: number;
  readonly radius?: number;
}

/**
 * Rows set at (width − 2 × pad) wrapped in a box as ONE unbreakable row of the given outer width: the box is
 * drawn first (untagged: decoration), the text inside keeps its tags.
 */
export function boxRows(rows: readonly Row[], width: number, style: BoxStyle, spaceBefore: number): Row {
  const height = rowsHeight(rows) + 2 * style.pad;
  return {
    height,
    spaceBefore,
    keepWithPrevious: false,
    items: [
      {
        x: 0,
        y: 0,
        item: {
          kind: 'rect',
          width,
          height,
          ...(style.fill ? { fill: style.fill } : {}),
          ...(style.stroke ? { stroke: style.stroke, lineWidth: style.lineWidth ?? 1 } : {}),
          ...(style.radius ? { radius: style.radius } : {}),
        },
      },
      ...stackRows(rows, style.pad, style.pad),
    ],
  };
}
