/**
 * Just enough of the OpenType (sfnt) container to hand HarfBuzz only the tables it shapes with, and to read a
 * TrueType glyph's ink box from its `glyf` header without HarfBuzz.
 *
 * Why: HarfBuzz (harfbuzzjs) copies the bytes it is given into WebAssembly memory, which never shrinks. For a
 * Chinese face that is 10 MB, of which `glyf` and `loca` are 99 %; yet shaping reads neither (advances come from
 * `hmtx`, positioning from GPOS; HarfBuzz reads outlines only for glyph extents, for fallback mark positioning in
 * fonts without GPOS, and for contour-point anchors at a set ppem, none of which the engine uses). The engine's
 * only use of extents is the ink box, which for a static TrueType glyph is the box in its `glyf` header — equal to
 * HarfBuzz's extents for every glyph of every bundled face (tests/unit/fonts/sfnt.test.ts checks each one).
 */

/** Where one table lies in the font file (bytes). */
interface TableEntry {
  readonly offset: number;
  readonly length: number;
  /** The directory entry's checksum field, copied as it is (HarfBuzz does not check it). */
  readonly checksum: number;
}

/** The tables of a single-face sfnt (TrueType or CFF flavoured) by tag, or undefined if `data` is not one. */
export function sfntTables(data: Uint8Array): ReadonlyMap<string, TableEntry> | undefined {
  if (data.byteLength < 12) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(0);
  // 0x00010000 TrueType outlines, 'OTTO' CFF, 'true' old Apple TrueType; a collection ('ttcf') is not one face.
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return undefined;
  const count = view.getUint16(4);
  if (12 + 16 * count > data.byteLength) return undefined;
  const tables = new Map<string, TableEntry>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > data.byteLength) return undefined;
    tables.set(tag, { offset, length, checksum: view.getUint32(at + 4) });
  }
  return tables;
}

/**
 * Tables whose presence means outlines depend on more than the `glyf` header (variations), so the header box
 * is not HarfBuzz's extents: such a face keeps its whole file in HarfBuzz.
 */
const VARIATION_TABLES = ['fvar', 'gvar', 'avar', 'HVAR', 'MVAR', 'VVAR', 'cvar'];

/**
 * The face's bytes for HarfBuzz: the same sfnt without `glyf` and `loca` when the face is a static TrueType face
 * (table order, offsets rewritten; checksums are not checked by HarfBuzz and are copied as they were), otherwise
 * `data` itself. Pair it with `TrueTypeBoxes` for ink boxes, since HarfBuzz can no longer compute extents.
 */
export function shapingBytes(data: Uint8Array): { readonly bytes: Uint8Array; readonly boxes: TrueTypeBoxes | undefined } {
  const tables = sfntTables(data);
  const boxes = tables ? TrueTypeBoxes.of(data, tables) : undefined;
  if (!tables || !boxes) return { bytes: data, boxes: undefined };
  const kept = [...tables].filter(([tag]) => tag !== 'glyf' && tag !== 'loca');
  const header = 12 + 16 * kept.length;
  let size = header;
  for (const [, t] of kept) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(data.subarray(0, 4), 0);
  // numTables and the binary-search fields that follow it (searchRange, entrySelector, rangeShift).
  const pow = 2 ** Math.floor(Math.log2(kept.length));
  view.setUint16(4, kept.length);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, kept.length * 16 - pow * 16);
  let at = header;
  kept.forEach(([tag, t], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, t.checksum);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, t.length);
    out.set(data.subarray(t.offset, t.offset + t.length), at);
    at += (t.length + 3) & ~3;
  });
  return { bytes: out, boxes };
}

/** Ink box of a glyph in font units, as HarfBuzz's `hb_glyph_extents_t`: bearing at the top left, height negative. */
export interface GlyphExtents {
  readonly xBearing: number;
  readonly yBearing: number;
  readonly width: number;
  readonly height: number;
}

/** Glyph ink boxes read from the `glyf` headers of a static TrueType face (the font's own stored bounding boxes). */
export class TrueTypeBoxes {
  private constructor(
    private readonly view: DataView,
    private readonly glyf: number,
    private readonly glyfEnd: number,
    private readonly loca: number,
    private readonly longLoca: boolean,
    private readonly numGlyphs: number,
  ) {}

  /** Boxes for `data`, or undefined when it is not a static TrueType face with sane `glyf`, `loca`, `head`, `maxp`. */
  static of(data: Uint8Array, tables: ReadonlyMap<string, TableEntry>): TrueTypeBoxes | undefined {
    const glyf = tables.get('glyf');
    const loca = tables.get('loca');
    const head = tables.get('head');
    const maxp = tables.get('maxp');
    if (!glyf || !loca || !head || !maxp || head.length < 54 || maxp.length < 6) return undefined;
    if (VARIATION_TABLES.some((tag) => tables.has(tag))) return undefined;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const longLoca = view.getInt16(head.offset + 50) === 1;
    const numGlyphs = view.getUint16(maxp.offset + 4);
    if (loca.length < (numGlyphs + 1) * (longLoca ? 4 : 2)) return undefined;
    return new TrueTypeBoxes(view, glyf.offset, glyf.offset + glyf.length, loca.offset, longLoca, numGlyphs);
  }

  /**
   * Where glyph `id`'s record lies in the file, `[start, end)` clamped to the `glyf` table (empty for an empty
   * glyph or an id past the end): the bytes fontkit and `extents` read for it.
   */
  span(id: number): readonly [start: number, end: number] {
    if (id < 0 || id >= this.numGlyphs) return [0, 0];
    const { view } = this;
    const start = this.longLoca ? view.getUint32(this.loca + 4 * id) : 2 * view.getUint16(this.loca + 2 * id);
    const end = this.longLoca ? view.getUint32(this.loca + 4 * id + 4) : 2 * view.getUint16(this.loca + 2 * id + 2);
    if (end <= start) return [0, 0];
    return [Math.min(this.glyf + start, this.glyfEnd), Math.min(this.glyf + end, this.glyfEnd)];
  }

  /** Extents of glyph `id` (zero for an empty glyph or an id past the end), as HarfBuzz would report them. */
  extents(id: number): GlyphExtents {
    const [at, end] = this.span(id);
    if (end <= at || at + 10 > this.glyfEnd) return EMPTY;
    const { view } = this;
    const xMin = view.getInt16(at + 2);
    const yMin = view.getInt16(at + 4);
    const xMax = view.getInt16(at + 6);
    const yMax = view.getInt16(at + 8);
    const left = Math.min(xMin, xMax);
    const top = Math.max(yMin, yMax);
    return { xBearing: left, yBearing: top, width: Math.max(xMin, xMax) - left, height: Math.min(yMin, yMax) - top };
  }
}

const EMPTY: GlyphExtents = { xBearing: 0, yBearing: 0, width: 0, height: 0 };
