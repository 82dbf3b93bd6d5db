import type { Color } from '../content/color.ts';
import type { Line } from '../text/types.ts';

/**
 * Neutral page description produced by layout and consumed by every renderer (PDF, trace).
 * Units are PostScript points; origin is the top-left of the page's media box, y grows downwards.
 */

/** A colour given for both outputs (defined with the logo reader in content/, which reads colours too). */
export type { Color };

/** Role of a tagged element in the PDF structure tree (PDF/UA standard structure types). */
export type StructRole = 'Document' | 'Sect' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Figure' | 'Span' | 'Note';

/** A node of the logical structure tree; reading order is the order of `children`. */
export interface StructNode {
  readonly id: string;
  readonly role: StructRole;
  /** BCP 47; set where it differs from the parent (officer side of a card, poster strip, Latin inside Arabic). */
  readonly lang?: string;
  /** Alternative text (Figures, e.g. "QR code: https://…"). */
  readonly alt?: string;
  readonly children: readonly StructNode[];
}

/** A set line of text at (x, y) of its baseline-start: x is the left edge of the line box, y the baseline. */
export interface TextLineItem {
  readonly kind: 'line';
  readonly line: Line;
  readonly color: Color;
  /** Structure node this line belongs to; undefined = artifact (decorative, not read aloud). */
  readonly tag?: string;
  /** Language of the line for /Lang on its marked content, when it differs from the document's. */
  readonly lang?: string;
}

export interface RectItem {
  readonly kind: 'rect';
  readonly width: number;
  readonly height: number;
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly lineWidth?: number;
  readonly radius?: number;
  readonly tag?: string;
}

/** A vector path in SVG path syntax, relative to (x, y). Used for QR modules, crop marks, icons. */
export interface PathItem {
  readonly kind: 'path';
  readonly d: string;
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly lineWidth?: number;
  /** Dash pattern in points, e.g. [2, 2] for a dotted cut line. */
  readonly dash?: readonly number[];
  readonly tag?: string;
}

export interface ImageItem {
  readonly kind: 'image';
  /** Content-relative name of the image (`.svg` is drawn as vector paths), for messages and the PDF's image cache. */
  readonly src: string;
  /** The image file's bytes (PNG, JPEG or SVG text): the writer reads no files. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly tag?: string;
}

/** A nested frame (e.g. one card placed on a sheet), optionally clipped. */
export interface GroupItem {
  readonly kind: 'group';
  readonly frame: Frame;
  readonly clip?: boolean;
}

export type FrameItem = TextLineItem | RectItem | PathItem | ImageItem | GroupItem;

export interface Positioned {
  readonly x: number;
  readonly y: number;
  readonly item: FrameItem;
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Drawing order = list order. Tagged items must also appear in reading order of the structure tree. */
  readonly items: readonly Positioned[];
}

/** A box in page coordinates (points, top-left origin). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One page of output. MediaBox is (0,0,width,height); TrimBox/BleedBox are set when given. */
export interface Page {
  readonly width: number;
  readonly height: number;
  readonly trimBox?: Box;
  readonly bleedBox?: Box;
  readonly frame: Frame;
}

/** Everything the PDF writer needs for one file. */
export interface DocumentSpec {
  /** BCP 47 document language (/Lang). */
  readonly lang: string;
  readonly pages: readonly Page[];
  /** Root of the structure tree (role Document). Items reference its nodes by id. */
  readonly structure: StructNode;
  readonly metadata: DocumentMetadata;
  /** 'rgb' for home printing; 'cmyk' for press files. */
  readonly colorMode: 'rgb' | 'cmyk';
}

export interface DocumentMetadata {
  /** Localised title. */
  readonly title: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** Organisation name. */
  readonly author: string;
  /** Content version, e.g. `2026.1`. */
  readonly version: string;
  /** Edition date, ISO `YYYY-MM-DD`; the PDF creation and modification dates derive from it (or SOURCE_DATE_EPOCH). */
  readonly date: string;
  /** Extra lines for the XMP/info dictionary, e.g. translation status. */
  readonly extra?: Readonly<Record<string, string>>;
}
