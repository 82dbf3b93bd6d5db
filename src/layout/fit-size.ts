/** Sizes tried when shrinking text to fit, points. */
export interface FitSteps {
  readonly max: number;
  /** Smallest legible size; never goes below. */
  readonly min: number;
  /** Decrement between attempts (0.25 pt: fine enough that the card never looks emptier than needed). */
  readonly step: number;
}

/** One shrink-to-fit problem: what to lay out at a size, and when that layout fits. */
export interface FitProblem<T> {
  readonly attempt: (size: number) => T;
  readonly fits: (result: T) => boolean;
  readonly steps: FitSteps;
  /**
   * An attempt at `max` that misses by so much that `min` will probably not fit either (a pasted document in a
   * card key): then `min` is tried right away, and when it does not fit the search ends there — two layouts
   * instead of one per step. It only changes how many attempts are made, never the size chosen.
   */
  readonly farOff?: (result: T) => boolean;
  /**
   * A lower bound from a layout already made: `below(size, basis)`, where `basis` is the attempt at a smaller size
   * of the grid, is a result that fits whenever the attempt at `size` or at any larger size fits (so when it does
   * not fit, no size from `size` up fits), or undefined when the caller has no such bound. With it the search
   * bisects and then proves its answer (see fitSize); without it, it scans. layout/text-bounds.ts makes them.
   */
  readonly below?: (size: number, basis: T) => T | undefined;
  /**
   * How far a result is from fitting (> 0: too tall by that much; ≤ 0: fits with that much to spare), in points.
   * Only steers which sizes the bisection tries (it aims where the excess would reach 0 between the two sizes
   * that bracket the answer); the size chosen never depends on it.
   */
  readonly excess?: (result: T) => number;
}

export interface Fitted<T> {
  readonly size: number;
  readonly result: T;
  readonly fits: boolean;
  /** Sizes laid out, in the order tried (for traces and tests); each at most once. */
  readonly tried: readonly number[];
}

/** The sizes of a search, largest first: `max`, then `step` smaller each time, and always `min` last. */
export function fitGrid(steps: FitSteps): number[] {
  // Integer step counting avoids accumulating floating-point error (9 − 10 × 0.25 must be exactly 6.5).
  const count = Math.floor((steps.max - steps.min) / steps.step + 1e-9);
  const sizes = Array.from({ length: count + 1 }, (_, i) => Math.round((steps.max - i * steps.step) * 1000) / 1000);
  if (sizes[sizes.length - 1] !== steps.min) sizes.push(steps.min);
  return sizes;
}

/**
 * Shrink-to-fit: the largest size of the grid (fitGrid) whose layout fits, i.e. the first size from the top that
 * fits — always the size the scan below chooses. When even `min` does not fit, returns the `min` attempt with
 * `fits: false` so the caller can say by how much it overflows.
 *
 * - Without `below`: scan. `max`, then one step smaller at a time until a size fits.
 * - With `below`: bisect, then prove. `max` first (a side that fits at once costs one layout, as in the scan);
 *   then narrowing the interval between the smallest size known not to fit and the largest known to fit until
 *   they are one step apart: halving it, or aiming with `excess` (27 poster sizes take 3 to 7 layouts, 11 card sizes
 *   3 to 5). That is the answer
 *   when "fits" is monotone (fits at a size ⇒ fits at every smaller one), which is what the layouts usually are,
 *   but not always (layout/text-bounds.ts), so it is then proven: from the smallest size known not to
 *   fit, `below` bounds the next size up; a bound that does not fit rules out every larger size at once, else that
 *   size is laid out (when it fits it is the answer so far) and the walk goes on one step up. So the answer is the
 *   scan's for ANY `fits` whose `below` keeps its promise — on a non-monotone `fits` the walk finds a fitting
 *   size above the bisection's and, at worst, lays out every size like the scan. A `below` that breaks its
 *   promise (a "bound" that fits less than a real size) can hide a larger fitting size.
 *   (tests/unit/layout/fit-search.test.ts: both searches on every shipped language and on synthetic `fits`.)
 *
 * `farOff` works the same in both: after a far-off `max`, `min` is tried next and ends the search when it does not
 * fit (without looking between: this shortcut is the scan's too); when it fits, the search goes on (reusing the
 * `min` attempt) and chooses the same size as without `farOff`.
 */
export function fitSize<T>(problem: FitProblem<T>): Fitted<T> {
  const { attempt, fits, steps, farOff, below, excess } = problem;
  const sizes = fitGrid(steps);
  const tried: number[] = [];
  const results = new Map<number, T>();
  const at = (i: number): T => {
    const size = sizes[i]!;
    if (!results.has(size)) {
      tried.push(size);
      results.set(size, attempt(size));
    }
    return results.get(size) as T;
  };
  const last = sizes.length - 1;
  const done = (i: number, fit: boolean): Fitted<T> => ({ size: sizes[i]!, result: at(i), fits: fit, tried });

  const top = at(0);
  if (fits(top)) return done(0, true);
  // Known: sizes[0] does not fit. `fitsAt` = the smallest index known to fit, `last + 1` while none is known.
  let fitsAt = last + 1;
  if (last > 0 && farOff?.(top)) {
    if (!fits(at(last))) return done(last, false);
    fitsAt = last;
  }
  if (!below) {
    for (let i = 1; i <= last; i++) if (fits(at(i))) return done(i, true);
    return done(last, false);
  }
  // Bisect. Invariant: sizes[failsAt] was laid out and does not fit; sizes[fitsAt] fits (or it is past the end).
  let failsAt = 0;
  // Weights on the two ends' excess (the Illinois rule of regula falsi): an end kept twice in a row counts half as
  // much each further time, so a curved excess (text height goes about with the square of the size) does not make
  // the aim creep one size at a time from the same side.
  let failWeight = 1;
  let fitWeight = 1;
  let lastMoved: 'fails' | 'fits' | undefined = fitsAt <= last ? 'fits' : undefined;
  while (fitsAt - failsAt > 1) {
    const probe = fitsAt > last ? (failsAt + fitsAt) >>> 1 : aim(failsAt, fitsAt, failWeight, fitWeight);
    if (fits(at(probe))) {
      fitsAt = probe;
      fitWeight = 1;
      if (lastMoved === 'fits') failWeight /= 2;
      lastMoved = 'fits';
    } else {
      failsAt = probe;
      failWeight = 1;
      if (lastMoved === 'fails') fitWeight /= 2;
      lastMoved = 'fails';
    }
  }
  /**
   * The size strictly between a failing and a fitting one to try next: where the (weighted) excess, taken as linear
   * in the grid index, reaches 0, so the answer is usually found in two or three layouts instead of log2 of the
   * interval's length; the middle without `excess`.
   */
  function aim(fails: number, fitting: number, failWeight: number, fitWeight: number): number {
    const middle = (fails + fitting) >>> 1;
    if (!excess) return middle;
    const over = excess(at(fails)) * failWeight;
    const under = excess(at(fitting)) * fitWeight;
    if (!(over > 0 && under <= 0)) return middle;
    const zero = Math.ceil(fails + ((fitting - fails) * over) / (over - under));
    return Math.min(fitting - 1, Math.max(fails + 1, zero));
  }
  // Prove. Invariant: every index in [up, fitsAt) was laid out and does not fit.
  for (let up = failsAt; up > 0; up--) {
    const bound = below(sizes[up - 1]!, at(up));
    if (bound !== undefined && !fits(bound)) break;
    if (fits(at(up - 1))) fitsAt = up - 1;
  }
  return fitsAt > last ? done(last, false) : done(fitsAt, true);
}
