import { horizontalMetrics, type MetricsFont } from './font-metrics.ts';

/**
 * encodeTrueTypeSubset: the font program of a pdfkit subset, byte for byte what fontkit 2.0.4's TTFSubset.encode()
 * writes, without its per-glyph decoding.
 *
 * Why: fontkit decodes every glyph of the subset into points (only to tell a composite glyph from a simple one) and
 * writes the font through restructure's generic struct encoder, once per font and document. For the 18 documents
 * of bench/render.ts that was about an eighth of renderPdf's time. Here a glyph's bytes are copied as they are (a
 * composite glyph's component ids rewritten to subset ids, exactly where fontkit rewrites them) and the tables that
 * do not depend on the glyphs (head, cvt, prep, fpgm, and hhea and maxp but for their glyph count) are taken from
 * what fontkit itself wrote for a one-glyph subset of the same font, made once per font. Fonts this path cannot
 * take byte for byte (variable fonts at a variation, WOFF) go through fontkit's encode() unchanged.
 * tests/unit/render/ttf-subset.test.ts compares the two on every bundled face.
 */

/** fontkit's TTFSubset as far as encoding goes (fontkit ships no types). */
export interface TrueTypeSubset {
  readonly font: SubsetFont;
  /** Original glyph ids in subset order; encode() appends the components of composite glyphs. */
  readonly glyphs: number[];
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

/** The fontkit TTFFont fields read here (version 2.0.4). */
export interface SubsetFont extends MetricsFont {
  readonly loca: { readonly version: number; readonly offsets: readonly number[] };
  createSubset(): TrueTypeSubset;
}

/** fontkit's table order in the subset (its encode() object literal); absent tables are left out. */
const TABLE_ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
/** Byte offset of hhea.numberOfMetrics and of maxp.numGlyphs (OpenType spec; fontkit's hhea and maxp structs). */
const HHEA_METRICS_AT = 34;
const MAXP_GLYPHS_AT = 4;

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** What fontkit writes for this font whatever the glyphs: the header and each table's bytes, in file order. */
interface Template {
  readonly header: Uint8Array;
  readonly tables: readonly { readonly tag: string; readonly bytes: Uint8Array }[];
}

const templates = new WeakMap<SubsetFont, Template | null>();

/** The subset's font program; the same bytes as `subset.encode()`. */
export function encodeTrueTypeSubset(subset: TrueTypeSubset): Uint8Array {
  const font = subset.font;
  const template = fastPath(font) ? templateOf(font) : null;
  if (!template) return subset.encode();

  const source = font.stream.buffer;
  const glyfAt = font.directory.tables.glyf!.offset;
  const offsets = font.loca.offsets;
  const metrics = horizontalMetrics(font);
  const glyphBytes: Uint8Array[] = [];
  const loca: number[] = [];
  const advances: number[] = [];
  const bearings: number[] = [];
  let offset = 0;
  // subset.glyphs grows while composite glyphs add their components, as in fontkit's encode().
  for (let i = 0; i < subset.glyphs.length; i++) {
    const gid = subset.glyphs[i]!;
    // First through getGlyph, as fontkit's own encode() goes: the font registry reads a large face's glyph records
    // from disk only when getGlyph asks for them (docs/fonts.md); until then their bytes are zeros.
    font.getGlyph(gid);
    const from = glyfAt + offsets[gid]!;
    let bytes = source.subarray(from, glyfAt + offsets[gid + 1]!);
    if (bytes.length >= 2 && ((bytes[0]! << 24) >> 16) + bytes[1]! < 0) bytes = withSubsetComponents(bytes, subset);
    glyphBytes.push(bytes);
    loca.push(offset);
    advances.push(metrics.advance(gid));
    bearings.push(metrics.bearing(gid));
    offset += bytes.length;
  }
  loca.push(offset);
  const count = glyphBytes.length;

  const short = font.loca.version === 0;
  const sizes = template.tables.map(({ tag, bytes }) =>
    tag === 'glyf' ? offset : tag === 'loca' ? loca.length * (short ? 2 : 4) : tag === 'hmtx' ? count * 4 : bytes.length,
  );
  const out = new Uint8Array(template.header.length + sizes.reduce((a, b) => a + b, 0));
  const view = new DataView(out.buffer);
  out.set(template.header);
  let at = template.header.length;
  template.tables.forEach(({ tag, bytes }, t) => {
    // The directory entry: tag and checksum (fontkit writes 0) as in the template, then offset and length.
    const entry = 12 + 16 * t;
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, sizes[t]!);
    if (tag === 'glyf') {
      let p = at;
      for (const g of glyphBytes) {
        out.set(g, p);
        p += g.length;
      }
    } else if (tag === 'loca') {
      // fontkit's loca.preEncode halves short offsets; restructure writes through DataView (modulo 2^16 / 2^32).
      loca.forEach((o, k) => (short ? view.setUint16(at + 2 * k, o >>> 1) : view.setUint32(at + 4 * k, o)));
    } else if (tag === 'hmtx') {
      for (let k = 0; k < count; k++) {
        view.setUint16(at + 4 * k, advances[k]!);
        view.setInt16(at + 4 * k + 2, bearings[k]!);
      }
    } else {
      out.set(bytes, at);
      if (tag === 'hhea') view.setUint16(at + HHEA_METRICS_AT, count);
      if (tag === 'maxp') view.setUint16(at + MAXP_GLYPHS_AT, count);
    }
    at += sizes[t]!;
  });
  return out;
}

/**
 * A composite glyph's bytes with each component's glyph id replaced by its id in the subset (components are added
 * to the subset on the way, in fontkit's order). Walks the component records as fontkit's `_decodeComposite` does.
 */
function withSubsetComponents(glyph: Uint8Array, subset: TrueTypeSubset): Uint8Array {
  // A copy: `glyph` views the font file, and Buffer's slice() would be a view too.
  const bytes = new Uint8Array(glyph);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 10; // after numberOfContours and the bounding box
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(p);
    view.setUint16(p + 2, subset.includeGlyph(view.getUint16(p + 2)));
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
  }
  return bytes;
}

/** A plain TrueType (or collection) file at its default instance: glyph bytes can be copied as they are. */
function fastPath(font: SubsetFont): boolean {
  const b = font.stream.buffer;
  const tag = String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
  const sfnt = tag === 'true' || tag === '\u0000\u0001\u0000\u0000' || tag === 'ttcf';
  return sfnt && !font._variationProcessor && font.directory.tables.glyf !== undefined && font.directory.tables.loca !== undefined;
}

/**
 * fontkit's own encoding of a one-glyph subset, split into the directory header and the tables in file order;
 * null when its layout is not the one encodeTrueTypeSubset writes (then fontkit encodes every subset).
 */
function templateOf(font: SubsetFont): Template | null {
  const known = templates.get(font);
  if (known !== undefined) return known;
  const bytes = font.createSubset().encode();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const header = bytes.slice(0, 12 + 16 * count);
  const tables: { tag: string; bytes: Uint8Array }[] = [];
  let at = header.length;
  for (let t = 0; t < count; t++) {
    const entry = 12 + 16 * t;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    tables.push({ tag, bytes: bytes.slice(offset, offset + length) });
    if (offset !== at || view.getUint32(entry + 4) !== 0) at = -1;
    else at += length;
  }
  const order = TABLE_ORDER.filter((tag) => tables.some((t) => t.tag === tag));
  const fits = at === bytes.length && tables.length === order.length && tables.every((t, i) => t.tag === order[i]);
  const template = fits ? { header, tables } : null;
  templates.set(font, template);
  return template;
}
