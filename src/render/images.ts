import { error, UserError } from '../diagnostics/diagnostic.ts';
import type { ImageItem } from '../layout/frame.ts';
import { CODES } from '../diagnostics/codes.ts';
import type { PdfKitDocument, PdfKitImage } from './pdfkit-internals.ts';
import { drawSvgLogo } from './svg-logo.ts';

/** The file name of a content-relative key (messages name it, never a machine path). */
const basename = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/** An image named `.svg` is drawn as a vector drawing; any other is read as PNG or JPEG. */
export const isSvgImage = (src: string): boolean => /\.svg$/i.test(src);

/** Images opened per document, by name: a logo drawn on ten cards is one XObject. */
const opened = new WeakMap<PdfKitDocument, Map<string, PdfKitImage>>();

/**
 * Images: PNG and JPEG through pdfkit's image XObjects (each opened once per document); SVG logos as vector
 * drawing (svg-logo.ts). Both come from the item's bytes. An SVG we cannot draw, or an unreadable image, is a
 * user error naming the file by its base name only (no machine paths in messages that may be shared).
 */
export function drawImage(doc: PdfKitDocument, item: ImageItem, x: number, y: number, cmyk: boolean): void {
  if (isSvgImage(item.src)) {
    drawSvgLogo(doc, item, x, y, cmyk);
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
        'Check the file exists and is a PNG or JPEG image, or give the logo as an SVG.',
      ]),
    ]);
  }
}
