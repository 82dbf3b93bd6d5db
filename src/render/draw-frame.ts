import type { Frame, GroupItem, Positioned } from '../layout/frame.ts';
import { drawGlyphs, type GlyphFonts } from './glyphs.ts';
import { drawImage } from './images.ts';
import { drawPath, drawRect } from './paths.ts';
import type { PdfKitDocument } from './pdfkit-internals.ts';
import { popplerLineSizes } from './poppler-blocks.ts';
import type { TagRecorder } from './structure.ts';

/** What drawing a frame needs: the document, its fonts, its tag recorder and its colour mode. */
export interface DrawContext {
  readonly doc: PdfKitDocument;
  readonly fonts: GlyphFonts;
  readonly tags: TagRecorder;
  readonly cmyk: boolean;
}

/**
 * drawFrame: every item in list order (drawing order), each inside its own marked content — structure content of
 * its tagged node, or an Artifact. Coordinates are the frame's (top-left origin, y down); pdfkit's page starts
 * with the matching flip, and groups add their translation and clip with q/Q around their items.
 */
export function drawFrame(ctx: DrawContext, frame: Frame): void {
  let popplerSizes = popplerSizesByItems.get(frame.items);
  if (!popplerSizes) popplerSizesByItems.set(frame.items, (popplerSizes = popplerLineSizes(frame.items)));
  frame.items.forEach((positioned, i) => drawItem(ctx, positioned, popplerSizes.get(i)));
}

/**
 * popplerLineSizes of a frame's items, kept while the items live: the copies of a card on a sheet (and the card
 * of a home and a press file) are one Frame, and its sizes depend on nothing but its items.
 */
const popplerSizesByItems = new WeakMap<readonly Positioned[], ReadonlyMap<number, number>>();

function drawItem(ctx: DrawContext, { x, y, item }: Positioned, popplerSize: number | undefined): void {
  const { doc, tags, cmyk } = ctx;
  switch (item.kind) {
    case 'line': {
      // /ActualText on LTR lines only (structure.ts, docs/text-extraction.md).
      const actual = item.line.direction === 'ltr';
      drawGlyphs(
        doc,
        ctx.fonts,
        item.line,
        x,
        y,
        item.color,
        cmyk,
        (inner) => tags.mark(item.tag, inner, { ...(actual ? { actual: item.line.text } : {}), ...(item.lang ? { lang: item.lang } : {}) }),
        actual,
        popplerSize,
      );
      return;
    }
    case 'rect':
      tags.mark(item.tag, () => drawRect(doc, item, x, y, cmyk));
      return;
    case 'path':
      tags.mark(item.tag, () => drawPath(doc, item, x, y, cmyk));
      return;
    case 'image':
      tags.mark(item.tag, () => drawImage(doc, item, x, y, cmyk));
      return;
    case 'group':
      drawGroup(ctx, item, x, y);
      return;
  }
}

/** A nested frame at (x, y), optionally clipped. */
function drawGroup(ctx: DrawContext, group: GroupItem, x: number, y: number): void {
  const { doc } = ctx;
  const { width, height } = group.frame;
  doc.save();
  doc.translate(x, y);
  if (group.clip) {
    // The clip path paints nothing, but strict PDF/UA checkers want every path operator marked; the clip itself
    // (graphics state) outlives the artifact's EMC and applies to the group's items.
    ctx.tags.mark(undefined, () => {
      doc.rect(0, 0, width, height);
      doc.clip();
    });
  }
  drawFrame(ctx, group.frame);
  doc.restore();
}
