import type { Color } from './frame.ts';

/**
 * The palette, each colour given for home (RGB) and press (CMYK) output. Text black is 100 % K only,
 * as printers ask: rich or four-colour black text misregisters into colour fringes on small type.
 */
export const COLORS = {
  /** Body text: 100 % K. */
  text: { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] },
  /** Paper. */
  white: { rgb: [255, 255, 255], cmyk: [0, 0, 0, 0] },
  /** The "red card" accent: title bands and the hotline box. Dark enough for white text at 4.5:1 contrast. */
  accent: { rgb: [176, 18, 38], cmyk: [0, 100, 80, 30] },
  /** Light tint behind the hotline and the officer statement. */
  tint: { rgb: [250, 232, 232], cmyk: [0, 10, 6, 0] },
  /** Notes (edition, draft, pending translation): 70 % K, still readable at 5.5 pt. */
  note: { rgb: [77, 77, 77], cmyk: [0, 0, 0, 70] },
  /**
   * Crop and cut marks. On press files marks are printed in registration colour (all four plates) so they
   * appear on every separation; on home sheets they are plain black.
   */
  marks: { rgb: [0, 0, 0], cmyk: [100, 100, 100, 100] },
  /** QR modules: pure K for a crisp code on press. */
  qr: { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] },
} as const satisfies Record<string, Color>;
