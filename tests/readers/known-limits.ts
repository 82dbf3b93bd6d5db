import type { Reader } from './read-back.ts';

/**
 * Languages whose text one reader still gets wrong somewhere, with why (measured; docs/text-extraction.md).
 * The read-back tests fail when a language listed here reads right everywhere, so this list only shrinks.
 */
export const KNOWN_LIMITS: Partial<Record<Reader, readonly string[]>> = {};

/**
 * Structure nodes (by id) whose text one reader scrambles on every language, with why. Their misses are
 * tolerated for that reader; the test fails when none is missed any more.
 */
export const KNOWN_BLOCK_LIMITS: Partial<Record<Reader, RegExp>> = {
  // The card sheet's side label ("FRONT — print this side first", "Cut along the lines") is set in the 8–12 mm
  // margin column next to the cards; pdftotext's layout analysis merges its short lines with the cards' lines.
  poppler: /-label-/,
};

/**
 * Single files one reader gets wrong, as `<lang>/<file>`, with why. Pinned like the others: the test fails once
 * the file reads right.
 */
export const KNOWN_FILE_LIMITS: Partial<Record<Reader, readonly string[]>> = {
  // Card sheets set two cards side by side. When a Thai or Burmese bullet wraps so that its last line is one
  // short word (ล่าม "interpreter"; the hotline line in Burmese), pdftotext's layout analysis takes those short
  // lines of all ten cards for a column of their own and prints them together at the end of the page. The glyphs,
  // their text and their order inside each line are right; pdf.js and MuPDF read the same files right.
  // Persian (Dari) card sheet: the same for the hotline line that ends "Need help?".
  //
  // Posters in Arabic-script languages: poppler decides a page's direction by counting strong LTR against strong
  // RTL characters on the whole page (TextOutputDev.cc, `primaryLR = lrCount >= 0`), and the poster's line of
  // "Know your rights" in other languages outvotes the Arabic. On an LTR page it prints an RTL line's stretches
  // left to right, and `. , : ،` end a stretch (poppler counts them as numbers), so the clauses of a sentence come
  // out in reverse order. Every character poppler keeps votes (any size, rotation, render mode, /ActualText too),
  // so no writer-side fix short of dropping the strip's text for poppler or adding invisible RTL marks that the
  // content does not say (docs/text-extraction.md). The Urdu poster is one of them (its title too, on the LTR page).
  poppler: [
    'my/card-sheet-a4.pdf',
    'th/card-sheet-a4.pdf',
    'prs/card-sheet-a4.pdf',
    'ar/poster.pdf',
    'fa/poster.pdf',
    'prs/poster.pdf',
    'ps/poster.pdf',
    'ckb/poster.pdf',
    'ur/poster.pdf',
  ],
};
