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
 * When even `min` does not fit, returns the `min` attempt with `fits: false` so the caller can say by how
 * much it overflows.
 *
 * `farOff` says an attempt at `max` misses by so much that `min` will probably not fit either (a pasted document
 * in a card key): then `min` is tried right away, and when it does not fit the search ends there — two layouts
 * instead of one per step. It only changes how many attempts are made, never the size chosen (when `min` does
 * fit, the scan from the top goes on as usual and reuses the `min` attempt). Without it every step is tried.
 */
export function fitSize<T>(attempt: (size: number) => T, fits: (result: T) => boolean, steps: FitSteps, farOff?: (result: T) => boolean): Fitted<T> {
  const tried: number[] = [];
  // Integer step counting avoids accumulating floating-point error (9 − 10 × 0.25 must be exactly 6.5).
  const count = Math.floor((steps.max - steps.min) / steps.step + 1e-9);
  const sizes = Array.from({ length: count + 1 }, (_, i) => Math.round((steps.max - i * steps.step) * 1000) / 1000);
  if (sizes[sizes.length - 1] !== steps.min) sizes.push(steps.min);
  const results = new Map<number, T>();
  const at = (size: number): T => {
    if (!results.has(size)) {
      tried.push(size);
      results.set(size, attempt(size));
    }
    return results.get(size) as T;
  };
  for (const [i, size] of sizes.entries()) {
    const result = at(size);
    if (fits(result)) return { size, result, fits: true, tried };
    if (i === 0 && sizes.length > 1 && farOff?.(result)) {
      const smallest = at(steps.min);
      if (!fits(smallest)) return { size: steps.min, result: smallest, fits: false, tried };
    }
  }
  return { size: steps.min, result: at(steps.min), fits: false, tried };
}
