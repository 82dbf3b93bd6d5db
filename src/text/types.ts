/**
 * The data that flows through the text engine (see docs/architecture.md):
 * Paragraph ─itemize→ Item[] ─shape+fallback→ ShapedRun[] ─linebreak+reorder→ Line[].
 * Offsets are UTF-16 indices into the paragraph's NFC text, always on code-point boundaries.
 * Glyph numbers are in font units; widths and heights on runs and lines are in points.
 */

import type { Direction } from '../content/languages.ts';
import type { FaceRef, Weight } from '../fonts/types.ts';

/** Defined with the language table, which gives every language its direction. */
export type { Direction };
/** Defined with the font registry, which the text engine shapes with. */
export type { FaceRef, Weight };

/** A span of the paragraph with its own style. Spans cover the text without gaps or overlaps. */
export interface StyledSpan {
  readonly start: number;
  readonly end: number;
  readonly weight: Weight;
  /** BCP 47 tag when this span is in another language than the paragraph (e.g. an English name inside Arabic). */
  readonly lang?: string;
}

/** What the layout asks the text engine to set. */
export interface Paragraph {
  /** Logical text, NFC. `\n` is a forced line break. */
  readonly text: string;
  /** BCP 47 language of the paragraph; decides base direction, fonts and line-breaking rules. */
  readonly lang: string;
  readonly spans: readonly StyledSpan[];
  /**
   * The project's source language, for marking text a translator kept in it (see text/span-language.ts): runs
   * in its script inside a paragraph whose language is written in another script get it as `spanLang`.
   * Accessibility only — never changes shaping or fonts. Unset = `DEFAULT_SOURCE_LANG` (`en`).
   */
  readonly sourceLang?: string;
}

/** A maximal stretch with one bidi level, script, language and weight. */
export interface Item {
  readonly start: number;
  readonly end: number;
  /** UAX #9 embedding level: even = LTR, odd = RTL. */
  readonly level: number;
  /** ISO 15924 code, e.g. `Arab`, `Latn`, `Hans`. */
  readonly script: string;
  /** BCP 47 tag given to the shaper. */
  readonly lang: string;
  readonly weight: Weight;
}

/** One positioned glyph, exactly as HarfBuzz returned it (font units). */
export interface Glyph {
  /** Glyph id in the face's font file. */
  readonly id: number;
  /** UTF-16 offset into the run's `text` of the cluster this glyph belongs to. */
  readonly cluster: number;
  readonly ax: number;
  readonly dx: number;
  readonly dy: number;
}

/** A run of glyphs in one face, one direction. Everything the renderer needs; nothing is re-shaped after this. */
export interface ShapedRun {
  /** Logical text of the run (a slice of the paragraph text). */
  readonly text: string;
  /** Offset of `text` in the paragraph. */
  readonly start: number;
  readonly face: FaceRef;
  /** Font size in points. */
  readonly size: number;
  readonly script: string;
  /** BCP 47 tag given to the shaper. */
  readonly language: string;
  /**
   * Language of the run's text when it is not its paragraph's language, for /Lang on the run in the PDF: a styled
   * span's `lang` (an interpolated setting value) or text in the source language's script inside a paragraph in
   * another script (`Home Office` inside Arabic). Decided by text/span-language.ts; unset = the paragraph's
   * language. Only marks the text: shaping uses `language`.
   */
  readonly spanLang?: string;
  readonly direction: Direction;
  /** Glyphs in HarfBuzz order (for RTL runs that is visual order, right-to-left text drawn left to right). */
  readonly glyphs: readonly Glyph[];
  /** Advance width in points. */
  readonly width: number;
}

/** One line, ready to draw: runs in visual (left-to-right drawing) order. */
export interface Line {
  readonly runs: readonly ShapedRun[];
  /** Sum of run widths, points, excluding trailing spaces that hang past the measure. */
  readonly width: number;
  /** Max ascent and descent (positive) of the faces on the line at their sizes, points. */
  readonly ascent: number;
  readonly descent: number;
  /** Logical text of the line (for /ActualText and traces), trailing break spaces removed. */
  readonly text: string;
  /** Paragraph base direction: RTL lines are aligned to the right edge. */
  readonly direction: Direction;
  readonly start: number;
  readonly end: number;
  /**
   * Where the glyphs' ink actually reaches, in points from the line's origin (left end of the line box, baseline;
   * up is positive for `ascent`). Added by the text engine (optional for other producers of Line). Ink can pass
   * the line box: Nastaliq swashes reach ≈0.37 em past the line ends, Khmer subscripts ≈0.13 em below the descent.
   * Use it to keep text clear of a trim edge or clip path.
   */
  readonly ink?: InkBounds;
}

/** Ink extent of a line; see `Line.ink`. */
export interface InkBounds {
  /** Leftmost ink x (negative when ink starts left of the line box). */
  readonly left: number;
  /** Rightmost ink x (greater than `width` when ink ends past the line box). */
  readonly right: number;
  /** Highest ink above the baseline (positive). */
  readonly ascent: number;
  /** Lowest ink below the baseline (positive). */
  readonly descent: number;
}

/** A character that no font in the language's stack can draw. The caller adds the content key. */
export interface MissingGlyph {
  readonly char: string;
  /** `U+0000` form. */
  readonly codePoint: string;
  readonly offset: number;
  readonly lang: string;
}

/** Options for `layoutParagraph`. */
export interface LayoutOptions {
  /** Measure (line width) in points. */
  readonly width: number;
  /** Font size in points. */
  readonly size: number;
  /** Line height as a multiple of the line's own font-metric height; 1 = ascent+descent of the tallest face. */
  readonly leading?: number;
}

export interface ParagraphLayout {
  readonly lines: readonly Line[];
  readonly missing: readonly MissingGlyph[];
  /** Widest line, points; useful for fitting. */
  readonly maxWidth: number;
  /** Sum of line heights with leading, points. */
  readonly height: number;
}
