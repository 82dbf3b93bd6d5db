/**
 * The parts of pdfkit 0.20.2 (pinned in package.json) that the renderer touches below its public API.
 * @types/pdfkit describes the drawing calls; it does not describe the embedded-font subset, the page resources or
 * the marked-content bookkeeping that glyph drawing and tagging need. Everything here was read from
 * node_modules/pdfkit/js/pdfkit.js; upgrading pdfkit means re-checking this file and tests/unit/render.
 */

import type { TrueTypeSubset } from './ttf-subset.ts';

/** A pdfkit indirect object. `data` is the dictionary; `end()` writes it to the output. */
export interface PdfRef {
  readonly id: number;
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/** fontkit's subset object as pdfkit's EmbeddedFont holds it (ttf-subset.ts reads its glyph list and font). */
export interface FontkitSubset extends TrueTypeSubset {
  /** Adds a glyph of the original font to the subset and returns its id in the subset (the CID written in TJ). */
  includeGlyph(glyphId: number): number;
  /** Set when the font has CFF outlines (pdfkit then writes a CIDFontType0). */
  readonly cff?: unknown;
}

/** The fontkit font fields pdfkit's `embed()` reads for the font descriptor (fontkit ships no types). */
export interface FontkitFontForEmbed {
  readonly postscriptName?: string;
  readonly 'OS/2'?: { readonly sFamilyClass?: number };
  readonly post: { readonly isFixedPitch?: number | boolean };
  readonly head: { readonly macStyle: { readonly italic?: boolean } };
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly italicAngle: number;
  readonly capHeight?: number;
  readonly ascent: number;
  readonly xHeight?: number;
  /** A stream positioned at the table's first byte (fontkit's DecodeStream; WOFF tables inflated), or null. */
  _getTableStream(tag: string): { pos: number; readInt32BE(): number; readUInt32BE(): number } | null;
}

/** pdfkit's EmbeddedFont (a Type0/CIDFontType2 or CIDFontType0 font, Identity-H, subset on `embed()`). */
export interface PdfEmbeddedFont {
  /** Resource name on the page, e.g. `F2`. */
  readonly id: string;
  readonly font: FontkitFontForEmbed;
  readonly subset: FontkitSubset;
  /** Ascent and descent in 1/1000 em, as pdfkit writes them into the font descriptor. */
  readonly ascender: number;
  readonly descender: number;
  /** 1000 / unitsPerEm: pdfkit's glyph space scale. */
  readonly scale: number;
  /** Glyph widths by subset id in 1/1000 em, written as the /W array. */
  readonly widths: (number | undefined)[];
  /** Code points by subset id, written as the ToUnicode CMap (first assignment wins). */
  readonly unicode: (number[] | undefined)[];
  /** The font dictionary reference (created on first call). */
  ref(): PdfRef;
  /** Writes the font's objects; pdfkit calls it once, at document end, for every font that was used. */
  embed(): void;
}

/** What pdfkit's markStructureContent returns: one marked-content sequence that a structure element can own. */
export type PdfStructureContent = object & { readonly refs: readonly { readonly mcid: number }[] };

/** pdfkit's PDFStructureElement. */
export interface PdfStructureElement {
  readonly dictionary: PdfRef;
  add(child: PdfStructureElement | PdfStructureContent): PdfStructureElement;
  end(): void;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly dictionary: PdfRef;
  /** The page's content stream. */
  readonly content: PdfRef;
  readonly fonts: Record<string, PdfRef>;
}

/** The pdfkit document with the internals we use. */
export interface PdfKitDocument {
  readonly page: PdfPage;
  _id: Uint8Array;
  _font: PdfEmbeddedFont;
  _root: PdfRef;
  /** A new indirect object (a stream once written to). */
  ref(data?: Record<string, unknown>): PdfRef;
  info: Record<string, unknown>;
  /** Replaced by metadata.ts: pdfkit's own XMP writer does not escape XML and has no dc:language. */
  _addInfo: () => void;
  appendXML(xml: string, newline?: boolean): void;
  addPage(options: { size: [number, number]; margin: number }): PdfKitDocument;
  addContent(data: string): PdfKitDocument;
  font(src: unknown, family?: string): PdfKitDocument;
  save(): PdfKitDocument;
  restore(): PdfKitDocument;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): PdfKitDocument;
  translate(x: number, y: number): PdfKitDocument;
  rect(x: number, y: number, w: number, h: number): PdfKitDocument;
  roundedRect(x: number, y: number, w: number, h: number, r: number): PdfKitDocument;
  path(d: string): PdfKitDocument;
  lineWidth(w: number): PdfKitDocument;
  dash(pattern: number[], options?: { phase?: number }): PdfKitDocument;
  clip(rule?: string): PdfKitDocument;
  image(src: string | Uint8Array | PdfKitImage, x: number, y: number, options: { width: number; height: number }): PdfKitDocument;
  /** Parses an image once (PNG or JPEG bytes); the result can be drawn many times as one XObject. */
  openImage(src: Uint8Array): PdfKitImage;
  markContent(tag: string, options?: Record<string, unknown> | null): PdfKitDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): PdfStructureContent;
  endMarkedContent(): PdfKitDocument;
  struct(type: string, options?: { lang?: string; alt?: string; title?: string }): PdfStructureElement;
  addStructure(element: PdfStructureElement): PdfKitDocument;
  on(event: 'data', listener: (chunk: Uint8Array) => void): PdfKitDocument;
  on(event: 'end' | 'error', listener: (arg?: unknown) => void): PdfKitDocument;
  end(): void;
  /** Writes a line (a string, with '\n' added) or bytes to the file; everything pdfkit writes goes through it. */
  _write: (data: string | Uint8Array) => void;
  /** Bytes written so far (the xref table's offsets). */
  _offset: number;
  /** The Readable side: `_write` pushes each piece, `_finalize` pushes null at the end of the file. */
  push: (chunk: Uint8Array | null) => boolean;
}

/** An image pdfkit has parsed (PNG or JPEG), labelled `I1`, `I2`… in opening order. */
export interface PdfKitImage {
  readonly width: number;
  readonly height: number;
  readonly label: string;
}
