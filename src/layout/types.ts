import type { Block } from '../content/markup-types.ts';
import type { LayoutOptions, MissingGlyph, Paragraph, ParagraphLayout } from '../text/types.ts';
import type { Color, Positioned, StructNode } from './frame.ts';

/**
 * Types shared by the layout steps (paragraphize → setPieces → fit / paginate → stack).
 * Everything is in points; a Row's items are relative to the row's top-left corner.
 */

/** The text engine's entry point (`layoutParagraph` in src/text/layout-paragraph.ts), passed in so layout stays pure. */
export type SetText = (paragraph: Paragraph, options: LayoutOptions) => ParagraphLayout;

/** A string to lay out: its content key (for diagnostics), its language and its parsed markup. */
export interface SourceText {
  readonly key: string;
  readonly lang: string;
  readonly blocks: readonly Block[];
}

/** Structure role a piece of text takes. */
export type PieceRole = 'H1' | 'H2' | 'P' | 'LI' | 'Note';

/** One paragraph to set, with its structure role. Consecutive LI pieces with the same `list` form one list. */
export interface TextPiece {
  readonly key: string;
  readonly role: PieceRole;
  readonly paragraph: Paragraph;
  readonly list?: number;
}

/** How a run of pieces is set. */
export interface TextStyle {
  /** Font size, points. */
  readonly size: number;
  /** Line height as a multiple of the line's own ascent + descent. */
  readonly leading: number;
  readonly color: Color;
  /** `start` = left in LTR, right in RTL (the layout mirrors with the paragraph direction); `center` for titles. */
  readonly align: 'start' | 'center';
  /** Space above each paragraph except the first, as a multiple of `size`. */
  readonly paragraphSpace: number;
  /** Indent of list item text from the bullet side, as a multiple of `size`. */
  readonly bulletIndent: number;
  /** `Note` pieces (e.g. "Updated — translation pending" under a block) are set at size × noteScale in noteColor. */
  readonly noteScale?: number;
  readonly noteColor?: Color;
}

/**
 * An unbreakable horizontal slice of a layout: one line (with its bullet), or a whole box.
 * Pages break only between rows.
 */
export interface Row {
  readonly height: number;
  /** Space above the row when it is not the first on its page or in its area. */
  readonly spaceBefore: number;
  /** True when a page break before this row is forbidden (the row after a heading: keep with next). */
  readonly keepWithPrevious: boolean;
  readonly items: readonly Positioned[];
}

/** A content key's character that no font can draw. */
export interface KeyedMissingGlyph {
  readonly key: string;
  readonly glyph: MissingGlyph;
}

/** Result of setting a list of pieces at one width and style. */
export interface SetResult {
  readonly rows: readonly Row[];
  /** Structure nodes for the pieces, in reading order (P, H2, L with LI/Lbl/LBody …). */
  readonly nodes: readonly StructNode[];
  readonly missing: readonly KeyedMissingGlyph[];
  /** Widest line, points (for shrink-to-fit of single-line titles). */
  readonly widest: number;
}
