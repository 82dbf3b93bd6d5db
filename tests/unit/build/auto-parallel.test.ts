import { describe, expect, it } from 'vitest';
import { autoParallel, MIN_JOBS_FOR_WORKERS } from '../../../src/build/build.ts';

describe('autoParallel (workers when --jobs is not given)', () => {
  it('runs small builds in this thread and large ones on every core', () => {
    expect(autoParallel(1, 2)).toBe(1);
    expect(autoParallel(MIN_JOBS_FOR_WORKERS - 1, 8)).toBe(1);
    expect(autoParallel(MIN_JOBS_FOR_WORKERS, 2)).toBe(2);
    expect(autoParallel(212, 8)).toBe(8);
  });
});
