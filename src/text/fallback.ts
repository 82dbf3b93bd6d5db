import type { OpenedFace } from '../fonts/registry.ts';
import { shape } from './shape.ts';
import type { Direction, Glyph, MissingGlyph } from './types.ts';

/**
 * Fallback per cluster, after shaping (docs/architecture.md, decision 4): shape the whole stretch with the first face;
 * clusters that contain a `.notdef` glyph (id 0) are re-shaped, stretch by stretch, with the next face, and so on.
 * Everything the first face can draw — spaces and punctuation included — stays in the first face, so it keeps the
 * surrounding script's spacing and joins. What no face draws becomes a MissingGlyph and is left out of the
 * output: a run never contains glyph 0.
 */

/** A stretch of text shaped in one face. Clusters are UTF-16 offsets into the piece's own text. */
export interface ShapedPiece {
  /** Paragraph offsets (end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly face: OpenedFace;
  readonly glyphs: readonly Glyph[];
  /** HarfBuzz glyph flags, parallel to `glyphs`. */
  readonly flags: Uint8Array;
}

export interface FallbackResult {
  /** In logical order; together they cover [start, end) except missing characters. */
  readonly pieces: readonly ShapedPiece[];
  readonly missing: readonly MissingGlyph[];
}

/** Shaping parameters shared by every face tried. */
export interface ShapeParams {
  readonly script: string;
  readonly lang: string;
  readonly direction: Direction;
  readonly features?: string;
}

/** Shape `text.slice(start, end)` through `faces` in order. */
export function shapeWithFallback(text: string, start: number, end: number, params: ShapeParams, faces: readonly OpenedFace[]): FallbackResult {
  const pieces: ShapedPiece[] = [];
  const missing: MissingGlyph[] = [];
  fill(text, start, end, params, faces, 0, pieces, missing);
  return { pieces, missing };
}

function fill(
  text: string,
  start: number,
  end: number,
  params: ShapeParams,
  faces: readonly OpenedFace[],
  from: number,
  pieces: ShapedPiece[],
  missing: MissingGlyph[],
): void {
  const slice = text.slice(start, end);
  // Skip faces that cannot draw a single character here: shaping them would only produce .notdef.
  let at = from;
  while (at < faces.length && !anyCovered(slice, faces[at]!)) at++;
  const face = faces[at];
  if (!face) {
    reportMissing(slice, start, params.lang, faces, missing);
    return;
  }
  const shaped = shape(face, slice, params.script, params.lang, params.direction, params.features);
  // Usually the face draws everything: then no cluster is bad, and listing the clusters (an object each) is not needed.
  if (!hasNotdef(shaped.glyphs)) {
    pieces.push({ start, end, face, glyphs: shaped.glyphs, flags: shaped.flags });
    return;
  }
  const ranges = clusterRanges(shaped.glyphs, slice.length);
  // Merge consecutive clusters of the same kind into stretches, in logical order.
  let i = 0;
  while (i < ranges.length) {
    const bad = ranges[i]!.bad;
    const s = ranges[i]!.start;
    while (i < ranges.length && ranges[i]!.bad === bad) i++;
    const e = i < ranges.length ? ranges[i]!.start : slice.length;
    if (bad) fill(text, start + s, start + e, params, faces, at + 1, pieces, missing);
    else pieces.push(subPiece(shaped.glyphs, shaped.flags, s, e, start, face));
  }
}

/** True when any glyph is .notdef (id 0): exactly when clusterRanges would mark a cluster bad. */
function hasNotdef(glyphs: readonly Glyph[]): boolean {
  for (let i = 0; i < glyphs.length; i++) if (glyphs[i]!.id === 0) return true;
  return false;
}

/** A cluster's logical extent in the shaped string and whether any of its glyphs is .notdef. */
interface ClusterRange {
  readonly start: number;
  readonly bad: boolean;
}

/**
 * Clusters in logical order (HarfBuzz clusters are monotone: ascending for LTR, descending for RTL), each with
 * whether any of its glyphs is .notdef. Counted over the offsets of the string rather than sorted: this runs
 * for every stretch shaped.
 */
export function clusterRanges(glyphs: readonly Glyph[], length: number): ClusterRange[] {
  if (glyphs.length === 0) return [];
  // 1 = a cluster starts here, 2 = and one of its glyphs is .notdef.
  const mark = new Uint8Array(length);
  let first = Infinity;
  let firstBad = false;
  for (const g of glyphs) {
    if (g.cluster < first) {
      first = g.cluster;
      firstBad = false;
    }
    if (g.cluster === first && g.id === 0) firstBad = true;
    if (g.cluster < length) mark[g.cluster] = mark[g.cluster]! | (g.id === 0 ? 2 : 1);
  }
  const ranges: ClusterRange[] = [];
  // Defensive: text before the first cluster (cannot happen with HarfBuzz's default cluster level) joins it.
  let at = first;
  if (first > 0 && length > 0) {
    ranges.push({ start: 0, bad: firstBad });
    at = first + 1;
  }
  for (; at < length; at++) if (mark[at] !== 0) ranges.push({ start: at, bad: (mark[at]! & 2) !== 0 });
  return ranges;
}

/** Glyphs of clusters in [s, e) of a shaped string, re-based to a piece starting at `s`. */
function subPiece(glyphs: readonly Glyph[], flags: Uint8Array, s: number, e: number, offset: number, face: OpenedFace): ShapedPiece {
  const out: Glyph[] = [];
  const outFlags: number[] = [];
  glyphs.forEach((g, k) => {
    if (g.cluster >= s && g.cluster < e) {
      out.push({ ...g, cluster: g.cluster - s });
      outFlags.push(flags[k]!);
    }
  });
  return { start: offset + s, end: offset + e, face, glyphs: out, flags: Uint8Array.from(outFlags) };
}

function anyCovered(slice: string, face: OpenedFace): boolean {
  for (const ch of slice) if (face.hasChar(ch.codePointAt(0)!)) return true;
  return false;
}

/** Default-ignorable and format characters (ZWJ, ZWNJ, variation selectors, bidi controls) and spaces are not "missing". */
const IGNORABLE = /^[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\s]$/u;

function reportMissing(slice: string, offset: number, lang: string, faces: readonly OpenedFace[], missing: MissingGlyph[]): void {
  let i = 0;
  const found: MissingGlyph[] = [];
  for (const ch of slice) {
    const cp = ch.codePointAt(0)!;
    if (!faces.some((f) => f.hasChar(cp)) && !IGNORABLE.test(ch)) {
      found.push({ char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, offset: offset + i, lang });
    }
    i += ch.length;
  }
  // Every character is covered somewhere but no face shaped the cluster (e.g. a mark on a base from another
  // script): report the cluster's first character so the problem is never silent.
  if (found.length === 0) {
    const cp = slice.codePointAt(0)!;
    found.push({ char: String.fromCodePoint(cp), codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, offset, lang });
  }
  missing.push(...found);
}
