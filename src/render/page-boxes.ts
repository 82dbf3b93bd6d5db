import type { Box } from '../layout/frame.ts';
import { num } from './number.ts';

/**
 * A frame Box (top-left origin, y down) as a PDF rectangle [llx lly urx ury] (bottom-left origin, y up) on a page
 * `pageHeight` points tall. Numbers are rounded as in content streams so the boxes are stable across runs.
 */
export function pdfRect(box: Box, pageHeight: number): number[] {
  return [box.x, pageHeight - box.y - box.height, box.x + box.width, pageHeight - box.y].map((n) => Number(num(n)));
}
