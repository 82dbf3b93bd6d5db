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
  /**
   * Font units the PDF's pen goes beyond the unit's (single) glyph's /W advance, written as character spacing
   * (Tc) that the next glyph's TJ position takes back: poppler ends the unit's /ActualText box there
   * (`popplerReach`). Nothing moves on the page.
   */
  readonly reach?: number;
  /**
   * The unit (one glyph in /ActualText) reports its line's poppler font size at its EMC (`reportSize`,
   * poppler-blocks.ts): the writer sets that size and shows an empty TJ just before the EMC.
   */
  readonly sized?: boolean;
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
  /**
   * A glyph's advance as the PDF's /W gives it (the font's own, in font units), where poppler ends the glyph's
   * box. Without it no box is stretched (`popplerReach`).
   */
  readonly pdfAdvance?: (glyphId: number) => number;
  /** Set for the runs of an RTL line: whether the run comes logically right after / before an LTR run (`bidiEdges`). */
  readonly rtlLine?: { readonly afterLtr: boolean; readonly beforeLtr: boolean };
}

/** U+200F RIGHT-TO-LEFT MARK and U+200E LEFT-TO-RIGHT MARK: strong characters that readers drop as invisible. */
export const RLM = '\u200f';
export const LRM = '\u200e';

const MARK = /\p{Mn}/u;

/** The glyphs of each cluster in logical order, clusters in logical order. */
function clustersInLogicalOrder(run: ShapedRun): { start: number; text: string; glyphs: number[] }[] {
  return clustersInOrder(run) ?? clustersSorted(run);
}

/**
 * clustersInLogicalOrder in one pass, for the usual run whose glyphs, taken in logical order, never go back to an
 * earlier cluster (undefined otherwise). Same result as clustersSorted, without its set, map and sort per run of
 * every line, which were a few percent of renderPdf's time.
 */
function clustersInOrder(run: ShapedRun): { start: number; text: string; glyphs: number[] }[] | undefined {
  const n = run.glyphs.length;
  const rtl = run.direction === 'rtl';
  const at = (k: number) => (rtl ? n - 1 - k : k);
  for (let k = 1; k < n; k++) if (run.glyphs[at(k)]!.cluster < run.glyphs[at(k - 1)]!.cluster) return undefined;
  const out: { start: number; text: string; glyphs: number[] }[] = [];
  for (let k = 0; k < n; ) {
    const start = run.glyphs[at(k)]!.cluster;
    const glyphs: number[] = [];
    for (; k < n && run.glyphs[at(k)]!.cluster === start; k++) glyphs.push(at(k));
    out.push({ start, text: run.text.slice(start, k < n ? run.glyphs[at(k)]!.cluster : run.text.length), glyphs });
  }
  return out;
}

function clustersSorted(run: ShapedRun): { start: number; text: string; glyphs: number[] }[] {
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
    // A cluster's glyphs are in HarfBuzz order here, so its first glyph is the first one with its cluster value.
    const texts: string[] = new Array<string>(run.glyphs.length).fill(FILLER);
    for (const c of clustersInLogicalOrder(run)) texts[c.glyphs[0]!] = c.text;
    const units: GlyphUnit[] = [{ glyphs: texts.map((text, index) => ({ index, text })), wrap: { kind: 'none' } }];
    return opts.clusterActualText && opts.rtlLine ? bidiEdges(units, 'ltr', opts.rtlLine) : units;
  }
  const units: GlyphUnit[] = [];
  let plain: { index: number; text: string }[] = [];
  for (const group of popplerGroups(run, clustersInLogicalOrder(run), opts.clusterActualText)) {
    // The group's other clusters keep their glyphs' own text (pdf.js, MuPDF) and read as nothing in poppler.
    const silent = (c: Cluster): GlyphUnit[] =>
      splitCluster(run, c.glyphs, [...c.text], opts, '', '').map((u) => ({ glyphs: u.glyphs, wrap: { kind: 'actual', actual: '' } }));
    const text = (cs: readonly Cluster[]) => cs.map((c) => c.text).join('');
    const clusterUnits = [
      ...group.before.flatMap(silent),
      ...splitCluster(run, group.main.glyphs, [...group.main.text], opts, text(group.before), text(group.after)),
      ...group.after.flatMap(silent),
    ];
    for (const unit of clusterUnits) {
      if (unit.wrap.kind === 'none') plain.push(...unit.glyphs);
      else {
        if (plain.length) units.push({ glyphs: plain, wrap: { kind: 'none' } });
        plain = [];
        units.push(unit);
      }
    }
  }
  if (plain.length) units.push({ glyphs: plain, wrap: { kind: 'none' } });
  if (!opts.clusterActualText || !opts.rtlLine) return units;
  const edged = bidiEdges(units, 'rtl', opts.rtlLine);
  return opts.pdfAdvance ? popplerReach(run, edged, opts.pdfAdvance) : edged;
}

/** A cluster: its text and its glyphs in logical order. */
interface Cluster {
  readonly start: number;
  readonly text: string;
  readonly glyphs: readonly number[];
}

/** A cluster whose text poppler gets from `main`'s /ActualText, with that of the clusters before and after it. */
interface PopplerGroup {
  readonly before: readonly Cluster[];
  readonly main: Cluster;
  readonly after: Cluster[];
}

/**
 * poppler starts a new word when a glyph's baseline moves by more than half a point, and a new line when it moves
 * by more than half the font size (measured; docs/text-extraction.md); Nastaliq sets the letters of a word in a cascade high above the baseline, so pdftotext
 * printed them on lines of their own. /ActualText is placed at its first glyph's baseline, so the raised clusters'
 * text goes with the next cluster on the baseline (Nastaliq's last letter of the word); raised clusters at the
 * end of the run go with the cluster before them. Zero-advance joiners (ZWNJ, `isJoiner`) go with the cluster
 * before them too: their glyph sits on that letter's origin and poppler, taking it for overlapping duplicated
 * text, broke the line there. Without cluster /ActualText (inside an LTR line's) every cluster is its own group.
 */
function popplerGroups(run: ShapedRun, clusters: readonly Cluster[], regroup: boolean): PopplerGroup[] {
  if (!regroup) return clusters.map((main) => ({ before: [], main, after: [] }));
  const groups: { before: Cluster[]; main: Cluster; after: Cluster[] }[] = [];
  let raised: Cluster[] = [];
  for (const c of clusters) {
    const last = groups[groups.length - 1];
    if (isJoiner(run, c) && last && !raised.length) last.after.push(c);
    else if (isJoiner(run, c) || isRaised(run, c)) raised.push(c);
    else {
      groups.push({ before: raised, main: c, after: [] });
      raised = [];
    }
  }
  const last = groups[groups.length - 1];
  if (last) last.after.push(...raised);
  else groups.push(...raised.map((main) => ({ before: [], main, after: [] })));
  return groups;
}

/**
 * Baseline shift, as a fraction of the font size, beyond which poppler puts a word on another line
 * (docs/text-extraction.md). Smaller shifts only start a new word on the same line, which reads right;
 * moving those letters' text too would leave gaps in the line that poppler breaks it at.
 */
const POPPLER_LINE_DELTA = 0.5;

/** The glyph that carries the cluster's letters is set off the baseline by more than poppler keeps on the line. */
function isRaised(run: ShapedRun, cluster: Cluster): boolean {
  const carrier = cluster.glyphs.find((i) => run.glyphs[i]!.ax > 0) ?? cluster.glyphs[0]!;
  return Math.abs(run.glyphs[carrier]!.dy / run.face.unitsPerEm) > POPPLER_LINE_DELTA;
}

/** A cluster of format characters only (ZWNJ, ZWJ) that draws nothing and does not advance. */
function isJoiner(run: ShapedRun, cluster: { text: string; glyphs: readonly number[] }): boolean {
  return FORMAT_ONLY.test(cluster.text) && cluster.glyphs.every((i) => run.glyphs[i]!.ax === 0);
}

/** Out of the function: esbuild (target node20) turns a `\p{…}` literal into `new RegExp(…)`, made at every call. */
const FORMAT_ONLY = /^\p{Cf}+$/u;

const STRONG = /^[\p{L}\p{M}]/u;
/** One punctuation or symbol character (not a letter, mark, digit or space). */
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const STRONG_END = /[\p{L}\p{M}\p{N}]$/u;

/**
 * poppler's bidi on an RTL line (docs/text-extraction.md) is not Unicode's: going leftwards from the line's
 * right end, an RTL stretch runs until a strong LTR character *or anything poppler counts as a number* (digits and
 * `. , : / ،`), and an LTR stretch runs over everything until a strong RTL character. So a neutral that Unicode
 * (and our layout) puts next to an LTR run lands on the wrong side of it in pdftotext: the `.` or `)` drawn left of
 * `Home Office` (logically after it) joins the LTR stretch and comes out before it; a `]` that ends an LTR run at
 * the line's right edge becomes an RTL stretch of its own and comes out first; the ` / ` between two numbers
 * joins them and swaps them. A strong invisible mark in the edge glyph's /ActualText, on the side facing the LTR
 * run (poppler lays /ActualText out left to right over the glyph), ends the stretch there. pdf.js, MuPDF and the
 * structure text ignore /ActualText and read the glyph's own text; the marks are dropped as format characters.
 */
function bidiEdges(units: readonly GlyphUnit[], direction: 'ltr' | 'rtl', edges: { readonly afterLtr: boolean; readonly beforeLtr: boolean }): GlyphUnit[] {
  // Fields named, not spread: `{ ...g, unit }` per glyph was the costliest line of the PDF writer's text planning.
  const glyphs = units.flatMap((u) => u.glyphs.map((g) => ({ index: g.index, text: g.text, unit: u })));
  const marks = new Map<number, { before: string; after: string }>();
  // Only a plain glyph with text of its own (a cluster's mark glyph or FILLER never sits at a run's edge alone).
  const neutral = (g: (typeof glyphs)[number] | undefined, strong: RegExp) =>
    g !== undefined && g.unit.wrap.kind === 'none' && g.text !== FILLER && !strong.test(g.text);
  const add = (g: (typeof glyphs)[number], before: string, after: string) => {
    const m = marks.get(g.index) ?? { before: '', after: '' };
    marks.set(g.index, { before: m.before.endsWith(before) ? m.before : m.before + before, after: m.after.endsWith(after) ? m.after : m.after + after });
  };
  const first = glyphs[0];
  const last = glyphs[glyphs.length - 1];
  if (direction === 'ltr') {
    // An LTR run's logical end is its right edge: a neutral there gets LRM on its right.
    if (neutral(last, STRONG_END)) add(last!, '', LRM);
  } else {
    // An RTL run's logical end is its left edge: before an LTR run, a neutral there gets RLM on its left; its
    // logical start is its right edge: after an LTR run, a neutral there gets RLM on its right.
    if (edges.beforeLtr && neutral(last, STRONG)) add(last!, RLM, '');
    if (edges.afterLtr && neutral(first, STRONG)) add(first!, '', RLM);
    // Inside the run, punctuation that poppler may count as a number (`.` `،` `:`) followed by another neutral
    // (`. [`) would start an LTR stretch that takes the neutral along: RLM on its left ends it there.
    glyphs.forEach((g, i) => {
      if (!PUNCTUATION.test(g.text) || !neutral(g, STRONG)) return;
      // The next glyph with text of its own, looked for only after punctuation (a slice per glyph was quadratic).
      let j = i + 1;
      while (j < glyphs.length && glyphs[j]!.text === FILLER) j++;
      const next = glyphs[j];
      if (next && !STRONG.test(next.text)) add(g, RLM, '');
    });
  }
  if (!marks.size) return [...units];
  return isolateGlyphs(units, (g) => {
    const m = marks.get(g.index);
    return m && { glyphs: [g], wrap: { kind: 'actual', actual: m.before + g.text + m.after } };
  });
}

/**
 * The units, with every glyph that `own` gives a unit of its own taken out of its unit into that one; the glyphs
 * before and after it stay together with their unit's wrap, in order. A unit none of whose glyphs is taken out is
 * kept as it is.
 */
function isolateGlyphs(units: readonly GlyphUnit[], own: (g: GlyphUnit['glyphs'][number], unit: GlyphUnit) => GlyphUnit | undefined): GlyphUnit[] {
  const out: GlyphUnit[] = [];
  for (const unit of units) {
    const owned = unit.glyphs.map((g) => own(g, unit));
    if (owned.every((u) => u === undefined)) {
      out.push(unit);
      continue;
    }
    let plain: GlyphUnit['glyphs'][number][] = [];
    const flush = () => {
      if (plain.length) out.push({ glyphs: plain, wrap: unit.wrap });
      plain = [];
    };
    unit.glyphs.forEach((g, i) => {
      const u = owned[i];
      if (!u) {
        plain.push(g);
        return;
      }
      flush();
      out.push(u);
    });
    flush();
  }
  return out;
}

/**
 * Gap between two letters of a word, as a fraction of the font size, above which poppler's box of the left one is
 * stretched to meet the right one (`popplerReach`). poppler prints a space between two words of a line more than
 * 0.03 font sizes apart (`maxCharSpacing`), joins a word lying beside a one-line block only within one font size
 * (`minColSpacing2`) and starts another line beyond 1.5 (`maxWordSpacing`; docs/text-extraction.md). Nastaliq's
 * letters leave gaps of 0.2 to 1.0 font sizes in poppler's boxes; Naskh's, none worth a span of marked content.
 */
const POPPLER_GAP = 0.1;

/**
 * poppler's box of a glyph ends at its /W advance (the font's hmtx, which PDF/A requires /W to repeat), but a
 * cursive Nastaliq letter's shaped advance, where HarfBuzz puts the letter logically before it, can reach a whole
 * font size further: the pe of `اپنے` is drawn across that space, yet pdftotext printed `ا` apart from `پنے`
 * (in another block, after the next line's bullet, in a one-line heading) and put spaces inside words (`د ینا`).
 * So where a letter's box falls short of the next box to its right (logically the previous letter of the word) by
 * more than POPPLER_GAP, the letter's glyph goes in /ActualText of its own text and the PDF's pen goes on to that
 * box (`reach`, written as Tc, taken back by the next TJ position): poppler ends an /ActualText's box at its last
 * glyph's pen position. The text stays on its own glyph and in order; pdf.js and MuPDF read the glyphs' own text
 * as before, and nothing moves on the page. Spaces keep their gap (it is a word gap).
 */
function popplerReach(run: ShapedRun, units: readonly GlyphUnit[], pdfAdvance: (glyphId: number) => number): GlyphUnit[] {
  let sum = 0;
  const origin = run.glyphs.map((g) => {
    const at = sum + g.dx;
    sum += g.ax;
    return at;
  });
  const end = (i: number) => origin[i]! + pdfAdvance(run.glyphs[i]!.id);
  // poppler's text boxes in writing (logical) order: a plain glyph's, or a non-empty /ActualText's.
  const boxes: { unit: number; glyph: number | undefined; text: string; left: number; right: number }[] = [];
  units.forEach((u, unit) => {
    if (u.wrap.kind === 'actual') {
      if (u.wrap.actual === '') return;
      const a = u.glyphs[0]!.index;
      const b = u.glyphs[u.glyphs.length - 1]!.index;
      const glyph = u.glyphs.length === 1 ? a : undefined;
      boxes.push({ unit, glyph, text: u.wrap.actual, left: Math.min(origin[a]!, end(b)), right: Math.max(origin[a]!, end(b)) });
    } else {
      for (const g of u.glyphs) if (g.text !== FILLER) boxes.push({ unit, glyph: g.index, text: g.text, left: origin[g.index]!, right: end(g.index) });
    }
  });
  const reach = new Map<number, number>();
  for (let k = 1; k < boxes.length; k++) {
    const before = boxes[k - 1]!;
    const box = boxes[k]!;
    if (box.glyph === undefined || /\s/u.test(before.text) || /\s/u.test(box.text)) continue;
    const gap = before.left - box.right;
    if (gap > POPPLER_GAP * run.face.unitsPerEm) reach.set(box.glyph, gap);
  }
  if (!reach.size) return [...units];
  // A one-glyph /ActualText unit reaches as it is; a plain unit's glyph goes into /ActualText of its own text.
  const reaching = units.map((unit) => {
    const r = unit.wrap.kind === 'actual' && unit.glyphs.length === 1 ? reach.get(unit.glyphs[0]!.index) : undefined;
    return r === undefined ? unit : { ...unit, reach: r };
  });
  return isolateGlyphs(reaching, (g, unit) => {
    const r = unit.wrap.kind === 'actual' ? undefined : reach.get(g.index);
    return r === undefined ? undefined : { glyphs: [g], wrap: { kind: 'actual', actual: g.text }, reach: r };
  });
}

/**
 * One RTL cluster, glyphs in logical order. With several glyphs, each combining mark (ّ ً ٔ …) goes to the glyph
 * the font's cmap gives it (else to a zero-advance glyph) and is written in its own marked content; the other
 * characters go to the first glyph with an advance, which keeps its own box (poppler places a glyph's text in it);
 * glyphs left without text (dots drawn as separate glyphs) carry FILLER inside an empty /ActualText, so poppler
 * skips them.
 */
function splitCluster(run: ShapedRun, glyphs: readonly number[], chars: readonly string[], opts: PlanOptions, leading: string, trailing: string): GlyphUnit[] {
  // poppler reverses an RTL line character by character (each glyph's text laid out left to right over its box),
  // so a glyph whose text is a letter with a mark or a joiner after it would read backwards; its /ActualText
  // holds the text reversed, which poppler reverses back. pdf.js and MuPDF ignore /ActualText.
  const needsActual = opts.clusterActualText && (leading !== '' || trailing !== '' || chars.some((ch) => MARK.test(ch)));
  // Only made when needed (most clusters need none): the arrays per cluster showed in the writer's profile.
  const popplerText = needsActual ? [...leading, ...chars, ...trailing].reverse().join('') : '';
  if (glyphs.length === 1)
    return [{ glyphs: [{ index: glyphs[0]!, text: chars.join('') }], wrap: needsActual ? { kind: 'actual', actual: popplerText } : { kind: 'none' } }];
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
  const letters = glyphs.find((i) => text.has(i) && !MARK.test(text.get(i)!));
  if (needsActual && letters !== undefined) {
    // A mark glyph of its own, drawn over its letter, lands before the letter in poppler's order (or, raised by
    // text rise, in a word of its own). So the letter's glyph carries the whole cluster in its /ActualText and the
    // other glyphs read as nothing in poppler; pdf.js and MuPDF read every glyph's own text as before.
    return glyphs.map((index) => ({
      glyphs: [{ index, text: text.get(index) ?? FILLER }],
      wrap: { kind: 'actual', actual: index === letters ? popplerText : '' },
    }));
  }
  return glyphs.map((index) => {
    const t = text.get(index);
    if (t === undefined) return { glyphs: [{ index, text: FILLER }], wrap: opts.clusterActualText ? { kind: 'actual', actual: '' } : { kind: 'none' } };
    return { glyphs: [{ index, text: t }], wrap: MARK.test(t) ? { kind: 'span' } : { kind: 'none' } };
  });
}

/** Text that poppler keeps as a character of a word (not a space, a format character or nothing). */
const VISIBLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/**
 * The run's glyph at the `side` edge of the line in poppler's boxes, put in an /ActualText of its own that reports
 * the line's poppler size (`sized`); undefined when the run has no glyph poppler reads (spaces only).
 *
 * Why an edge glyph: RTL lines have no line /ActualText (poppler reverses it, docs/text-extraction.md), so only a
 * glyph's own /ActualText can report a size, and poppler gives it a word of its own (`TextPage::addChar` starts a
 * word where the font size changes; without a gap between the boxes no space is printed). `TextPage::coalesce`
 * starts a block from the leftmost word of the top rows and takes its font size for the line-spacing test, so the
 * leftmost glyph of every line of the paragraph reports it; it then grows the block to words on the next line
 * that overlap the block horizontally and have that size within 5%, and takes in the rest of a line it reached
 * (words within 60% of the size): the rightmost glyph, where an RTL paragraph's lines are aligned, reports it too.
 *
 * Writing order is position order for LTR and its reverse for RTL (RTL runs are written right to left). A glyph
 * already in /ActualText of its own keeps its text; a plain glyph gets its own text, reversed in an RTL run as
 * splitCluster writes cluster texts (poppler lays an /ActualText out left to right and reverses RTL lines), so
 * poppler reads the same characters. pdf.js, MuPDF and the structure text ignore /ActualText.
 */
export function reportSize(units: readonly GlyphUnit[], direction: 'ltr' | 'rtl', side: 'left' | 'right'): GlyphUnit[] | undefined {
  const pick = firstRead(units, (side === 'left') === (direction === 'ltr'));
  if (!pick) return undefined;
  const unit = units[pick.u]!;
  const out = [...units];
  if (unit.wrap.kind === 'actual') {
    out[pick.u] = { ...unit, sized: true };
    return out;
  }
  const glyph = unit.glyphs[pick.g]!;
  const text = direction === 'rtl' ? [...glyph.text].reverse().join('') : glyph.text;
  const split: GlyphUnit[] = [
    ...(pick.g > 0 ? [{ glyphs: unit.glyphs.slice(0, pick.g), wrap: unit.wrap }] : []),
    { glyphs: [glyph], wrap: { kind: 'actual', actual: text }, sized: true },
    ...(pick.g < unit.glyphs.length - 1 ? [{ glyphs: unit.glyphs.slice(pick.g + 1), wrap: unit.wrap }] : []),
  ];
  out.splice(pick.u, 1, ...split);
  return out;
}

/**
 * The first (`forward`) or last unit and glyph that poppler reads as text: a non-empty /ActualText (its first
 * glyph), or a plain glyph with visible text of its own. Looked for from that end only: listing every glyph of the
 * line's runs, twice per RTL line, was the costliest part of reportSize.
 */
function firstRead(units: readonly GlyphUnit[], forward: boolean): { u: number; g: number } | undefined {
  const n = units.length;
  for (let k = 0; k < n; k++) {
    const u = forward ? k : n - 1 - k;
    const unit = units[u]!;
    if (unit.wrap.kind === 'actual') {
      if (VISIBLE.test(unit.wrap.actual)) return { u, g: 0 };
    } else if (unit.wrap.kind === 'none') {
      const m = unit.glyphs.length;
      for (let j = 0; j < m; j++) {
        const g = forward ? j : m - 1 - j;
        const text = unit.glyphs[g]!.text;
        if (text !== FILLER && VISIBLE.test(text)) return { u, g };
      }
    }
  }
  return undefined;
}
