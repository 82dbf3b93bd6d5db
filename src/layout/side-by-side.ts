import type { Positioned } from './frame.ts';
import { rowsHeight, stackRows } from './stack-rows.ts';
import type { Row } from './types.ts';

/**
 * A fixed-size object (QR code) beside text rows, as one unbreakable row of `width`. The object goes on the
 * start side (left in LTR, right in RTL: the layout mirrors, not just the text) and the text block is
 * centred on it vertically.
 */
export function sideBySide(
  object: { readonly item: Positioned['item']; readonly size: number },
  rows: readonly Row[],
  width: number,
  gap: number,
  rtl: boolean,
  spaceBefore: number,
): Row {
  const textHeight = rowsHeight(rows);
  const height = Math.max(object.size, textHeight);
  const objectX = rtl ? width - object.size : 0;
  const textX = rtl ? 0 : object.size + gap;
  return {
    height,
    spaceBefore,
    keepWithPrevious: false,
    items: [{ x: objectX, y: (height - object.size) / 2, item: object.item }, ...stackRows(rows, textX, (height - textHeight) / 2)],
  };
}
