import { error, UserError } from '../diagnostics/diagnostic.ts';
import type { ImageItem } from '../layout/frame.ts';
import { CODES } from '../diagnostics/codes.ts';
import { paint } from './paths.ts';
import type { PdfKitDocument, PdfKitImage } from './pdfkit-internals.ts';
import { parseSimpleSvg } from '../layout/svg.ts';

/** The file name of a content-relative key (messages name it, never a machine path). */
const basename = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/** Images opened per document, by name: a logo drawn on ten cards is one XObject. */
const opened = new WeakMap<PdfKitDocument, Map<string, PdfKitImage>>();

/**
 * Images: PNG and JPEG through pdfkit's image XObjects (each opened once per document); simple SVG logos
 * converted to vector paths. Both come from the item's bytes. An SVG we cannot convert, or an unreadable image, is
 * a user error naming the file by its base name only (no machine paths in messages that may be shared).
 */
export function drawImage(doc: PdfKitDocument, item: ImageItem, x: number, y: number, cmyk: boolean): void {
  if (/\.svg$/i.test(item.src)) {
    drawSvg(doc, item, x, y, cmyk);
    return;
  }
  try {
    let images = opened.get(doc);
    if (!images) opened.set(doc, (images = new Map()));
    let image = images.get(item.src);
    if (!image) images.set(item.src, (image = doc.openImage(item.data)));
    doc.image(image, x, y, { width: item.width, height: item.height });
  } catch (e) {
    throw new UserError([
      error(CODES.render.unreadableImage, `image ${basename(item.src)} cannot be read as PNG or JPEG (${(e as Error).message})`, undefined, [
        'Check the file exists and is a PNG or JPEG image, or give the logo as a simple SVG.',
      ]),
    ]);
  }
}

/** Draw an SVG's shapes scaled into the item box (preserveAspectRatio xMidYMid meet, as SVG does by default). */
function drawSvg(doc: PdfKitDocument, item: ImageItem, x: number, y: number, cmyk: boolean): void {
  const text = new TextDecoder('utf-8').decode(item.data);
  const svg = parsedSvg(text);
  if (!svg.ok) {
    throw new UserError([
      error(CODES.render.unsupportedSvg, `SVG image ${basename(item.src)} cannot be drawn as vector paths: ${svg.reason}`, undefined, [
        'Simplify the logo to plain <path>, <rect>, <circle> or <polygon> shapes with #rrggbb fills (e.g. "Object to path" and "Plain SVG" in Inkscape),',
        'or export it as a PNG at 600 dpi.',
      ]),
    ]);
  }
  const [vx, vy, vw, vh] = svg.viewBox;
  const s = Math.min(item.width / vw, item.height / vh);
  doc.save();
  doc.translate(x + (item.width - vw * s) / 2, y + (item.height - vh * s) / 2);
  doc.transform(s, 0, 0, s, 0, 0);
  doc.translate(-vx, -vy);
  for (const shape of svg.shapes) {
    // SVG's default stroke width is 1 user unit (the transform above scales it with the logo).
    paint(doc, { ...shape, lineWidth: shape.strokeWidth ?? 1 }, cmyk, () => doc.path(shape.d));
  }
  doc.restore();
}

/**
 * Parsed SVGs by their text: a card sheet draws the same logo on 20 card sides, and parsing it each time was
 * wasted work. Keyed by the text read just now, so an edited file is parsed afresh; bounded for long processes.
 */
const svgs = new Map<string, ReturnType<typeof parseSimpleSvg>>();
const MAX_SVGS = 16;

function parsedSvg(text: string): ReturnType<typeof parseSimpleSvg> {
  let svg = svgs.get(text);
  if (!svg) {
    if (svgs.size >= MAX_SVGS) svgs.clear();
    svg = parseSimpleSvg(text);
    svgs.set(text, svg);
  }
  return svg;
}
