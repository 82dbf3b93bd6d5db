import type { Box } from '../layout/frame.ts';

/**
 * Where the back of `front` must be drawn on the reverse page for long-edge duplex printing of a portrait
 * sheet. Flipping on the long (vertical) edge maps a point (x, y) of the front to (sheetWidth − x, y) of
 * the back, so a box keeps its row and moves to the mirrored column: x' = sheetWidth − x − width.
 * Its content is drawn upright (long-edge flip does not turn the page over top-to-bottom).
 */
export function mirrorForDuplex(front: Box, sheetWidth: number): Box {
  return { x: sheetWidth - front.x - front.width, y: front.y, width: front.width, height: front.height };
}
