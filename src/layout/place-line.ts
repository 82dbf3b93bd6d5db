import type { Line } from '../text/types.ts';
import type { Color, Positioned } from './frame.ts';

/** Height of a line box: the line's own ascent + descent (from the faces on it) times the leading. */
export function lineBoxHeight(line: Line, leading: number): number {
  return (line.ascent + line.descent) * leading;
}

/** Baseline offset from the top of the line box: half the extra leading above, then the ascent. */
export function baselineOffset(line: Line, leading: number): number {
  return ((line.ascent + line.descent) * (leading - 1)) / 2 + line.ascent;
}

/**
 * x of a line in a measure [left, left + width]: `start` alignment follows the line's base direction
 * (right edge for RTL), so mirroring is decided by the paragraph's language, not by the material.
 */
export function alignX(line: Line, left: number, width: number, align: 'start' | 'center'): number {
  if (align === 'center') return left + (width - line.width) / 2;
  return line.direction === 'rtl' ? left + width - line.width : left;
}

/** A positioned text line item. `tag` = structure node; `lang` only when it differs from the document's. */
export function lineItem(line: Line, x: number, baseline: number, color: Color, tag?: string, lang?: string): Positioned {
  return {
    x,
    y: baseline,
    item: { kind: 'line', line, color, ...(tag === undefined ? {} : { tag }), ...(lang === undefined ? {} : { lang }) },
  };
}
