import type { PreviewItem, PreviewList } from '../engine/index.ts';

/**
 * Draws a page's display list (render/preview-list.ts, posted by the worker as soon as layout is done) on the
 * preview canvas: glyph outlines and SVG paths through Path2D, rects, clipped groups, and logos — PNG and JPEG
 * through createImageBitmap, SVG through an <img> (a worker cannot decode SVG; an SVG in an image loads nothing
 * and runs no script), each into its box as the PDF writer draws it (images.ts, svg-logo.ts).
 */

/** The preview's longest side in CSS pixels at most, and its scale at most (pixels per point). */
const MAX_SIDE = 900;
const MAX_SCALE = 2;

type Decoded = ImageBitmap | HTMLImageElement;

/**
 * Decode the list's images, then (unless `current()` has turned false meanwhile: a newer preview was asked for)
 * size the canvas and draw. True when drawn.
 */
export async function drawPreview(canvas: HTMLCanvasElement, list: PreviewList, current: () => boolean = () => true): Promise<boolean> {
  const images = await decodeImages(list.items);
  if (!current()) return false;
  const scale = Math.min(MAX_SIDE / list.width, MAX_SIDE / list.height, MAX_SCALE);
  canvas.width = Math.round(list.width * scale);
  canvas.height = Math.round(list.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // Paper is white (a PDF reader draws the page on white).
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(canvas.width / list.width, 0, 0, canvas.height / list.height, 0, 0);
  drawItems(ctx, list, list.items, images, new Map());
  return true;
}

function drawItems(
  ctx: CanvasRenderingContext2D,
  list: PreviewList,
  items: readonly PreviewItem[],
  images: Map<Uint8Array, Decoded>,
  outlines: Map<number, Path2D>,
): void {
  for (const item of items) {
    switch (item.kind) {
      case 'glyphs': {
        const base = ctx.getTransform();
        ctx.fillStyle = item.fill;
        const k = item.scale;
        for (let i = 0; i < item.at.length; i += 3) {
          const n = item.at[i]!;
          let path = outlines.get(n);
          if (!path) outlines.set(n, (path = new Path2D(list.outlines[n])));
          const x = item.at[i + 1]!;
          const y = item.at[i + 2]!;
          // Font units, y up → points at the glyph origin, y down.
          ctx.setTransform(base.a * k, base.b * k, -base.c * k, -base.d * k, base.a * x + base.c * y + base.e, base.b * x + base.d * y + base.f);
          ctx.fill(path);
        }
        ctx.setTransform(base);
        break;
      }
      case 'rect': {
        const path = new Path2D();
        if (item.radius > 0) path.roundRect(item.x, item.y, item.width, item.height, item.radius);
        else path.rect(item.x, item.y, item.width, item.height);
        paint(ctx, item, path);
        break;
      }
      case 'path':
        ctx.save();
        ctx.translate(item.x, item.y);
        if (item.dash) ctx.setLineDash(item.dash as number[]);
        paint(ctx, item, new Path2D(item.d));
        ctx.restore();
        break;
      case 'image': {
        const image = images.get(item.data);
        if (!image) break;
        // Stretched to the box: layout gives a logo's box the logo's own aspect ratio (read-logo.ts, fitLogo), so
        // an SVG drawn into it is the PDF's xMidYMid meet fit.
        ctx.drawImage(image, item.x, item.y, item.width, item.height);
        break;
      }
      case 'group':
        ctx.save();
        ctx.translate(item.x, item.y);
        if (item.clip) {
          ctx.beginPath();
          ctx.rect(0, 0, item.width, item.height);
          ctx.clip();
        }
        drawItems(ctx, list, item.items, images, outlines);
        ctx.restore();
        break;
    }
  }
}

/** Fill, then stroke (the PDF's `B`), nonzero winding as the PDF's `f`; the PDF's default butt caps and miter joins. */
function paint(ctx: CanvasRenderingContext2D, p: { readonly fill?: string; readonly stroke?: string; readonly lineWidth: number }, path: Path2D): void {
  if (p.fill) {
    ctx.fillStyle = p.fill;
    ctx.fill(path);
  }
  if (p.stroke) {
    ctx.strokeStyle = p.stroke;
    ctx.lineWidth = p.lineWidth;
    ctx.stroke(path);
  }
}

/** Each distinct image of the list decoded once (a sheet draws one logo on every card). */
async function decodeImages(items: readonly PreviewItem[]): Promise<Map<Uint8Array, Decoded>> {
  const found = new Map<Uint8Array, string>();
  const walk = (list: readonly PreviewItem[]) => {
    for (const item of list) {
      if (item.kind === 'image') found.set(item.data, item.type);
      else if (item.kind === 'group') walk(item.items);
    }
  };
  walk(items);
  const decoded = new Map<Uint8Array, Decoded>();
  await Promise.all(
    [...found].map(async ([data, type]) => {
      const blob = new Blob([data as BlobPart], { type });
      // An image the browser cannot decode is left out of the preview; the PDF writer reports it (RP codes of images.ts).
      const image = await (type === 'image/svg+xml' ? svgImage(blob) : createImageBitmap(blob)).catch(() => undefined);
      if (image) decoded.set(data, image);
    }),
  );
  return decoded;
}

async function svgImage(blob: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}
