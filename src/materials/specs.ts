/**
 * Every size of every material, in ONE table per material, so adding a size is a data change.
 * Lengths are millimetres (what printers, card shops and paper sizes are quoted in); converted to points
 * only by `mm()` in src/layout/units.ts. Type sizes are points, the unit type is specified in (names end in `Pt`).
 */

/** Press-file geometry shared by every material. */
export const PRESS = {
  /** Bleed on every side: printers and card shops ask 2–3 mm. */
  bleed: 3,
  /** Crop marks start 1 mm beyond the bleed, so no mark ever prints on the piece even with 1 mm cutting error. */
  markOffset: 4,
  markLength: 5,
  /** Media margin around the trim: bleed + marks + 1 mm of air. */
  slug: 10,
  /** Hairline marks (0.25 pt is the usual crop-mark weight). */
  markWidthPt: 0.25,
} as const;

/** Cards per home sheet that have a grid on every paper. */
export type CardsPerSheet = 10 | 8 | 6;

/** Home card sheets: grids per paper and cards-per-sheet option. */
interface SheetGrid {
  readonly cols: number;
  readonly rows: number;
  readonly gutterX: number;
  readonly gutterY: number;
}

export const CARD = {
  /** ISO/IEC 7810 ID-1 (bank card, US CR80 3.370 × 2.125 in). */
  trim: { width: 85.6, height: 53.98 },
  /** Text stays this far inside the trim (safety margin for cutting drift; printers ask 3–5 mm). */
  safe: 3.5,
  /** Padding below the title inside the title band, and the gap between band and body. */
  bandPad: 1.2,
  /** Gap above the footer notes. */
  footerGap: 1,
  /** QR code on the back, side including its quiet zone: ≈0.5 mm modules for a 30-character URL, readable by phones. */
  qr: 17,
  /** Gap between back text and the QR code. */
  qrGap: 2,
  /**
   * Edition logo on the back, in the column above the QR code (QR-wide): at most logoMax tall, and left out when
   * less than logoMin is free (a 5 mm logo is about the smallest a reader still recognises).
   */
  logoMax: 10,
  logoMin: 5,
  /** Body text steps down from maxPt by stepPt to the smallest legible size on a card (6.5 pt). */
  bodyMaxPt: 9,
  bodyMinPt: 6.5,
  stepPt: 0.25,
  /** Title size relative to the body size. */
  titleScale: 1.25,
  /** Hotline line relative to body size. */
  hotlineScale: 1.15,
  /** Edition, draft and disclaimer notes: fixed small size (still ≥ 5.5 pt, the smallest size printers guarantee). */
  notePt: 5.5,
  /** Noto's own line height (ascent + descent ≈ 1.36 em for Latin) is already open; more wastes card space. */
  leading: 1,
  /**
   * Home sheets, per paper and cards per sheet. Home printers cannot print the outer ≈ 4.2–6.35 mm of a sheet
   * (0.25 in on many US lasers), so a default grid must leave room for cut marks inside that.
   * - A4 10-up: 3 mm gutters, 7.5 mm top/bottom margins (≥ 5 mm), 17.9 mm side margins.
   * - Letter is 17.6 mm shorter than A4: 10-up only fits with shared horizontal cuts (0 mm row gutter) and
   *   4.75 mm margins, where marks shrink to 2.5 mm and vanish in the unprintable edge. Kept as data for printers
   *   that print to 4.5 mm (`cardsPerSheet: 10`); the Letter default is 8-up (2 × 4), margins ≥ 25 mm.
   * - 8-up on A4 and 6-up on both: roomy grids for hand cutting.
   */
  sheets: {
    A4: {
      10: { cols: 2, rows: 5, gutterX: 3, gutterY: 3 },
      8: { cols: 2, rows: 4, gutterX: 4, gutterY: 4 },
      6: { cols: 2, rows: 3, gutterX: 8, gutterY: 8 },
    },
    Letter: {
      10: { cols: 2, rows: 5, gutterX: 4, gutterY: 0 },
      8: { cols: 2, rows: 4, gutterX: 4, gutterY: 4 },
      6: { cols: 2, rows: 3, gutterX: 8, gutterY: 8 },
    },
  } satisfies Record<'A4' | 'Letter', Record<CardsPerSheet, SheetGrid>>,
  /** The grid each paper uses unless `MaterialOptions.cardsPerSheet` asks for another (see `sheets`). */
  sheetDefault: { A4: 10, Letter: 8 } satisfies Record<'A4' | 'Letter', CardsPerSheet>,
  /** Cut marks on home sheets: start 1.5 mm outside the grid, up to 6 mm long. */
  sheetMarkOffset: 1.5,
  sheetMarkLength: 6,
  sheetMarkWidthPt: 0.4,
  /** Sheet labels (FRONT/BACK, cut here) in the start margin, `labelInset` away from the cards. */
  labelPt: 7,
  labelInset: 1.5,
  /**
   * How far from the paper edge anything on a home sheet may start: home printers leave ≈ 3–4.2 mm unprinted on
   * A4 and up to 6.35 mm (0.25 in) on US Letter lasers. Labels start here so no letter is lost.
   */
  sheetPrintableInset: { A4: 5, Letter: 6.35 },
} as const;

export const LEAFLET = {
  pages: {
    A5: { width: 148, height: 210 },
    A4: { width: 210, height: 297 },
  },
  /** Margins of the text area; the footer sits inside the bottom margin. */
  margin: { top: 14, bottom: 18, inner: 14, outer: 14 },
  /** Footer baseline distance from the bottom trim. */
  footerFromBottom: 9,
  /** Title band on page 1: title padding. */
  bandPad: 5,
  /** Type sizes for A5; A4 scales them by 1.2 (read at the same distance, more room). */
  titlePt: 20,
  headingPt: 12.5,
  bodyPt: 9.5,
  hotlinePt: 12,
  notePt: 7,
  leading: 1.25,
  /** Titles and headings: Noto's metric line height (≈1.36 em) is already open; body leading would gape. */
  headingLeading: 1.0,
  /** QR code side including quiet zone. */
  qr: 24,
  qrGap: 4,
  boxPad: 3,
  boxRadius: 1.5,
  boxStrokePt: 1,
  a4TypeScale: 1.2,
  /**
   * Edition logo in the title band (start side), on a white plate so a logo made for white paper stays visible
   * on the red band. Sizes include the plate; ≈ the height of a two-line title.
   */
  logo: { maxWidth: 30, maxHeight: 18, gap: 4, platePad: 1.5, plateRadius: 1.5 },
} as const;

export const POSTER = {
  /** The design is drawn on A3; A4 and A2 scale every length and size by √½ and √2. */
  base: { width: 297, height: 420 },
  scale: { A4: Math.SQRT1_2, A3: 1, A2: Math.SQRT2 },
  margin: 16,
  bandPad: 8,
  titleMaxPt: 80,
  rightsMaxPt: 40,
  rightsMinPt: 14,
  hotlineScale: 1.2,
  notePt: 11,
  stepPt: 1,
  leading: 1.2,
  titleLeading: 0.95,
  qr: 55,
  qrGap: 8,
  boxPad: 6,
  boxRadius: 3,
  boxStrokePt: 2,
  /** Edition logo in the top start corner of the title band, on a white plate (sizes include the plate). */
  logo: { maxWidth: 60, maxHeight: 40, gap: 8, platePad: 3, plateRadius: 3 },
  /** The multilingual strip: entries flow in rows; size steps down until it takes at most `stripMaxHeight`. */
  stripMaxPt: 18,
  stripMinPt: 9,
  stripGap: 7,
  stripPad: 6,
  stripMaxHeight: 80,
  gap: 8,
} as const;
