/**
 * horizontalMetrics: a glyph's advance width and left side bearing as fontkit 2.0.4 gives them
 * (`getGlyph(id).advanceWidth`, `_getMetrics().leftBearing`), read straight from the font's hmtx table.
 *
 * Why: fontkit makes a glyph object per glyph id and, for its metrics, decodes the glyph's glyf header through
 * restructure's generic struct decoder (for a bounding box the advance does not need). The PDF writer asks for
 * the advance of every glyph it draws (the font's /W widths, poppler's box ends in glyph-text.ts) and for the
 * advance and bearing of every glyph of a subset (ttf-subset.ts); for a build's first documents, each glyph is
 * new. A variable font at a variation (whose advances HVAR changes) goes through fontkit as before.
 * tests/unit/render/font-metrics.test.ts compares the two on every bundled face.
 */

/** The fontkit TTFFont fields read here (version 2.0.4). */
export interface MetricsFont {
  readonly stream: { readonly buffer: Uint8Array };
  readonly directory: { readonly tables: Record<string, { readonly offset: number; readonly length: number } | undefined> };
  readonly hhea: { readonly numberOfMetrics: number };
  readonly maxp: { readonly numGlyphs: number };
  readonly _variationProcessor: unknown;
  /** A glyph object; for a partly read face (docs/fonts.md) it also has the glyph's record read first. */
  getGlyph(id: number): { readonly advanceWidth: number; _getMetrics(): { readonly leftBearing: number } };
}

/** A face's horizontal metrics in font units, by glyph id. */
export interface HorizontalMetrics {
  advance(glyphId: number): number;
  bearing(glyphId: number): number;
}

const cache = new WeakMap<MetricsFont, HorizontalMetrics>();

/** The metrics of `font`, made once per font object. */
export function horizontalMetrics(font: MetricsFont): HorizontalMetrics {
  let metrics = cache.get(font);
  if (!metrics) {
    metrics = fromHmtx(font) ?? viaFontkit(font);
    cache.set(font, metrics);
  }
  return metrics;
}

/** fontkit's own answers (a glyph object per id). */
function viaFontkit(font: MetricsFont): HorizontalMetrics {
  return { advance: (id) => font.getGlyph(id).advanceWidth, bearing: (id) => font.getGlyph(id)._getMetrics().leftBearing };
}

/**
 * The hmtx table as fontkit reads it (`Glyph._getTableMetrics`): `numberOfMetrics` pairs of uint16 advance and
 * int16 bearing, then int16 bearings of the glyphs after them, which share the last pair's advance; a glyph past
 * the table has bearing 0. Undefined when fontkit's numbers could differ (a variation, or a plain file it does
 * not read the table of directly: WOFF).
 */
function fromHmtx(font: MetricsFont): HorizontalMetrics | undefined {
  const b = font.stream.buffer;
  const tag = String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
  const sfnt = tag === 'true' || tag === '\u0000\u0001\u0000\u0000' || tag === 'ttcf' || tag === 'OTTO';
  const table = font.directory.tables.hmtx;
  if (!sfnt || !table || font._variationProcessor) return undefined;
  const view = new DataView(b.buffer, b.byteOffset + table.offset, table.length);
  const pairs = font.hhea.numberOfMetrics;
  const bearings = font.maxp.numGlyphs - pairs;
  const lastAdvance = pairs > 0 ? view.getUint16(4 * (pairs - 1)) : 0;
  return {
    advance: (id) => (id < pairs ? view.getUint16(4 * id) : lastAdvance),
    bearing: (id) => (id < pairs ? view.getInt16(4 * id + 2) : id - pairs < bearings ? view.getInt16(4 * pairs + 2 * (id - pairs)) : 0),
  };
}

/** The fontkit TTFFont fields `preloadLoca` reads and fills (version 2.0.4). */
export interface LocaFont extends MetricsFont {
  readonly head: { readonly indexToLocFormat: number };
  /** fontkit's decoded tables by tag; a table is decoded on first use unless it is here already. */
  readonly _tables: Record<string, unknown>;
}

/**
 * Puts the font's loca table into fontkit's table cache, read straight from the bytes, before anything asks fontkit
 * for it (pdfkit's EmbeddedFont reads glyph 0's metrics, which decode its outline; ttf-subset.ts reads every offset).
 *
 * Why: fontkit decodes loca through restructure's generic decoder, one call per entry: 45 ms for the two Chinese
 * faces (31 000 glyphs each), a first-use cost in every process that writes Chinese. The object is the one fontkit
 * makes: `version` (head.indexToLocFormat), `offsets` (short offsets doubled, as its `process` hook does, with
 * `_processed` set), one entry per whole or partial entry of the table's length. Left to fontkit when it might
 * read the table otherwise (a variation, WOFF, a table reaching past the bytes, a format other than 0 or 1).
 * tests/unit/render/font-metrics.test.ts compares the two on every bundled face.
 */
export function preloadLoca(font: LocaFont): void {
  if ('loca' in font._tables) return;
  const b = font.stream.buffer;
  const tag = String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
  const sfnt = tag === 'true' || tag === '\u0000\u0001\u0000\u0000' || tag === 'ttcf' || tag === 'OTTO';
  const table = font.directory.tables.loca;
  if (!sfnt || !table || font._variationProcessor) return;
  const version = font.head.indexToLocFormat;
  if (version !== 0 && version !== 1) return;
  const size = version === 0 ? 2 : 4;
  const count = Math.ceil(table.length / size);
  if (table.offset + count * size > b.length) return;
  const view = new DataView(b.buffer, b.byteOffset + table.offset, count * size);
  const offsets = new Array<number>(count);
  if (version === 0) for (let i = 0; i < count; i++) offsets[i] = view.getUint16(2 * i) << 1;
  else for (let i = 0; i < count; i++) offsets[i] = view.getUint32(4 * i);
  font._tables.loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
}
