import type { Positioned } from '../layout/frame.ts';

/**
 * poppler's `TextPage::coalesce` grows a text block from a word only to the lines whose baseline is at most
 * `maxLineSpacingDelta` (1.5) font sizes away, where the font size is the word's as poppler recorded it
 * (docs/text-extraction.md). Thai, Burmese and the card sheet's side label are set at 1.51 to 1.8 font sizes, so
 * every line of a paragraph was a block of its own, and poppler's reading-order sort then interleaved the side
 * label with the cards and printed a bullet's short last line (Thai ล่าม) after everything else on the page.
 */
export const POPPLER_LINE_SPACING = 1.5;

/**
 * How far under poppler's limit a paragraph's line spacing is brought, as a fraction: poppler compares baselines
 * in its own rounding, so exactly at the limit is not safely inside it.
 */
const SPACING_MARGIN = 0.02;

/**
 * The font size each LTR line reports to poppler, by index into `items`: set where its paragraph's lines are
 * further apart than poppler joins into one block. poppler takes an /ActualText's word font size at its EMC, from
 * the last `Tf` a text-showing operator ran under (glyphs.ts writes `Tf` and an empty `[] TJ` after the line's
 * last glyph, so nothing drawn changes):
 * every line of such a paragraph gets the size at which its widest line gap is just inside the limit, one size for
 * the whole paragraph, since poppler also only joins lines whose font sizes agree within 5%. Only lines with an
 * /ActualText of their own (LTR) can report a size; RTL lines are read from their glyphs.
 *
 * A paragraph's later lines are found as the line items that follow it in the frame with the same tag (or none:
 * artifact copies of a card) and a text that does not start at the paragraph's beginning (`Line.start > 0`).
 */
export function popplerLineSizes(items: readonly Positioned[]): Map<number, number> {
  const sizes = new Map<number, number>();
  let paragraph: number[] = [];
  let gap = 0;
  const close = () => {
    const natural = Math.max(0, ...paragraph.map((i) => lineSize(items[i]!)));
    // Only where poppler splits the paragraph: elsewhere the text layer stays exactly as it was.
    const needed = gap / (POPPLER_LINE_SPACING * (1 - SPACING_MARGIN));
    if (paragraph.length > 1 && gap > POPPLER_LINE_SPACING * natural) {
      for (const i of paragraph) sizes.set(i, needed);
      // A list item's marker (•, 1.) is a line of its own on the first line's baseline, written just before it.
      // poppler starts the block from it (the page's leftmost word), and takes the block's font size from there.
      const first = paragraph[0]!;
      const marker = items[first - 1];
      if (marker?.item.kind === 'line' && marker.item.line.direction === 'ltr' && Math.abs(marker.y - items[first]!.y) < SAME_BASELINE)
        sizes.set(first - 1, needed);
    }
    paragraph = [];
    gap = 0;
  };
  items.forEach((positioned, i) => {
    const { item } = positioned;
    if (item.kind !== 'line' || item.line.direction !== 'ltr') return close();
    const last = paragraph[paragraph.length - 1];
    const previous = last === undefined ? undefined : items[last]!;
    const continues =
      previous !== undefined && previous.item.kind === 'line' && item.line.start > 0 && previous.item.tag === item.tag && positioned.y > previous.y;
    if (!continues) {
      close();
      paragraph = [i];
      return;
    }
    paragraph.push(i);
    gap = Math.max(gap, positioned.y - previous.y);
  });
  close();
  return sizes;
}

/** Baselines closer than this (points) are one baseline. */
const SAME_BASELINE = 0.01;

/** The largest font size on a line (a line's runs normally share one size). */
function lineSize(positioned: Positioned): number {
  return positioned.item.kind === 'line' ? Math.max(0, ...positioned.item.line.runs.map((r) => r.size)) : 0;
}
