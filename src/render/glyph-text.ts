import type { ShapedRun } from '../text/types.ts';

/**
 * glyphText: which Unicode text each drawn glyph carries, and in which order the glyphs are written to the content
 * stream, so that text extraction gives the logical text in poppler, pdf.js and MuPDF alike. The measurements
 * behind every rule are in docs/text-extraction.md; in short:
 *
 * - Each glyph occurrence has its own text (text-codes.ts makes that possible). A cluster's logically first glyph
 *   carries the cluster's text; its other glyphs carry FILLER, because MuPDF prints U+FFFD for a glyph without
 *   text and pdf.js prints the raw character code.
 * - RTL runs are written in logical order (right to left on the page, the text matrix stepping back per glyph):
 *   MuPDF 1.21 and pdf.js (per text item) keep stream order, poppler orders by position and does not care.
 * - In an RTL cluster of several glyphs, each combining mark gets its own glyph's text and its own marked content
 *   (pdf.js ends a text item at marked content, so its bidi pass cannot swap a mark with its base letter), the
 *   letters go to the glyph with an advance, and FILLER glyphs sit in an empty /ActualText, which poppler skips.
 */

/** Text for glyphs that draw part of a cluster whose text another glyph already carries (U+2060 WORD JOINER). */
export const FILLER = '\u2060';

/** How a unit of glyphs is wrapped in the content stream. */
export type UnitWrap =
  | { readonly kind: 'none' }
  /** `/Span BMC … EMC`: its own text item in pdf.js. */
  | { readonly kind: 'span' }
  /** `/Span <</ActualText …>> BDC … EMC`: poppler reads `actual` instead of the glyphs' text. */
  | { readonly kind: 'actual'; readonly actual: string };

/** Glyphs written together: indices into run.glyphs in writing order, with the text each one carries. */
export interface GlyphUnit {
  readonly glyphs: readonly { readonly index: number; readonly text: string }[];
  readonly wrap: UnitWrap;
}

/** Options for `planRun`. */
export interface PlanOptions {
  /**
   * Wrap clusters in /ActualText (RTL runs only). Off inside a line that has its own /ActualText: poppler ends
   * the outer replacement text at a nested one.
   */
  readonly clusterActualText: boolean;
  /** The glyph id the font's cmap gives a code point (before any substitution), to find a mark's own glyph. */
  readonly cmapGlyph: (codePoint: number) => number;
}

const MARK = /\p{Mn}/u;

/** The glyphs of each cluster in logical order, clusters in logical order. */
function clustersInLogicalOrder(run: ShapedRun): { start: number; text: string; glyphs: number[] }[] {
  const starts = [...new Set(run.glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const byStart = new Map(starts.map((s, i) => [s, { start: s, text: run.text.slice(s, starts[i + 1] ?? run.text.length), glyphs: [] as number[] }]));
  // HarfBuzz returns RTL runs in visual order, i.e. the logical order reversed (marks before their base).
  const order = run.glyphs.map((_, i) => i);
  if (run.direction === 'rtl') order.reverse();
  for (const i of order) byStart.get(run.glyphs[i]!.cluster)!.glyphs.push(i);
  return [...byStart.values()];
}

/** Plan one run: units in writing order. */
export function planRun(run: ShapedRun, opts: PlanOptions): GlyphUnit[] {
  if (run.direction === 'ltr') {
    // Visual order is logical order; one unit, so the TJ operators stay as compact as before.
    const first = new Map<number, number>();
    run.glyphs.forEach((g, i) => {
      if (!first.has(g.cluster)) first.set(g.cluster, i);
    });
    const text = new Map(clustersInLogicalOrder(run).map((c) => [c.start, c.text]));
    return [{ glyphs: run.glyphs.map((g, i) => ({ index: i, text: first.get(g.cluster) === i ? text.get(g.cluster)! : FILLER })), wrap: { kind: 'none' } }];
  }
  const units: GlyphUnit[] = [];
  let plain: { index: number; text: string }[] = [];
  for (const cluster of clustersInLogicalOrder(run)) {
    for (const unit of splitCluster(run, cluster.glyphs, [...cluster.text], opts)) {
      if (unit.wrap.kind === 'none') plain.push(...unit.glyphs);
      else {
        if (plain.length) units.push({ glyphs: plain, wrap: { kind: 'none' } });
        plain = [];
        units.push(unit);
      }
    }
  }
  if (plain.length) units.push({ glyphs: plain, wrap: { kind: 'none' } });
  return units;
}

/**
 * One RTL cluster, glyphs in logical order. With several glyphs, each combining mark (ّ ً ٔ …) goes to the glyph
 * the font's cmap gives it (else to a zero-advance glyph) and is written in its own marked content; the other
 * characters go to the first glyph with an advance, which keeps its own box (poppler places a glyph's text in it);
 * glyphs left without text (dots drawn as separate glyphs) carry FILLER inside an empty /ActualText, so poppler
 * skips them.
 */
function splitCluster(run: ShapedRun, glyphs: readonly number[], chars: readonly string[], opts: PlanOptions): GlyphUnit[] {
  if (glyphs.length === 1) return [{ glyphs: [{ index: glyphs[0]!, text: chars.join('') }], wrap: { kind: 'none' } }];
  const text = new Map<number, string>();
  const rest: string[] = [];
  for (const ch of chars) {
    if (MARK.test(ch)) {
      const own = opts.cmapGlyph(ch.codePointAt(0)!);
      const free = (i: number) => !text.has(i);
      const at = glyphs.find((i) => free(i) && run.glyphs[i]!.id === own) ?? glyphs.find((i) => free(i) && run.glyphs[i]!.ax === 0);
      if (at !== undefined) {
        text.set(at, ch);
        continue;
      }
    }
    rest.push(ch);
  }
  if (rest.length) {
    const base = glyphs.find((i) => !text.has(i) && run.glyphs[i]!.ax > 0) ?? glyphs.find((i) => !text.has(i));
    // Every glyph already carries a mark: the letters join the first glyph's text.
    const at = base ?? glyphs[0]!;
    text.set(at, base === undefined ? rest.join('') + text.get(at)! : rest.join(''));
  }
  return glyphs.map((index) => {
    const t = text.get(index);
    if (t === undefined) return { glyphs: [{ index, text: FILLER }], wrap: opts.clusterActualText ? { kind: 'actual', actual: '' } : { kind: 'none' } };
    return { glyphs: [{ index, text: t }], wrap: MARK.test(t) ? { kind: 'span' } : { kind: 'none' } };
  });
}
