import type { Color, Frame, Page } from '../layout/frame.ts';
import type { FaceLookup } from './glyphs.ts';
import { isSvgImage } from './images.ts';
import { DEFAULT_LINE_WIDTH } from './paths.ts';

/**
 * previewList: one laid-out Page → a display list a canvas can draw (src/web/draw-preview.ts), the third writer
 * over the same frames as the PDF and the trace. Plain data only (numbers, strings, byte arrays), so it crosses
 * postMessage by structured clone: the web page's worker posts it as soon as layout is done, and the page draws
 * the card before the PDF is written and without a PDF reader.
 *
 * It draws what the PDF writer draws, from the same numbers: each glyph at HarfBuzz's advance and offsets from
 * its run's start (glyphs.ts places runs in visual order, each at the pen left by the runs before it), its
 * outline from the same fontkit face pdfkit embeds; rects, paths, images and clipped groups as draw-frame.ts,
 * paths.ts and images.ts paint them. Colours are the home (RGB) file's. What only text extraction needs (marked
 * content, /ActualText, the size poppler records) draws nothing and is left out.
 */

/** A display list for one page. Lengths are points, origin top-left, y down, as in frames. */
export interface PreviewList {
  readonly width: number;
  readonly height: number;
  /**
   * Glyph outlines as SVG path data in font units (y up), each (face, glyph) once: a card sheet sets the same few
   * dozen glyphs on every card. Glyphs items refer to them by index.
   */
  readonly outlines: readonly string[];
  readonly items: readonly PreviewItem[];
}

/** A CSS colour, `rgb(r g b)`. */
export type PreviewColor = string;

/**
 * Glyphs of one run in one colour and size: `at` holds three numbers per glyph — the outline's index and the
 * glyph origin's x and y (baseline, points). An outline is drawn scaled by `scale` (points per font unit), y up.
 */
export interface PreviewGlyphs {
  readonly kind: 'glyphs';
  readonly fill: PreviewColor;
  readonly scale: number;
  readonly at: readonly number[];
}

/** Paint shared by rects and paths; neither fill nor stroke draws nothing (paths.ts). */
export interface PreviewPaint {
  readonly fill?: PreviewColor;
  readonly stroke?: PreviewColor;
  /** Stroke width, points (paths.ts's hairline when the item gives none). */
  readonly lineWidth: number;
}

export interface PreviewRect extends PreviewPaint {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Corner radius as pdfkit's roundedRect draws it (at most 0.45 of the shorter side); 0 for square corners. */
  readonly radius: number;
}

/** SVG path data relative to (x, y). */
export interface PreviewPath extends PreviewPaint {
  readonly kind: 'path';
  readonly x: number;
  readonly y: number;
  readonly d: string;
  readonly dash?: readonly number[];
}

/** An image stretched to its box (PNG, JPEG) or fitted into it, xMidYMid meet (SVG, as svg-logo.ts draws it). */
export interface PreviewImage {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly type: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  /** The file's bytes: the same array for every copy of a logo, so one message carries it once. */
  readonly data: Uint8Array;
}

/** A nested frame translated to (x, y), optionally clipped to its box. */
export interface PreviewGroup {
  readonly kind: 'group';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly clip: boolean;
  readonly items: readonly PreviewItem[];
}

export type PreviewItem = PreviewGlyphs | PreviewRect | PreviewPath | PreviewImage | PreviewGroup;

/** The fontkit fields read here (fontkit ships no types). */
interface FontkitOutlines {
  getGlyph(id: number): { readonly path: { toSVG(): string } };
}

/** pdfkit's roundedRect keeps a radius under this share of the shorter side. */
const MAX_RADIUS_SHARE = 0.45;

/** The display list of `page`; `faces` gives the fontkit face of each face id (the font registry's, as the PDF writer's). */
export function previewList(page: Page, faces: FaceLookup): PreviewList {
  const outlines: string[] = [];
  /** `faceId glyphId` → index in outlines; -1 for a glyph with no outline (a space). */
  const index = new Map<string, number>();
  const outline = (faceId: string, glyph: number): number => {
    const key = `${faceId} ${glyph}`;
    let i = index.get(key);
    if (i === undefined) {
      const d = (faces(faceId).fontkit as FontkitOutlines).getGlyph(glyph).path.toSVG();
      i = d === '' ? -1 : outlines.push(d) - 1;
      index.set(key, i);
    }
    return i;
  };

  /**
   * Image bytes as sent: a view into a larger buffer (a file of a stored .zip) is copied once, since structured
   * clone copies a view's whole buffer; every copy of a logo keeps sharing one array.
   */
  const own = new Map<Uint8Array, Uint8Array>();
  const bytes = (data: Uint8Array): Uint8Array => {
    let out = own.get(data);
    if (!out) own.set(data, (out = data.byteLength === data.buffer.byteLength ? data : data.slice()));
    return out;
  };

  const frameItems = (frame: Frame): PreviewItem[] => {
    const out: PreviewItem[] = [];
    for (const { x, y, item } of frame.items) {
      switch (item.kind) {
        case 'line': {
          // Runs in visual order, each starting where the previous one's advances end (glyphs.ts, drawGlyphs).
          let pen = x;
          for (const run of item.line.runs) {
            const k = run.size / run.face.unitsPerEm;
            const at: number[] = [];
            let sum = 0;
            for (const g of run.glyphs) {
              const i = outline(run.face.id, g.id);
              // Text rise (Ts) lifts a glyph by dy: up the page, so y decreases.
              if (i >= 0) at.push(i, pen + (sum + g.dx) * k, y - g.dy * k);
              sum += g.ax;
            }
            pen += sum * k;
            if (at.length) out.push({ kind: 'glyphs', fill: css(item.color), scale: k, at });
          }
          break;
        }
        case 'rect': {
          if (!item.fill && !item.stroke) break;
          const max = MAX_RADIUS_SHARE * Math.min(item.width, item.height);
          out.push({
            kind: 'rect',
            x,
            y,
            width: item.width,
            height: item.height,
            radius: item.radius && item.radius > 0 ? Math.min(item.radius, max) : 0,
            ...paint(item),
          });
          break;
        }
        case 'path':
          if (!item.fill && !item.stroke) break;
          out.push({ kind: 'path', x, y, d: item.d, ...paint(item), ...(item.dash?.some((d) => d > 0) ? { dash: [...item.dash] } : {}) });
          break;
        case 'image':
          out.push({ kind: 'image', x, y, width: item.width, height: item.height, type: imageType(item.src, item.data), data: bytes(item.data) });
          break;
        case 'group':
          out.push({
            kind: 'group',
            x,
            y,
            width: item.frame.width,
            height: item.frame.height,
            clip: item.clip === true,
            items: frameItems(item.frame),
          });
          break;
      }
    }
    return out;
  };

  const items = frameItems(page.frame);
  return { width: page.width, height: page.height, outlines, items };
}

function paint(p: { readonly fill?: Color; readonly stroke?: Color; readonly lineWidth?: number }): PreviewPaint {
  return {
    ...(p.fill ? { fill: css(p.fill) } : {}),
    ...(p.stroke ? { stroke: css(p.stroke) } : {}),
    lineWidth: p.lineWidth ?? DEFAULT_LINE_WIDTH,
  };
}

/** The colour of the home (RGB) file, clamped as color.ts writes it. */
function css(color: Color): PreviewColor {
  const [r, g, b] = color.rgb.map((v) => Math.min(255, Math.max(0, v)));
  return `rgb(${r} ${g} ${b})`;
}

/** As images.ts decides: `.svg` is drawn as a vector drawing; otherwise the bytes say PNG or JPEG. */
function imageType(src: string, data: Uint8Array): PreviewImage['type'] {
  if (isSvgImage(src)) return 'image/svg+xml';
  return data[0] === 0xff && data[1] === 0xd8 ? 'image/jpeg' : 'image/png';
}
