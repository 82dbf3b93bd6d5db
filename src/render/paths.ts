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
    const ops = pathOperators(doc, item.d);
    if (ops) doc.addContent(ops);
  });
}

/**
 * The operators pdfkit's `path(d)` writes for `d`, joined by newlines as the content stream has them (an empty
 * string for a path of no segments). Parsing SVG path data was an eighth of renderPdf's time, most of it for the
 * same few paths: a QR code on every card of a sheet and in every language. pdfkit's path() depends on nothing
 * but `d` (its path methods only write operators), so the result is kept; it runs once on a stand-in that
 * records instead of writing.
 */
export function pathOperators(doc: PdfKitDocument, d: string): string {
  let ops = pathMemo.get(d);
  if (ops === undefined) {
    const written: string[] = [];
    const recorder = Object.create(doc) as PdfKitDocument;
    recorder.addContent = (data: string) => {
      written.push(data);
      return recorder;
    };
    recorder.path(d);
    ops = written.join('\n');
    if (pathMemo.size >= PATH_MEMO_SIZE) pathMemo.clear();
    pathMemo.set(d, ops);
  }
  return ops;
}

/** Path data → pdfkit's operators for it (pathOperators). */
const pathMemo = new Map<string, string>();
/** Distinct paths kept before the memo starts over: a document has a few (QR code, icons, marks). */
const PATH_MEMO_SIZE = 256;

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
export const DEFAULT_LINE_WIDTH = 0.25;
