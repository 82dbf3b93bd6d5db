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
  // None since LTR lines set further apart than poppler joins report a font size it joins (docs/text-extraction.md):
  // the card sheet's side label reads right in every LTR language. Its RTL languages are pinned per file below.
};

/**
 * Single files one reader gets wrong, as `<lang>/<file>`, with why. Pinned like the others: the test fails once
 * the file reads right.
 */
export const KNOWN_FILE_LIMITS: Partial<Record<Reader, readonly string[]>> = {
  // Card sheets in Arabic-script languages: poppler only joins lines into one block within 1.5 font sizes
  // (TextOutputDev.cc, `maxLineSpacingDelta`), and Arabic-script lines are set 1.8 font sizes apart. LTR lines
  // report a larger font size through their /ActualText (render/poppler-blocks.ts); RTL lines have none (poppler
  // reverses a line's /ActualText), so each of their lines stays a block of its own. pdftotext then prints the
  // side label's short lines between the cards' lines, and in Dari the hotline line (an LTR run on a line of its
  // own) after the next card's title. pdf.js and MuPDF read the same files right.
  //
  // Posters in Arabic-script languages: poppler decides a page's direction by counting strong LTR against strong
  // RTL characters on the whole page (TextOutputDev.cc, `primaryLR = lrCount >= 0`), and the poster's line of
  // "Know your rights" in other languages outvotes the Arabic. On an LTR page it prints an RTL line's stretches
  // left to right, and `. , : ،` end a stretch (poppler counts them as numbers), so the clauses of a sentence come
  // out in reverse order. Every character poppler keeps votes (any size, rotation, render mode, /ActualText too),
  // so no writer-side fix short of dropping the strip's text for poppler or adding invisible RTL marks that the
  // content does not say (docs/text-extraction.md). The Urdu poster is one of them (its title too, on the LTR page).
  poppler: [
    'ar/card-sheet-a4.pdf',
    'fa/card-sheet-a4.pdf',
    'prs/card-sheet-a4.pdf',
    'ps/card-sheet-a4.pdf',
    'ckb/card-sheet-a4.pdf',
    'ar/poster.pdf',
    'fa/poster.pdf',
    'prs/poster.pdf',
    'ps/poster.pdf',
    'ckb/poster.pdf',
    'ur/poster.pdf',
  ],
};
