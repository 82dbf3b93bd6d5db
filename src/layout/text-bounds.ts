import type { Line, LayoutOptions, Paragraph, ParagraphLayout } from '../text/types.ts';
import type { SetText } from './types.ts';

/**
 * Lower bounds on set text, for fit-size.ts `below`: from the layouts one attempt made at a size, what every
 * paragraph is AT LEAST at a larger size, without setting it there. A material's attempt is re-run with
 * `boundingSetText` in place of the text engine; where the attempt sets a paragraph larger (or in a narrower
 * measure) than in the recorded attempt, it gets as many lines as it had there, each `size × lowest line height
 * per em` tall. Where it sets it exactly as before (notes, captions at a fixed size) it gets the recorded layout.
 *
 * Why that is a lower bound (docs/text-engine.md, "Shrink-to-fit: a bisection that proves its answer"):
 * 1. Lines never get fewer as the size grows or the measure narrows. The engine fills lines greedily
 *    (text/layout-paragraph.ts fillLines): each line takes the furthest break opportunity whose content fits, else
 *    the furthest grapheme cut that fits, else one grapheme, or a stretch whose closing punctuation hangs. Content
 *    widths are sums of glyph advances × size / unitsPerEm, so with advances ≥ 0 whatever fits at a size fits at
 *    a smaller one (and in a wider measure), and by induction line k ends no later at the larger size. Rounding
 *    cannot undo that: different sizes of a grid differ by ≥ 5e-7 of the size (A2's last two: 19.799 pt, rounded,
 *    and 14 × √2), the sums' rounding error is ~1e-12 of it. (A4's rounded 9.899 pt is even below its last size,
 *    14 × √½: a "larger" size that is smaller is refused below, like any smaller size.)
 * 2. A line is as tall as the tallest ascent plus the deepest descent of the faces on it, so at least one face's
 *    ascent + descent, at least the lowest of the faces the paragraph can use. Those faces all show on the
 *    paragraph set without a measure (one line per hard line; re-shaping a line end keeps the face), except
 *    whitespace that hangs at a hard line's end, which hangs at every size. A line without glyphs takes the
 *    language's first face instead, which may be none of them: that only happens to a line of whitespace, so text
 *    whose hard lines start with whitespace gets no bound (nor does text with a negative glyph advance).
 * The bound is shaved by 1e-9 so the rounding of a line's height cannot put it above the real one.
 *
 * The material's own composition (sums of rows, maxima, gaps in proportion to the size, fixed parts) must rise
 * with every line's height and count; each caller says why in its doc comment.
 */

/** One call of the text setter during an attempt. */
export interface SetTextCall {
  readonly paragraph: Paragraph;
  readonly options: LayoutOptions;
  readonly layout: ParagraphLayout;
}

/** The text setter, recording each call in order (the attempt's result keeps `calls` as its bound's basis). */
export function recordingSetText(setText: SetText): { readonly setText: SetText; readonly calls: SetTextCall[] } {
  const calls: SetTextCall[] = [];
  return {
    calls,
    setText: (paragraph, options) => {
      const layout = setText(paragraph, options);
      calls.push({ paragraph, options, layout });
      return layout;
    },
  };
}

/**
 * A text setter answering the same calls as `basis`, in the same order, with lower bounds (see above). `sound()`
 * is false when an answer was not a bound (a call the basis did not make, a smaller size or wider measure than
 * recorded, text the bound does not cover): the caller then has no bound and must lay the size out.
 */
export function boundingSetText(basis: readonly SetTextCall[], setText: SetText): { readonly setText: SetText; readonly sound: () => boolean } {
  let next = 0;
  let sound = true;
  const refuse = (): ParagraphLayout => {
    sound = false;
    return NOTHING;
  };
  return {
    sound: () => sound,
    setText: (paragraph, options) => {
      const call = basis[next++];
      if (!sound || !call || call.paragraph !== paragraph || call.options.leading !== options.leading) return refuse();
      // Same options: the recorded layout itself. No lines: empty text, which has none at any size.
      if ((options.size === call.options.size && options.width === call.options.width) || call.layout.lines.length === 0) return call.layout;
      if (options.size < call.options.size || options.width > call.options.width) return refuse();
      const em = lowestLineEm(paragraph, setText);
      if (em === undefined) return refuse();
      const line = boundLine(options.size * em * (1 - 1e-9));
      return { lines: call.layout.lines.map(() => line), missing: [], maxWidth: 0, height: 0 };
    },
  };
}

const NOTHING: ParagraphLayout = { lines: [], missing: [], maxWidth: 0, height: 0 };

/** A glyphless line of the given ascent + descent (its other fields are never read for a height). */
function boundLine(height: number): Line {
  return { runs: [], width: 0, ascent: height, descent: 0, text: '', direction: 'ltr', start: 0, end: 0 };
}

/** A measure no text reaches: lines end only at hard breaks. */
const UNMEASURED = Number.MAX_VALUE;
/** Size of the probe: the faces and their ratios do not depend on it. */
const PROBE_PT = 10;

/** Per paragraph object (read-only plain data) and text setter: the lowest line height per em, or undefined. */
const lowest = new WeakMap<SetText, WeakMap<Paragraph, number | null>>();

/** Lowest ascent + descent per em of the faces the paragraph can put on a line; undefined when no bound holds. */
function lowestLineEm(paragraph: Paragraph, setText: SetText): number | undefined {
  let memo = lowest.get(setText);
  if (!memo) lowest.set(setText, (memo = new WeakMap()));
  let em = memo.get(paragraph);
  if (em === undefined) {
    em = probe(paragraph, setText);
    memo.set(paragraph, em);
  }
  return em ?? undefined;
}

function probe(paragraph: Paragraph, setText: SetText): number | null {
  const layout = setText(paragraph, { width: UNMEASURED, size: PROBE_PT, leading: 1 });
  let em = Infinity;
  for (const line of layout.lines) {
    if (line.runs.length === 0 || /^\s/u.test(line.text)) return null;
    for (const run of line.runs) {
      for (const g of run.glyphs) if (g.ax < 0) return null;
      em = Math.min(em, (run.face.ascent + run.face.descent) / run.face.unitsPerEm);
    }
  }
  return Number.isFinite(em) ? em : null;
}
