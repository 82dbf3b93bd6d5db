import { fontRegistry, type OpenedFace } from '../fonts/registry.ts';
import { fontStack } from '../fonts/stack.ts';
import { shapeWithFallback, type ShapedPiece } from './fallback.ts';
import { itemize } from './itemize.ts';
import { textLanguage } from './language.ts';
import { canStartLine, graphemeBoundaries, lineBreaks, mayHang, type BreakOpportunity } from './linebreak.ts';
import { paragraphKey } from './paragraph-key.ts';
import { shape, UNSAFE_TO_BREAK } from './shape.ts';
import { spanLanguage } from './span-language.ts';
import type { Direction, Glyph, InkBounds, Item, LayoutOptions, Line, MissingGlyph, Paragraph, ParagraphLayout, ShapedRun } from './types.ts';

/**
 * layoutParagraph: itemize → shape each item once (with per-cluster fallback) → measure clusters → greedy line fill
 * at break opportunities → per line, slice the shaped pieces by cluster and reorder runs visually (UAX #9 L1/L2).
 *
 * Measure once, draw the same glyphs: a line's runs are slices of the one shaping of each item. The single
 * exception is a break that HarfBuzz marks UNSAFE_TO_BREAK (the glyphs either side depend on each other, e.g. a
 * kerning pair or a contextual form across the break point): then only the two fragments touching that break are
 * re-shaped on their own, in the same face, so the line end shows the forms a fresh line would. Breaks are at
 * spaces or dictionary word boundaries, so this is rare; the fragment's width may change by a kerning amount,
 * which is why the measure is checked with the original widths and the final width is recomputed.
 */

/** A shaped piece plus the item it came from (for level, script, language). */
interface Piece extends ShapedPiece {
  readonly item: Item;
  /**
   * Offsets inside the piece (from its start) where a cluster starts whose glyph HarfBuzz flags UNSAFE_TO_BREAK:
   * every line of every size asks at its two ends, so it is worked out once per piece.
   */
  readonly unsafe: Uint8Array;
  /** Sum of the glyphs' advances, font units (exact: advances are integers). */
  readonly advance: number;
  /**
   * Glyphs of the parts of the piece that lines have shown, by `sliceKey`: the same stretch of a paragraph ends up
   * on a line at several sizes (and the strip chips at the same size on every poster), and re-basing its glyphs
   * anew each time allocated most of a layout's objects. Filled as lines ask; the arrays are shared, read-only.
   */
  readonly slices: Map<number, Slice>;
}

/** The glyphs a line shows of one piece, re-based to the line's part of it, and their advance in font units. */
interface Slice {
  readonly glyphs: readonly Glyph[];
  readonly advance: number;
}

/**
 * Whitespace that hangs at a line end (not drawn, not measured): UAX #14 class SP/BK and friends — space, tab,
 * `\n`, U+1680, U+2000–U+2006, U+2008–U+200A, U+205F, U+3000. Tested on UTF-16 code units, none a surrogate.
 */
function isTrailingSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x205f || c === 0x3000;
}

const EMPTY: ParagraphLayout = { lines: [], missing: [], maxWidth: 0, height: 0 };

/**
 * The text engine's entry point: one paragraph (NFC text, style spans, language) set at `opts.size` into lines no
 * wider than `opts.width`, each a list of shaped runs in visual order. Characters no font of the language's stack
 * covers come back in `missing` (the caller reports them), never as blanks. Fonts come from the process registry.
 */
export function layoutParagraph(p: Paragraph, opts: LayoutOptions): ParagraphLayout {
  const prep = prepared(p);
  if (!prep) return EMPTY;
  const { text, pieces, missing, breaks } = prep;
  const leading = opts.leading ?? 1;

  const prefix = advancePrefix(text.length, pieces, opts.size);
  const ranges = fillLines(text, breaks, prefix, prep.clusterStart, prep.spaceStart, opts.width, prep.lang);
  const lines = ranges.map(([s, e]) => buildLine(prep, s, e, opts.size));

  const height = lines.reduce((h, l) => h + (l.ascent + l.descent) * leading, 0);
  const maxWidth = lines.reduce((m, l) => Math.max(m, l.width), 0);
  return { lines, missing, maxWidth, height };
}

/**
 * What layoutParagraph computes before it knows the size and measure: itemization, bidi levels, shaping with
 * fallback, missing glyphs and break opportunities. A poster sets the same paragraphs at up to 27 sizes and every
 * poster sets the same strip chips at several; this part is the same each time, so it is computed once per
 * paragraph (the lines are still filled and built per size, exactly as before). Read-only once made.
 */
interface Prepared {
  readonly text: string;
  readonly lang: string;
  readonly direction: Direction;
  readonly pieces: readonly Piece[];
  readonly missing: readonly MissingGlyph[];
  readonly breaks: readonly BreakOpportunity[];
  /** 1 at every UTF-16 offset where a shaping cluster starts, and at the end of the text. */
  readonly clusterStart: Uint8Array;
  /**
   * `spaceStart[e]`: where the run of hanging whitespace that ends at offset `e` begins (`e` itself when
   * `text[e - 1]` is not such a space). Line fitting asks for a line's visible end at every break opportunity of
   * every size, so it is worked out once per paragraph (see contentEnd).
   */
  readonly spaceStart: Int32Array;
  readonly primary: OpenedFace;
  readonly spanLangs: ReadonlyMap<Item, string | undefined>;
}

/** Paragraphs prepared per font registry (the web page may swap the registry; faces belong to one). */
const preparedBy = new WeakMap<object, Map<string, Prepared | null>>();
/** Entries kept before starting afresh (as remembered-layout.ts): a build's distinct paragraphs are a few hundred. */
const MAX_PREPARED = 4000;

function prepared(p: Paragraph): Prepared | null {
  const registry = fontRegistry();
  let memo = preparedBy.get(registry);
  if (!memo) preparedBy.set(registry, (memo = new Map()));
  const key = paragraphKey(p);
  let prep = memo.get(key);
  if (prep === undefined) {
    if (memo.size >= MAX_PREPARED) memo.clear();
    prep = prepare(p);
    memo.set(key, prep);
  }
  return prep;
}

function prepare(p: Paragraph): Prepared | null {
  const paragraph = normalized(p);
  const { text } = paragraph;
  if (text.length === 0) return null;
  const lang = textLanguage(paragraph.lang);
  const items = itemize(paragraph, lang.direction);
  const spanLangs = new Map(items.map((item) => [item, spanLanguage(item, paragraph)]));
  const shaped = items.map((item) => shapeItem(text, item));
  const pieces = shaped.flatMap((s) => s.pieces);
  const missing = shaped.flatMap((s) => s.missing);
  const breaks = lineBreaks(text, paragraph.lang);
  const primary = primaryFace(paragraph.lang, lang.script);
  return {
    text,
    lang: paragraph.lang,
    direction: lang.direction,
    pieces,
    missing,
    breaks,
    clusterStart: clusterStarts(text.length, pieces),
    spaceStart: spaceStarts(text),
    primary,
    spanLangs,
  };
}

/** The caller gives NFC text (content is normalised once at load); normalise defensively when it is safe. */
function normalized(p: Paragraph): Paragraph {
  const nfc = p.text.normalize('NFC');
  if (nfc === p.text) return p;
  const wholeSpan = p.spans.length === 0 || (p.spans.length === 1 && p.spans[0]!.start === 0 && p.spans[0]!.end >= p.text.length);
  if (!wholeSpan) throw new Error(`layoutParagraph: text is not NFC and has style spans: ${JSON.stringify(p.text.slice(0, 40))}`);
  return { ...p, text: nfc, spans: p.spans.map((s) => ({ ...s, start: 0, end: nfc.length })) };
}

function facesFor(lang: string, script: string, weight: Item['weight']): OpenedFace[] {
  const registry = fontRegistry();
  return fontStack(registry, lang, script).map((family) => registry.face(family, weight));
}

function primaryFace(lang: string, script: string): OpenedFace {
  return facesFor(lang, script, 400)[0] ?? fontRegistry().face('noto-sans', 400);
}

function shapeItem(text: string, item: Item): { pieces: Piece[]; missing: readonly MissingGlyph[] } {
  const direction: Direction = item.level % 2 === 1 ? 'rtl' : 'ltr';
  const r = shapeWithFallback(text, item.start, item.end, { script: item.script, lang: item.lang, direction }, facesFor(item.lang, item.script, item.weight));
  return {
    pieces: r.pieces.map((piece) => ({ ...piece, item, unsafe: unsafeStarts(piece), advance: advanceOf(piece.glyphs), slices: new Map() })),
    missing: r.missing,
  };
}

/** Sum of the glyphs' advances in array order (the order buildLine always summed them in). */
function advanceOf(glyphs: readonly Glyph[]): number {
  let advance = 0;
  for (let i = 0; i < glyphs.length; i++) advance += glyphs[i]!.ax;
  return advance;
}

/** Piece.unsafe of a shaped piece. */
function unsafeStarts(piece: ShapedPiece): Uint8Array {
  const unsafe = new Uint8Array(piece.end - piece.start);
  const glyphs = piece.glyphs;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    if ((piece.flags[i]! & UNSAFE_TO_BREAK) !== 0 && g.cluster < unsafe.length) unsafe[g.cluster] = 1;
  }
  return unsafe;
}

/** Prepared.clusterStart of a paragraph's pieces. */
function clusterStarts(length: number, pieces: readonly Piece[]): Uint8Array {
  const clusterStart = new Uint8Array(length + 1);
  for (const piece of pieces) {
    const glyphs = piece.glyphs;
    for (let i = 0; i < glyphs.length; i++) clusterStart[piece.start + glyphs[i]!.cluster] = 1;
  }
  clusterStart[length] = 1;
  return clusterStart;
}

/**
 * Scratch space for advancePrefix: a poster sets each paragraph at up to 27 sizes, and two fresh typed arrays per
 * layout were a visible share of the collector's work. Layout is synchronous and never re-entered, so one pair
 * serves every call; grown when a longer paragraph comes.
 */
let widthScratch = new Float64Array(1024);
let prefixScratch = new Float64Array(1025);

/**
 * Running sum of cluster widths in points: `prefix[i]` is the advance of the text before offset `i` (each
 * cluster's width counts at its first UTF-16 offset). Valid until the next call (shared scratch space).
 */
function advancePrefix(length: number, pieces: readonly Piece[], size: number): Float64Array {
  if (widthScratch.length < length) {
    widthScratch = new Float64Array(length * 2);
    prefixScratch = new Float64Array(length * 2 + 1);
  }
  const width = widthScratch;
  const prefix = prefixScratch;
  width.fill(0, 0, length);
  for (const piece of pieces) {
    const scale = size / piece.face.ref.unitsPerEm;
    // Indexed loops in this file's per-size paths: a cold process runs them unoptimised for a while, and there
    // every for…of step allocates an iterator result.
    const glyphs = piece.glyphs;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i]!;
      width[piece.start + g.cluster]! += g.ax * scale;
    }
  }
  prefix[0] = 0;
  for (let i = 0; i < length; i++) prefix[i + 1] = prefix[i]! + width[i]!;
  return prefix;
}

/** Prepared.spaceStart of a paragraph's text. */
function spaceStarts(text: string): Int32Array {
  const spaceStart = new Int32Array(text.length + 1);
  for (let e = 1; e <= text.length; e++) spaceStart[e] = isTrailingSpace(text.charCodeAt(e - 1)) ? spaceStart[e - 1]! : e;
  return spaceStart;
}

/** End of the visible content of the line [start, end): `end` minus hanging whitespace, never before `start`. */
function contentEnd(spaceStart: Int32Array, start: number, end: number): number {
  return Math.max(start, spaceStart[end]!);
}

/**
 * Greedy fill: take break opportunities while the line (without its hanging spaces) fits the measure. A stretch
 * with no opportunity that is wider than the measure is cut at grapheme boundaries that are also shaping cluster
 * boundaries (so a conjunct or ligature is never split) and where a line may start (no mark or closing CJK
 * punctuation first), as a last resort; at least one grapheme per line. When only the stretch's closing
 * punctuation (`。`, `။`, `।`) overflows, the punctuation hangs past the measure instead: such a line's width
 * may exceed the measure by that punctuation's advance.
 * Returns [start, end) per line; lines tile the text.
 */
function fillLines(
  text: string,
  breaks: readonly BreakOpportunity[],
  prefix: Float64Array,
  clusterStart: Uint8Array,
  spaceStart: Int32Array,
  measure: number,
  lang: string,
): [number, number][] {
  const lines: [number, number][] = [];
  const fits = (s: number, e: number): boolean => prefix[contentEnd(spaceStart, s, e)]! - prefix[s]! <= measure + 1e-6;
  let start = 0;
  let lastFit = -1;
  let k = 0;
  while (k < breaks.length) {
    const b = breaks[k]!;
    if (fits(start, b.position)) {
      lastFit = b.position;
      k++;
      if (b.required) {
        lines.push([start, b.position]);
        start = b.position;
        lastFit = -1;
      }
      continue;
    }
    if (lastFit > start) {
      lines.push([start, lastFit]);
      start = lastFit;
      lastFit = -1;
      continue; // re-try the same opportunity on the new line
    }
    // One unbreakable stretch is wider than the measure. If only its closing punctuation overflows (`ရှိသည်။`,
    // `沉默。`), let the punctuation hang past the measure rather than split the word.
    let hangEnd = contentEnd(spaceStart, start, b.position);
    while (hangEnd > start && mayHang(text[hangEnd - 1]!)) hangEnd--;
    if (hangEnd > start && hangEnd < contentEnd(spaceStart, start, b.position) && prefix[hangEnd]! - prefix[start]! <= measure + 1e-6) {
      lines.push([start, b.position]);
      start = b.position;
      lastFit = -1;
      k++;
      continue;
    }
    // Otherwise cut it at grapheme + cluster boundaries.
    const cuts = graphemeBoundaries(text.slice(start, b.position), lang)
      .map((g) => start + g)
      .filter((pos) => clusterStart[pos] === 1 && canStartLine(text, pos));
    let cut = -1;
    for (const pos of cuts) {
      if (pos < b.position && fits(start, pos)) cut = pos;
      else break;
    }
    if (cut < 0) cut = cuts.find((pos) => pos > start) ?? b.position;
    if (cut >= b.position) {
      // Even one grapheme does not fit, or the stretch is one grapheme: it gets a line of its own.
      lines.push([start, b.position]);
      start = b.position;
      lastFit = -1;
      k++;
      continue;
    }
    lines.push([start, cut]);
    start = cut;
    lastFit = -1;
  }
  if (start < text.length) lines.push([start, text.length]);
  return lines;
}

/**
 * Glyphs of `piece` whose cluster lies in [s, e) (paragraph offsets), re-based to s. A piece that lies wholly
 * inside the line gives its own glyphs (shared, read-only), and glyphs keep their object when re-basing leaves
 * them unchanged: a poster sets each paragraph at up to 27 sizes, and copying every glyph of every line made
 * most of the layout's garbage.
 */
function sliceGlyphs(piece: Piece, s: number, e: number): readonly Glyph[] {
  const all = piece.glyphs;
  if (s === piece.start && e >= piece.end) return all;
  const shift = piece.start - s;
  const out: Glyph[] = [];
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    const at = piece.start + g.cluster;
    if (at >= s && at < e) out.push(shift === 0 ? g : { id: g.id, cluster: g.cluster + shift, ax: g.ax, dx: g.dx, dy: g.dy });
  }
  return out;
}

/**
 * What a line shows of `piece` between paragraph offsets s and e (visible part, s < e): the piece's own glyphs when
 * the line holds all of it, else a slice made once per piece and stretch (Piece.slices) — re-shaped on its own
 * when a fragment's end is UNSAFE_TO_BREAK, re-based glyphs otherwise.
 */
function pieceSlice(text: string, piece: Piece, s: number, e: number): Slice {
  if (s === piece.start && e >= piece.end) return piece;
  const key = (s - piece.start) * (piece.end - piece.start + 1) + (e - piece.start);
  let slice = piece.slices.get(key);
  if (slice === undefined) {
    let glyphs: readonly Glyph[];
    if (unsafeAt(piece, s) || unsafeAt(piece, e)) {
      const runDirection: Direction = piece.item.level % 2 === 1 ? 'rtl' : 'ltr';
      glyphs = shape(piece.face, text.slice(s, e), piece.item.script, piece.item.lang, runDirection).glyphs;
      // Re-shaping a fragment never adds .notdef (coverage is per character), but keep the invariant explicit.
      glyphs = glyphs.filter((g) => g.id !== 0);
    } else glyphs = sliceGlyphs(piece, s, e);
    slice = { glyphs, advance: advanceOf(glyphs) };
    piece.slices.set(key, slice);
  }
  return slice;
}

/** True when HarfBuzz says breaking the piece at paragraph offset `at` would change its shaping. */
function unsafeAt(piece: Piece, at: number): boolean {
  if (at <= piece.start || at >= piece.end) return false;
  return piece.unsafe[at - piece.start] === 1;
}

function buildLine(prep: Prepared, start: number, end: number, size: number): Line {
  const { text, pieces, direction, primary, spanLangs } = prep;
  const visibleEnd = contentEnd(prep.spaceStart, start, end);
  const logical: { run: ShapedRun; level: number }[] = [];
  for (const piece of pieces) {
    const s = Math.max(piece.start, start);
    const e = Math.min(piece.end, visibleEnd);
    if (s >= e) continue;
    const runDirection: Direction = piece.item.level % 2 === 1 ? 'rtl' : 'ltr';
    const { glyphs, advance } = pieceSlice(text, piece, s, e);
    const scale = size / piece.face.ref.unitsPerEm;
    const width = advance * scale;
    const spanLang = spanLangs.get(piece.item);
    const face = piece.face.ref;
    const { script, lang: language } = piece.item;
    const runText = text.slice(s, e);
    // Two literals rather than a spread: the same keys in the same order, without a temporary object per run.
    const run: ShapedRun =
      spanLang === undefined
        ? { text: runText, start: s, face, size, script, language, direction: runDirection, glyphs, width }
        : { text: runText, start: s, face, size, script, language, spanLang, direction: runDirection, glyphs, width };
    logical.push({ level: piece.item.level, run });
  }
  const runs = reorder(logical);
  let ascent = -Infinity;
  let descent = -Infinity;
  let width = 0;
  for (const r of runs) {
    ascent = Math.max(ascent, (r.face.ascent * size) / r.face.unitsPerEm);
    descent = Math.max(descent, (r.face.descent * size) / r.face.unitsPerEm);
    width += r.width;
  }
  if (runs.length === 0) {
    ascent = (primary.ref.ascent * size) / primary.ref.unitsPerEm;
    descent = (primary.ref.descent * size) / primary.ref.unitsPerEm;
  }
  const lineText = text.slice(start, visibleEnd);
  return {
    runs,
    width,
    ascent,
    descent,
    ink: inkBounds(runs, width),
    text: lineText.includes('\n') ? lineText.replace(/\n/gu, '') : lineText,
    direction,
    start,
    end,
  };
}

/** Ink extent of runs drawn left to right from x = 0 (see Line.ink). An inkless line gets its advance box. */
function inkBounds(runs: readonly ShapedRun[], width: number): InkBounds {
  let left = Infinity;
  let right = -Infinity;
  let ascent = 0;
  let descent = 0;
  let x = 0;
  const registry = fontRegistry();
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const face = registry.faceById(run.face.id);
    const scale = run.size / run.face.unitsPerEm;
    const glyphs = run.glyphs;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i]!;
      const box = face.glyphBox(g.id);
      if (box) {
        left = Math.min(left, x + (g.dx + box.xMin) * scale);
        right = Math.max(right, x + (g.dx + box.xMax) * scale);
        ascent = Math.max(ascent, (g.dy + box.yMax) * scale);
        descent = Math.max(descent, -(g.dy + box.yMin) * scale);
      }
      x += g.ax * scale;
    }
  }
  return left === Infinity ? { left: 0, right: width, ascent: 0, descent: 0 } : { left, right, ascent, descent };
}

/**
 * UAX #9 L2 over runs: from the highest level down to the lowest odd level, reverse every maximal sequence of runs
 * at that level or higher. (L1 is handled by leaving hanging whitespace out of the line altogether.)
 */
export function reorder<T>(logical: readonly { run: T; level: number }[]): T[] {
  // One run (most lines): nothing to reverse.
  if (logical.length === 1) return [logical[0]!.run];
  const seq = [...logical];
  if (seq.length === 0) return [];
  const max = Math.max(...seq.map((r) => r.level));
  const minOdd = Math.min(...seq.map((r) => r.level).filter((l) => l % 2 === 1), Infinity);
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < seq.length) {
      if (seq[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < seq.length && seq[j]!.level >= level) j++;
      const reversed = seq.slice(i, j).reverse();
      seq.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return seq.map((r) => r.run);
}
