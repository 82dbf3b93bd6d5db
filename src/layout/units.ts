/**
 * The one place millimetres become points. Spec tables are in millimetres (what printers and card shops
 * quote); frames are in PostScript points (what PDF uses).
 */

/** 1 inch = 25.4 mm exactly = 72 pt. */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres → points. */
export function mm(value: number): number {
  return value * PT_PER_MM;
}

/** Points → millimetres (for diagnostics: "overflows by 2.4 mm"). */
export function toMm(points: number): number {
  return points / PT_PER_MM;
}

/** Round to 1/1000 pt so path strings and positions are stable across platforms (determinism). */
export function round3(value: number): number {
  const r = Math.round(value * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}
