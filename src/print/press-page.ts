import type { Box, Frame, Page } from '../layout/frame.ts';
import { cropMarks, type MarkStyle } from './crop-marks.ts';

/** Press geometry in points. */
export interface PressGeometry {
  /** Bleed beyond the trim on every side (printers ask 3 mm). */
  readonly bleed: number;
  /** Media margin around the trim: room for bleed and crop marks (the slug). Must exceed marks.offset + marks.length. */
  readonly slug: number;
  readonly marks: MarkStyle;
}

/**
 * One press page: the piece's frame (trim size; backgrounds may extend into negative coordinates and past
 * its size up to the bleed) placed in the middle of a larger sheet, with TrimBox, BleedBox and crop marks.
 * The frame is not clipped: whatever the material drew into the bleed prints into the bleed.
 */
export function pressPage(piece: Frame, geometry: PressGeometry): Page {
  const { bleed, slug } = geometry;
  if (geometry.marks.offset < bleed) throw new Error('crop marks must start outside the bleed');
  if (geometry.marks.offset + geometry.marks.length > slug) throw new Error('crop marks must fit in the slug');
  const trimBox: Box = { x: slug, y: slug, width: piece.width, height: piece.height };
  const bleedBox: Box = { x: slug - bleed, y: slug - bleed, width: piece.width + 2 * bleed, height: piece.height + 2 * bleed };
  const width = piece.width + 2 * slug;
  const height = piece.height + 2 * slug;
  const frame: Frame = {
    width,
    height,
    items: [{ x: slug, y: slug, item: { kind: 'group', frame: piece } }, cropMarks(trimBox, geometry.marks)],
  };
  return { width, height, trimBox, bleedBox, frame };
}
