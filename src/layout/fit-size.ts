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
 */
export function fitSize<T>(attempt: (size: number) => T, fits: (result: T) => boolean, steps: FitSteps): Fitted<T> {
  const tried: number[] = [];
  // Integer step counting avoids accumulating floating-point error (9 − 10 × 0.25 must be exactly 6.5).
  const count = Math.floor((steps.max - steps.min) / steps.step + 1e-9);
  let last: T | undefined;
  for (let i = 0; i <= count; i += 1) {
    const size = Math.round((steps.max - i * steps.step) * 1000) / 1000;
    tried.push(size);
    last = attempt(size);
    if (fits(last)) return { size, result: last, fits: true, tried };
  }
  if (tried[tried.length - 1] !== steps.min) {
    tried.push(steps.min);
    last = attempt(steps.min);
    if (fits(last)) return { size: steps.min, result: last, fits: true, tried };
  }
  return { size: steps.min, result: last as T, fits: false, tried };
}
