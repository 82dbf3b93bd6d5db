import type { LoadedFace } from '../fonts/types.ts';
import type { Line, ShapedRun } from '../text/types.ts';
import { fillColorOp } from './color.ts';
import type { Color } from '../layout/frame.ts';
import { num } from './number.ts';
import { embedWithCodes } from './font-embed.ts';
import { horizontalMetrics, type LocaFont, type MetricsFont, preloadLoca } from './font-metrics.ts';
import { planRun, reportSize, type GlyphUnit, type PlanOptions } from './glyph-text.ts';
import type { PdfEmbeddedFont, PdfKitDocument } from './pdfkit-internals.ts';
import { hex4, TextCodes } from './text-codes.ts';

/**
 * drawGlyphs: put a set Line on the page glyph by glyph, exactly as the text engine shaped and measured it.
 *
 * Why this way (of the two ways docs/text-engine.md describes, "Getting our glyphs into pdfkit"): we drive pdfkit's EmbeddedFont one level down — its fontkit
 * subset (`includeGlyph`), its /W widths and ToUnicode tables — and write the `TJ` operators ourselves. The other
 * way (replacing the fontkit font's `layout()` and calling `text()`) hands the string back to pdfkit, which splits
 * it at spaces, caches layouts by string and would re-run `layout` at draw time; the font objects are also shared
 * with the shaper for the life of the process, so patching them would leak into every other document. Here nothing
 * is re-shaped: the glyph ids, advances and offsets in the PDF are HarfBuzz's numbers, scaled by size / unitsPerEm.
 * Subsetting and embedding stay pdfkit's (EmbeddedFont.embed at document end). All pdfkit glue for text is in this
 * file.
 *
 * PDF mechanics: the font's /W entry for each glyph is its own hmtx advance (PDF/A requires /W to agree with the
 * embedded font program), and each glyph's HarfBuzz advance and x offset are reached with TJ adjustments; y offsets
 * (mark positioning) use text rise (Ts), which is in unscaled text-space units.
 *
 * Text extraction (docs/text-extraction.md): each font's CIDs are our own codes, one per distinct glyph-and-text
 * pair (text-codes.ts, font-embed.ts), so every occurrence of a glyph carries its own cluster's text; runs are
 * written in logical order and RTL runs glyph by glyph from right to left (glyph-text.ts decides the text and
 * order). Readers that ignore /ActualText (pdf.js, MuPDF) then read the logical text from the glyphs alone.
 */

/** Properties of a piece of marked content inside a line: its own /Lang or /ActualText (empty: read nothing). */
export interface Segment {
  readonly lang?: string | undefined;
  readonly actual?: string;
}

/**
 * Writes part of a line: `segment` undefined for the line's plain content, else in marked content of its own.
 * The tag recorder decides how (structure.ts): nested /Span, or — in an RTL line's structure content — a new
 * marked-content sequence of the same structure element, because poppler stops collecting an element's text at
 * the first nested EMC.
 */
export type SegmentWriter = (segment: Segment | undefined, write: () => void, text: string) => void;

/**
 * A content-stream operator, or operators that go in marked content of their own; `own`: never nested in a run's
 * /Lang sequence (a glyph reporting poppler's size, glyph-text.ts reportSize).
 */
type Op = string | { readonly segment: Segment; readonly ops: readonly string[]; readonly own?: boolean };

/** Glyph lookup: manifest face id → the face opened once by the font registry. */
export type FaceLookup = (faceId: string) => LoadedFace;

/** The fontkit font fields we read (fontkit ships no types). */
interface FontkitLike extends MetricsFont {
  glyphForCodePoint(codePoint: number): { readonly id: number };
}

/**
 * A line's operators after its planning (glyph-text.ts) and TJ writing: per run (visual order), what follows the
 * run's Tf and Tm, and the run's pen offset from the line's start in points. None of it depends on where the line
 * is drawn, so a line drawn again in the same document (the copies of a card on a sheet share their Line objects)
 * replays it: same fonts, same text codes (already assigned), same operators.
 */
interface PlannedLine {
  readonly ops: readonly (readonly Op[])[];
  readonly pens: readonly number[];
}

/** Per document: the pdfkit font for each face id, created on first use (pdfkit names them F1, F2, … in order). */
export class GlyphFonts {
  private readonly fonts = new Map<string, PdfEmbeddedFont>();
  /** Lines planned in this document, by line and `planKey` (lineActualText, popplerSize). */
  private readonly planned = new WeakMap<Line, Map<string, PlannedLine>>();
  constructor(
    private readonly doc: PdfKitDocument,
    private readonly faces: FaceLookup,
  ) {}

  /** The embedded font for a face, registered on the current page's resources. */
  forPage(faceId: string): { font: PdfEmbeddedFont; face: LoadedFace } {
    const face = this.faces(faceId);
    let font = this.fonts.get(faceId);
    if (!font) {
      // Before pdfkit's EmbeddedFont reads glyph 0 (font-metrics.ts says why).
      preloadLoca(face.fontkit as unknown as LocaFont);
      // The face id is the cache key, so bold and regular of a family stay separate fonts in the PDF.
      this.doc.font(face.fontkit, faceId);
      font = this.doc._font;
      this.fonts.set(faceId, font);
      const codes = new TextCodes();
      fontCodes.set(font, codes);
      const doc = this.doc;
      const embedded = font;
      // pdfkit calls embed() once at document end; ours writes the same font with our codes as CIDs.
      embedded.embed = () => embedWithCodes(doc, embedded, codes);
    }
    const page = this.doc.page;
    if (page.fonts[font.id] === undefined) page.fonts[font.id] = font.ref();
    return { font, face };
  }

  /** The line's plan made by `make` the first time `line` is drawn with this key in the document. */
  plan(line: Line, key: string, make: () => PlannedLine): PlannedLine {
    let byKey = this.planned.get(line);
    if (!byKey) this.planned.set(line, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = make()));
    return found;
  }
}

/**
 * Draw `line` with its baseline-start at (x, y) in the current (top-left origin, y down) user space.
 * Runs are placed in visual order (the order given) but written in logical order (by their offset in the
 * paragraph), each at its own text matrix; an LTR run's glyphs in HarfBuzz order, an RTL run's in logical order.
 *
 * `mark` wraps the glyph-showing operators in the line's marked content. It is called inside the text object,
 * after the first font and text matrix are set: poppler places /ActualText using the graphics state at EMC
 * (CTM, font, text matrix), so the marked content must end while that state still describes the drawn glyphs —
 * with EMC after `Q` pdftotext sees a flipped, zero-size line and reverses the page's reading order.
 * `lineActualText` says whether `mark` gives the line an /ActualText (then no cluster inside may have one).
 * `popplerSize`: the font size poppler is to record for the line (poppler-blocks.ts). With `lineActualText`, for
 * the line's /ActualText: set after the glyphs, at the end of each marked-content sequence. Without (RTL lines),
 * for the /ActualText of the line's leftmost and rightmost glyph (glyph-text.ts, reportSize), and set back after
 * its EMC. Either way an empty TJ follows the size and nothing drawn changes.
 */
export function drawGlyphs(
  doc: PdfKitDocument,
  fonts: GlyphFonts,
  line: Line,
  x: number,
  y: number,
  color: Color,
  cmyk: boolean,
  mark: (inner: (segment: SegmentWriter) => void) => void = (inner) => inner(nestedSpans(doc)),
  lineActualText = false,
  popplerSize?: number,
): void {
  // No `cm` here: the text matrix alone flips text upright (pdfkit's page CTM has y down), so the CTM is the same
  // inside and outside the line.
  const runs = line.runs.filter((r) => r.glyphs.length > 0);
  // Where an RTL line's runs meet LTR runs (glyph-text.ts, bidiEdges).
  const logical = [...runs].sort((a, b) => a.start - b.start);
  const rtlLine = (run: ShapedRun) => {
    if (line.direction !== 'rtl') return undefined;
    const i = logical.indexOf(run);
    return { afterLtr: logical[i - 1]?.direction === 'ltr', beforeLtr: logical[i + 1]?.direction === 'ltr' };
  };
  // Every run's font goes on this page's resources, planned or not.
  const placed = runs.map((run) => fonts.forPage(run.face.id));
  const key = `${lineActualText} ${popplerSize}`;
  const plan = fonts.plan(line, key, () => {
    const faces = placed.map((p) => p.face);
    const units = sharedUnits(line, key, faces, () => {
      const made = runs.map((run, i) => planUnits(run, faces[i]!, !lineActualText, rtlLine(run)));
      if (!lineActualText && popplerSize !== undefined) {
        // Runs are in visual order: the line's leftmost glyph poppler reads is in the first run that has one.
        for (const side of ['left', 'right'] as const) {
          const visual = runs.map((_, i) => i);
          for (const i of side === 'left' ? visual : visual.reverse()) {
            const sized = reportSize(made[i]!, runs[i]!.direction, side);
            if (!sized) continue;
            made[i] = sized;
            break;
          }
        }
      }
      return made;
    });
    let pen = 0;
    const pens: number[] = [];
    const ops = runs.map((run, i) => {
      const { font, face } = placed[i]!;
      pens.push(pen);
      pen += (run.glyphs.reduce((sum, g) => sum + g.ax, 0) * run.size) / run.face.unitsPerEm;
      return runOperators(run, font, face, units[i]!, popplerSize);
    });
    return { ops, pens };
  });
  const runFonts = placed.map((p) => p.font.id);
  const runOps = runs.map((run, i): readonly Op[] => [
    `/${runFonts[i]} ${num(run.size)} Tf`,
    `1 0 0 -1 ${num(x + plan.pens[i]!)} ${num(y)} Tm`,
    ...plan.ops[i]!,
  ]);
  // Logical order: readers that keep stream order (MuPDF, pdf.js between text items) then read runs in order.
  const order = runs.map((_, i) => i).sort((a, b) => runs[a]!.start - runs[b]!.start);
  const firstIndex = order[0] ?? 0;
  const first = runOps[firstIndex] ?? [];
  doc.addContent(['q', fillColorOp(color, cmyk), 'BT', ...(first.slice(0, 2) as string[])].join('\n'));
  mark((segment) => {
    // Runs in another language than the line (ShapedRun.spanLang) go in marked content with their /Lang
    // (ISO 32000-1 §14.9.2); neighbours in the same language share one. Only /Lang: the line's /ActualText already
    // replaces everything inside it, and an inner /ActualText breaks extraction — measured with poppler 22.12, it
    // ends the line's replacement text early, so pdftotext printed `Home Office আজ।` for `কল করুন Home Office আজ।`.
    let body: string[] = [];
    let bodyText = '';
    // The font the text state is in. At the end of each sequence it is set again at popplerSize, and an empty TJ
    // (draws nothing) makes poppler take that size for the /ActualText it outputs at the EMC (poppler-blocks.ts).
    let font = runFonts[firstIndex];
    const sized = (ops: string): string =>
      lineActualText && popplerSize !== undefined && font !== undefined ? `${ops}\n/${font} ${num(popplerSize)} Tf\n[] TJ` : ops;
    const flush = () => {
      const ops = body.join('\n');
      if (ops) segment(undefined, () => doc.addContent(sized(ops)), bodyText);
      body = [];
      bodyText = '';
    };
    const opsOf = (i: number): readonly Op[] => (i === firstIndex ? first.slice(2) : runOps[i]!);
    for (let n = 0; n < order.length; ) {
      const lang = runs[order[n]!]!.spanLang;
      if (lang === undefined) {
        bodyText += runs[order[n]!]!.text;
        font = runFonts[order[n]!];
        for (const op of opsOf(order[n]!)) {
          if (typeof op === 'string') body.push(op);
          // Under a line's /ActualText (LTR lines) a cluster's own marked content nests: it has no /ActualText.
          else if (lineActualText) body.push(spanOpen(op.segment), ...op.ops, 'EMC');
          else {
            flush();
            segment(op.segment, () => doc.addContent(op.ops.join('\n')), '');
          }
        }
        n++;
        continue;
      }
      // A run of runs in one other language: one marked-content sequence; their own clusters nest inside it,
      // except a glyph that reports poppler's size (`own`): the sequence ends for it and it gets one of its own
      // with the language, as in the line's plain content (else poppler's structure text would end at its EMC).
      flush();
      let inner: string[] = [];
      let text = '';
      const flushInner = () => {
        if (inner.length) segment({ lang }, () => doc.addContent(sized(inner.join('\n'))), text);
        inner = [];
        text = '';
      };
      for (; n < order.length && runs[order[n]!]!.spanLang === lang; n++) {
        text += runs[order[n]!]!.text;
        font = runFonts[order[n]!];
        for (const op of opsOf(order[n]!)) {
          if (typeof op === 'string') inner.push(op);
          else if (op.own) {
            // Operators before it that show nothing (the run's Tf and Tm) go with it rather than alone.
            const lead = inner.some((o) => o.endsWith('TJ')) ? [] : inner.splice(0);
            flushInner();
            segment({ lang, ...op.segment }, () => doc.addContent([...lead, ...op.ops].join('\n')), '');
          } else inner.push(spanOpen(op.segment), ...op.ops, 'EMC');
        }
      }
      flushInner();
    }
    flush();
  });
  doc.addContent('ET\nQ');
}

/**
 * glyph-text.ts's units for a line's runs (with its plan key and faces), made by `make` once for every document
 * that draws the line while it lives: a material's files are rendered one after another from one layout, and a
 * press file draws the home file's Line objects, every card sheet and the press card the card's. Units depend on
 * the runs, the plan key and the faces' cmaps and advances only; the text codes and operators, which depend on the
 * document, are made per document (GlyphFonts.plan). A line drawn with other face objects (a test's own
 * FaceLookup) gets units of its own.
 */
function sharedUnits(line: Line, key: string, faces: readonly LoadedFace[], make: () => readonly GlyphUnit[][]): readonly GlyphUnit[][] {
  let byKey = unitsByLine.get(line);
  if (!byKey) unitsByLine.set(line, (byKey = new Map()));
  const known = byKey.get(key);
  if (known && known.faces.length === faces.length && known.faces.every((f, i) => f === faces[i])) return known.units;
  const units = make();
  byKey.set(key, { faces, units });
  return units;
}

/** sharedUnits' units by line and plan key, with the faces they were made with. */
const unitsByLine = new WeakMap<Line, Map<string, { readonly faces: readonly LoadedFace[]; readonly units: readonly GlyphUnit[][] }>>();

/** glyph-text.ts's plan for one run, with the font's cmap and advances. */
function planUnits(run: ShapedRun, face: LoadedFace, clusterActualText: boolean, rtlLine: PlanOptions['rtlLine']): GlyphUnit[] {
  const fk = face.fontkit as FontkitLike;
  const metrics = horizontalMetrics(fk);
  return planRun(run, {
    clusterActualText,
    ...(rtlLine ? { rtlLine } : {}),
    cmapGlyph: (cp) => fk.glyphForCodePoint(cp).id,
    pdfAdvance: (id) => metrics.advance(id),
  });
}

/**
 * Operators for one run, starting at the current text matrix (the run's left end): TJ for the glyphs, Ts for
 * y offsets, and the marked content glyph-text.ts asks for around clusters of RTL runs. A `sized` unit ends with
 * `popplerSize` set and an empty TJ (poppler takes the size for the /ActualText at its EMC), and the run's size
 * is set again after it.
 */
function runOperators(run: ShapedRun, font: PdfEmbeddedFont, face: LoadedFace, units: readonly GlyphUnit[], popplerSize: number | undefined): Op[] {
  const metrics = horizontalMetrics(face.fontkit as FontkitLike);
  const codes = fontCodes.get(font)!;
  const k = 1000 / run.face.unitsPerEm; // font units → TJ units (thousandths of an em)
  // Each glyph's origin from the run's start, in TJ units: HarfBuzz's advances and x offsets.
  const origin: number[] = [];
  let sum = 0;
  for (const g of run.glyphs) {
    origin.push((sum + g.dx) * k);
    sum += g.ax;
  }

  const out: Op[] = [];
  let ops: string[] = [];
  let parts: string[] = [];
  let hex = '';
  let pen = 0; // where the PDF's text position is, in TJ units from the run's start
  let rise = 0;
  const flushHex = () => {
    if (hex) parts.push(`<${hex}>`);
    hex = '';
  };
  const flushTJ = () => {
    flushHex();
    if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
    parts = [];
  };

  // The run's own size, set again before its next glyph after one that reported poppler's size.
  let restore: string | undefined;
  units.forEach((unit) => {
    if (unit.wrap.kind !== 'none') {
      flushTJ();
      out.push(...ops);
      ops = [];
    }
    if (restore !== undefined) ops.push(restore);
    restore = undefined;
    for (const { index, text } of unit.glyphs) {
      const g = run.glyphs[index]!;
      if (g.dy !== rise) {
        flushTJ();
        rise = g.dy;
        ops.push(`${num((rise * run.size) / run.face.unitsPerEm)} Ts`);
      }
      const gid = font.subset.includeGlyph(g.id);
      font.widths[gid] ??= metrics.advance(g.id) * font.scale;
      // A positive TJ number moves left: from where the previous glyph left the pen to this glyph's origin.
      const adjust = pen - origin[index]!;
      if (Math.abs(adjust) > ADJUST_EPSILON) {
        flushHex();
        parts.push(num(adjust));
      }
      // A glyph that reaches further in poppler (glyph-text.ts, popplerReach): character spacing moves the pen on
      // after it, and the next glyph's TJ position (from the pen as written, rounded) takes it back.
      const tc = unit.reach !== undefined ? num((unit.reach * run.size) / run.face.unitsPerEm) : '0';
      if (tc !== '0') {
        flushTJ();
        ops.push(`${tc} Tc`);
      }
      hex += hex4(codes.code(gid, text));
      pen = origin[index]! + font.widths[gid]! + (Number(tc) * 1000) / run.size;
      if (tc !== '0') {
        flushTJ();
        ops.push('0 Tc');
      }
    }
    if (unit.wrap.kind !== 'none') {
      flushTJ();
      const sized = unit.sized === true && popplerSize !== undefined;
      if (sized) ops.push(`/${font.id} ${num(popplerSize)} Tf`, '[] TJ');
      out.push({ segment: unit.wrap.kind === 'actual' ? { actual: unit.wrap.actual } : {}, ops, ...(sized ? { own: true } : {}) });
      if (sized) restore = `/${font.id} ${num(run.size)} Tf`;
      ops = [];
    }
  });
  flushTJ();
  if (rise !== 0) ops.push('0 Ts');
  return [...out, ...ops];
}

/** The opening operator of nested marked content for a segment. */
function spanOpen(segment: Segment): string {
  const props = [
    ...(segment.lang !== undefined ? [`/Lang ${pdfTextString(segment.lang)}`] : []),
    ...(segment.actual !== undefined ? [`/ActualText ${pdfTextString(segment.actual)}`] : []),
  ];
  return props.length ? `/Span <<${props.join(' ')}>> BDC` : '/Span BMC';
}

/** The default SegmentWriter (no tag recorder): segments as nested /Span marked content. */
function nestedSpans(doc: PdfKitDocument): SegmentWriter {
  return (segment, write) => {
    if (!segment) return write();
    doc.addContent(spanOpen(segment));
    write();
    doc.addContent('EMC');
  };
}

/** A PDF text string in UTF-16BE hex with BOM (any text, no escaping needed). */
function pdfTextString(text: string): string {
  let hex = 'feff';
  for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i));
  return `<${hex}>`;
}

/** TJ adjustments smaller than this (1/100000 em) are rounding noise and not written. */
const ADJUST_EPSILON = 1e-5;

/** The text codes of each embedded font (one per document and face). */
const fontCodes = new WeakMap<PdfEmbeddedFont, TextCodes>();
