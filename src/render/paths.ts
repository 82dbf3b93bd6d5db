import type { Color, PathItem, RectItem } from '../layout/frame.ts';
import { fillColorOp, strokeColorOp } from './color.ts';
import { num } from './number.ts';
import type { PdfKitDocument } from './pdfkit-internals.ts';

/**
 * Vector shapes: rectangles (backgrounds, panels) and SVG paths (QR modules, crop and cut marks, icons).
 * Colours are written before the path is built (no colour operators are allowed inside a path object), then one
 * painting operator: fill `f`, stroke `S`, or both `B`.
 */

/** Paint settings shared by rects and paths. */
interface Paint {
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly lineWidth?: number;
  readonly dash?: readonly number[];
  /** PDF line cap (J) and join (j); PDF defaults (butt, miter) when absent. */
  readonly lineCap?: 0 | 1 | 2;
  readonly lineJoin?: 0 | 1 | 2;
}

/** Draw a RectItem with its top-left corner at (x, y). */
export function drawRect(doc: PdfKitDocument, item: RectItem, x: number, y: number, cmyk: boolean): void {
  paint(doc, item, cmyk, () => {
    if (item.radius && item.radius > 0) doc.roundedRect(x, y, item.width, item.height, item.radius);
    else doc.rect(x, y, item.width, item.height);
  });
}

/** Draw a PathItem; its SVG path data is relative to (x, y). */
export function drawPath(doc: PdfKitDocument, item: PathItem, x: number, y: number, cmyk: boolean): void {
  paint(doc, item, cmyk, () => {
    doc.translate(x, y);
    doc.path(item.d);
  });
}

/**
 * Set colours and line style, build the path with `build` (which may also set a translation, hence the q/Q),
 * paint it. Nothing is drawn when there is neither fill nor stroke.
 */
export function paint(doc: PdfKitDocument, p: Paint, cmyk: boolean, build: () => void): void {
  if (!p.fill && !p.stroke) return;
  doc.save();
  if (p.fill) doc.addContent(fillColorOp(p.fill, cmyk));
  if (p.stroke) {
    doc.addContent(strokeColorOp(p.stroke, cmyk));
    doc.lineWidth(p.lineWidth ?? DEFAULT_LINE_WIDTH);
    if (p.lineCap !== undefined) doc.addContent(`${p.lineCap} J`);
    if (p.lineJoin !== undefined) doc.addContent(`${p.lineJoin} j`);
    // Written directly: pdfkit's dash() rejects 0-length dashes, which round-capped dotted lines use.
    if (p.dash?.some((d) => d > 0)) doc.addContent(`[${p.dash.map(num).join(' ')}] 0 d`);
  }
  build();
  doc.addContent(p.fill && p.stroke ? 'B' : p.fill ? 'f' : 'S');
  doc.restore();
}

/** Stroke width when a stroked item gives none: 0.25 pt, the usual hairline for crop and cut marks. */
const DEFAULT_LINE_WIDTH = 0.25;
