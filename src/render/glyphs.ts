import type { LoadedFace } from '../fonts/types.ts';
import type { Glyph, Line, ShapedRun } from '../text/types.ts';
import { fillColorOp } from './color.ts';
import type { Color } from '../layout/frame.ts';
import { num } from './number.ts';
import type { PdfEmbeddedFont, PdfKitDocument } from './pdfkit-internals.ts';

/**
 * drawGlyphs: put a set Line on the page glyph by glyph, exactly as the text engine shaped and measured it.
 *
 * Why this way (of the two proven in TEXT-FACTS.md): we drive pdfkit's EmbeddedFont one level down — its fontkit
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
 */

/** Glyph lookup: manifest face id → the face opened once by the font registry. */
export type FaceLookup = (faceId: string) => LoadedFace;

/** The fontkit glyph fields we read (fontkit ships no types). */
interface FontkitGlyph {
  readonly advanceWidth: number;
}
interface FontkitLike {
  getGlyph(id: number): FontkitGlyph;
}

/** Per document: the pdfkit font for each face id, created on first use (pdfkit names them F1, F2, … in order). */
export class GlyphFonts {
  private readonly fonts = new Map<string, PdfEmbeddedFont>();
  constructor(
    private readonly doc: PdfKitDocument,
    private readonly faces: FaceLookup,
  ) {}

  /** The embedded font for a face, registered on the current page's resources. */
  forPage(faceId: string): { font: PdfEmbeddedFont; face: LoadedFace } {
    const face = this.faces(faceId);
    let font = this.fonts.get(faceId);
    if (!font) {
      // The face id is the cache key, so bold and regular of a family stay separate fonts in the PDF.
      this.doc.font(face.fontkit, faceId);
      font = this.doc._font;
      this.fonts.set(faceId, font);
    }
    const page = this.doc.page;
    if (page.fonts[font.id] === undefined) page.fonts[font.id] = font.ref();
    return { font, face };
  }
}

/**
 * Draw `line` with its baseline-start at (x, y) in the current (top-left origin, y down) user space.
 * Runs are drawn in the order given (visual order); each run's glyphs in HarfBuzz order (visual for RTL too).
 *
 * `mark` wraps the glyph-showing operators in the line's marked content. It is called inside the text object,
 * after the first font and text matrix are set: poppler places /ActualText using the graphics state at EMC
 * (CTM, font, text matrix), so the marked content must end while that state still describes the drawn glyphs —
 * with EMC after `Q` pdftotext sees a flipped, zero-size line and reverses the page's reading order.
 */
export function drawGlyphs(
  doc: PdfKitDocument,
  fonts: GlyphFonts,
  line: Line,
  x: number,
  y: number,
  color: Color,
  cmyk: boolean,
  mark: (inner: () => void) => void = (inner) => inner(),
): void {
  // No `cm` here: the text matrix alone flips text upright (pdfkit's page CTM has y down), so the CTM is the same
  // inside and outside the line.
  const runs = line.runs.filter((r) => r.glyphs.length > 0);
  let pen = 0;
  const runOps = runs.map((run) => {
    const { font, face } = fonts.forPage(run.face.id);
    const ops = [`/${font.id} ${num(run.size)} Tf`, `1 0 0 -1 ${num(x + pen)} ${num(y)} Tm`, ...runOperators(run, font, face)];
    pen += (run.glyphs.reduce((sum, g) => sum + g.ax, 0) * run.size) / run.face.unitsPerEm;
    return ops;
  });
  const first = runOps[0] ?? [];
  doc.addContent(['q', fillColorOp(color, cmyk), 'BT', ...first.slice(0, 2)].join('\n'));
  mark(() => {
    // Runs in another language than the line (ShapedRun.spanLang) get a nested /Span with their /Lang around
    // their operators (ISO 32000-1 §14.9.2); neighbours in the same language share one. Only /Lang: the line's
    // /ActualText already replaces everything inside it, and an inner /ActualText breaks extraction — measured
    // with poppler 22.12, it ends the line's replacement text early, so pdftotext printed `Home Office আজ।`
    // for `কল করুন Home Office আজ।`. With /Lang alone, pdftotext output is unchanged (tests/unit/render/span-lang).
    let body: string[] = [];
    let open: string | undefined;
    const flush = () => {
      if (body.length) doc.addContent(body.join('\n'));
      body = [];
    };
    runs.forEach((run, i) => {
      if (run.spanLang !== open) {
        flush();
        if (open !== undefined) doc.endMarkedContent();
        if (run.spanLang !== undefined) doc.markContent('Span', { lang: run.spanLang });
        open = run.spanLang;
      }
      body.push(...(i === 0 ? first.slice(2) : runOps[i]!));
    });
    flush();
    if (open !== undefined) doc.endMarkedContent();
  });
  doc.addContent('ET\nQ');
}

/** TJ/Ts operators for one run, starting at the current text matrix. */
function runOperators(run: ShapedRun, font: PdfEmbeddedFont, face: LoadedFace): string[] {
  const fk = face.fontkit as FontkitLike;
  const k = 1000 / run.face.unitsPerEm; // font units → TJ units (thousandths of an em)
  const clusterText = clusterTexts(run);
  const ops: string[] = [];
  let parts: string[] = [];
  let hex = '';
  let pending = 0;
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

  run.glyphs.forEach((g, i) => {
    if (g.dy !== rise) {
      flushTJ();
      rise = g.dy;
      ops.push(`${num((rise * run.size) / run.face.unitsPerEm)} Ts`);
    }
    const gid = encodeGlyph(font, fk, g, clusterText[i]!);
    const adjust = pending - g.dx * k;
    if (Math.abs(adjust) > ADJUST_EPSILON) {
      flushHex();
      parts.push(num(adjust));
    }
    hex += gid.toString(16).padStart(4, '0');
    pending = font.widths[gid]! - g.ax * k + g.dx * k;
  });
  flushTJ();
  if (rise !== 0) ops.push('0 Ts');
  return ops;
}

/** TJ adjustments smaller than this (1/100000 em) are rounding noise and not written. */
const ADJUST_EPSILON = 1e-5;

/** Per font: subset ids whose ToUnicode entry came from a cluster's first glyph (a real mapping). */
const primaryMapped = new WeakMap<PdfEmbeddedFont, Set<number>>();

/**
 * Add a glyph to the font's subset, record its width and its Unicode text. Returns the CID.
 * ToUnicode has one entry per glyph for the whole document, so: the logically first glyph of a cluster maps to
 * the cluster's text (first such use wins); a glyph seen only as a cluster's second, third… glyph (Arabic dots
 * and Nastaliq pieces in Noto, split vowels) maps to nothing, so tools that ignore /ActualText do not print the
 * cluster's letters twice. A later first-glyph use replaces that empty mapping.
 */
function encodeGlyph(font: PdfEmbeddedFont, fk: FontkitLike, g: Glyph, cluster: ClusterText): number {
  const gid = font.subset.includeGlyph(g.id);
  font.widths[gid] ??= fk.getGlyph(g.id).advanceWidth * font.scale;
  let mapped = primaryMapped.get(font);
  if (!mapped) primaryMapped.set(font, (mapped = new Set()));
  if (cluster.first && !mapped.has(gid)) {
    font.unicode[gid] = [...cluster.text].map((c) => c.codePointAt(0)!);
    mapped.add(gid);
  } else if (font.unicode[gid] === undefined) {
    font.unicode[gid] = [];
  }
  return gid;
}

/** The text of a glyph's cluster, and whether the glyph is the cluster's first in logical order. */
export interface ClusterText {
  readonly text: string;
  readonly first: boolean;
}

/**
 * For each glyph, the text of its whole cluster (from its cluster offset to the next larger cluster offset in the
 * run) and whether it is the cluster's logically first glyph: the first in array order for LTR runs, the last for
 * RTL runs (HarfBuzz reverses RTL output, so a cluster's glyphs appear last-to-first).
 */
export function clusterTexts(run: ShapedRun): ClusterText[] {
  const starts = [...new Set(run.glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const end = new Map<number, number>();
  starts.forEach((s, i) => end.set(s, starts[i + 1] ?? run.text.length));
  const firstIndex = new Map<number, number>();
  run.glyphs.forEach((g, i) => {
    if (run.direction === 'rtl' || !firstIndex.has(g.cluster)) firstIndex.set(g.cluster, i);
  });
  return run.glyphs.map((g, i) => ({ text: run.text.slice(g.cluster, end.get(g.cluster)), first: firstIndex.get(g.cluster) === i }));
}
