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
  // None since lines set further apart than poppler joins report a font size it joins (docs/text-extraction.md):
  // the card sheet's side label reads right in every language on the front; its back is pinned per page below.
};

/**
 * Single files one reader gets wrong, as `<lang>/<file>`, or one page of a file, as `<lang>/<file> p<n>`, with
 * why. Pinned like the others: the test fails once the file (the page) reads right.
 */
export const KNOWN_FILE_LIMITS: Partial<Record<Reader, readonly string[]>> = {
  // The back of the card sheet in Arabic-script languages: its side label is the only RTL text on a page of
  // English officer cards, so poppler takes the page for LTR (as on the posters, below) and prints `،` and `—` at
  // the end of a label line before the line's words (`،الظهر`, `— الخلفي`); the comma inside a line splits the
  // line's clauses. The front reads right since RTL lines set further apart than poppler joins report a font
  // size it joins on their edge glyphs (render/poppler-blocks.ts); Urdu's lines are too far apart for that, and
  // its front read right before. pdf.js and MuPDF read both pages right.
  //
  // Posters in Arabic-script languages: poppler decides a page's direction by counting strong LTR against strong
  // RTL characters on the whole page (TextOutputDev.cc, `primaryLR = lrCount >= 0`), and the poster's line of
  // "Know your rights" in other languages outvotes the Arabic. On an LTR page it prints an RTL line's stretches
  // left to right, and `. , : ،` end a stretch (poppler counts them as numbers), so the clauses of a sentence come
  // out in reverse order. Every character poppler keeps votes (any size, rotation, render mode, /ActualText too),
  // so no writer-side fix short of dropping the strip's text for poppler or adding invisible RTL marks that the
  // content does not say (docs/text-extraction.md). The Urdu poster is one of them (its title too, on the LTR page).
  poppler: [
    'ar/card-sheet-a4.pdf p2',
    'fa/card-sheet-a4.pdf p2',
    'prs/card-sheet-a4.pdf p2',
    'ps/card-sheet-a4.pdf p2',
    'ckb/card-sheet-a4.pdf p2',
    'ur/card-sheet-a4.pdf p2',
    'ar/poster.pdf',
    'fa/poster.pdf',
    'prs/poster.pdf',
    'ps/poster.pdf',
    'ckb/poster.pdf',
    'ur/poster.pdf',
  ],
};
