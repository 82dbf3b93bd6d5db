/**
 * A colour given for both outputs: home printing uses RGB, press files CMYK (text in 100 % K). Defined here, at
 * the bottom, because the user's own files give colours too (an SVG logo's fills); layout/frame.ts re-exports it.
 */
export interface Color {
  /** 0–255 each. */
  readonly rgb: readonly [number, number, number];
  /** 0–100 each (percent), C M Y K. */
  readonly cmyk: readonly [number, number, number, number];
}
