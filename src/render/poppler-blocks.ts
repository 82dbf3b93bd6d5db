import type { Positioned, TextLineItem } from '../layout/frame.ts';

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
 * poppler takes a word into a block on a line the block already has only if its font size is within 60% of the
 * block's (`maxBlockFontSizeDelta2`). An RTL line reports its size on its edge glyphs only, and the block that
 * gathers the rest of the line may have started from a word at the natural size: the edge glyph is only taken in
 * with it while the reported size stays that close. Urdu (Nastaliq, set 2.5 font sizes apart) would need 1.7
 * times its size, and its first letter then came out in another block than the rest of the word (measured on the
 * leaflet), so such paragraphs are left as they are; Naskh's 1.8 needs 1.22 times.
 */
const POPPLER_SAME_LINE_SIZE = 0.6;

/**
 * The font size each line reports to poppler, by index into `items`: set where its paragraph's lines are
 * further apart than poppler joins into one block. poppler takes an /ActualText's word font size at its EMC, from
 * the last `Tf` a text-showing operator ran under (glyphs.ts writes `Tf` and an empty `[] TJ` after the glyphs,
 * so nothing drawn changes): an LTR line reports it for its own /ActualText, an RTL line (which has none) for the
 * /ActualText of its leftmost and rightmost glyph (glyph-text.ts, reportSize), the words poppler starts a block
 * from and reaches the next line with. Every line of such a paragraph gets the size at which its widest line gap
 * is just inside the limit, one size for the whole paragraph, since poppler also only joins lines whose font
 * sizes agree within 5%.
 *
 * A paragraph's later lines are found as the line items that follow it in the frame with the same tag (or none:
 * artifact copies of a card), the same direction and a text that does not start at the paragraph's beginning
 * (`Line.start > 0`).
 */
export function popplerLineSizes(items: readonly Positioned[]): Map<number, number> {
  const sizes = new Map<number, number>();
  let paragraph: number[] = [];
  let gap = 0;
  const close = () => {
    const natural = Math.max(0, ...paragraph.map((i) => lineSize(items[i]!)));
    // Only where poppler splits the paragraph: elsewhere the text layer stays exactly as it was.
    const needed = gap / (POPPLER_LINE_SPACING * (1 - SPACING_MARGIN));
    const ltr = paragraph.length > 0 && (items[paragraph[0]!]!.item as TextLineItem).line.direction === 'ltr';
    const reachable = ltr || needed - natural < POPPLER_SAME_LINE_SIZE * (1 - SPACING_MARGIN) * natural;
    if (paragraph.length > 1 && gap > POPPLER_LINE_SPACING * natural && reachable) {
      for (const i of paragraph) sizes.set(i, needed);
      // A list item's marker (•, 1.) is a line of its own on the first line's baseline, written just before it.
      // In LTR poppler starts the block from it (the page's leftmost word), and takes the block's font size from
      // there; an RTL marker is the line's rightmost word, taken in with the line at its own size (measured).
      const first = paragraph[0]!;
      const marker = items[first - 1];
      if (ltr && marker?.item.kind === 'line' && marker.item.line.direction === 'ltr' && Math.abs(marker.y - items[first]!.y) < SAME_BASELINE)
        sizes.set(first - 1, needed);
    }
    paragraph = [];
    gap = 0;
  };
  items.forEach((positioned, i) => {
    const { item } = positioned;
    if (item.kind !== 'line') return close();
    const last = paragraph[paragraph.length - 1];
    const previous = last === undefined ? undefined : items[last]!;
    const continues =
      previous !== undefined &&
      previous.item.kind === 'line' &&
      item.line.start > 0 &&
      previous.item.tag === item.tag &&
      previous.item.line.direction === item.line.direction &&
      positioned.y > previous.y;
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
