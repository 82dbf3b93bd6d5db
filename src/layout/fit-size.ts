/** Sizes tried when shrinking text to fit, points. */
export interface FitSteps {
  readonly max: number;
  /** Smallest legible size; never goes below. */
  readonly min: number;
  /** Decrement between attempts (0.25 pt: fine enough that the card never looks emptier than needed). */
  readonly step: number;
}

export interface Fitted<T> {
  readonly size: number;
  readonly result: T;
  readonly fits: boolean;
  /** Sizes tried, largest first (for traces and tests). */
  readonly tried: readonly number[];
}

/**
 * Shrink-to-fit: lays out at `max`, then `step` smaller each time, and returns the first size that fits.
 * When `max` does not fit, `min` is tried next: when even `min` does not fit, that attempt is returned at once
 * with `fits: false` (so the caller can say by how much it overflows) instead of laying out every step in
 * between — text far too long for the space (a pasted document in a card key) is reported after two layouts,
 * not eleven. The chosen size is the same as a plain top-down scan's whenever fitting is monotonic in size.
 */
export function fitSize<T>(attempt: (size: number) => T, fits: (result: T) => boolean, steps: FitSteps): Fitted<T> {
  const tried: number[] = [];
  // Integer step counting avoids accumulating floating-point error (9 − 10 × 0.25 must be exactly 6.5).
  const count = Math.floor((steps.max - steps.min) / steps.step + 1e-9);
  const sizeAt = (i: number) => Math.round((steps.max - i * steps.step) * 1000) / 1000;
  const run = (size: number): T => {
    tried.push(size);
    return attempt(size);
  };
  const first = run(steps.max);
  if (fits(first)) return { size: steps.max, result: first, fits: true, tried };
  if (steps.max <= steps.min) return { size: steps.min, result: first, fits: false, tried };
  const smallest = run(steps.min);
  if (!fits(smallest)) return { size: steps.min, result: smallest, fits: false, tried };
  for (let i = 1; i <= count; i += 1) {
    const size = sizeAt(i);
    if (size <= steps.min) break;
    const result = run(size);
    if (fits(result)) return { size, result, fits: true, tried };
  }
  return { size: steps.min, result: smallest, fits: true, tried };
}
