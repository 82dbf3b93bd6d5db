import { describe, expect, it } from 'vitest';
import { autoParallel, WORK_PER_RUNNER } from '../../../src/build/build.ts';
import type { Job } from '../../../src/build/job.ts';
import { jobWeight } from '../../../src/build/plan-jobs.ts';
import { job } from './job-fixture.ts';

const LANGS = ['en', 'ar', 'fa', 'bn', 'ti', 'zh-Hans'];
const mixed: Job = { id: 'generic/mixed-card[…]', edition: 'generic', langs: LANGS, kind: 'mixed-card', dir: 'generic' };
/** The 18 documents of issue #12: leaflet, poster and A4 card sheet in six languages. */
const eighteen = LANGS.flatMap((l) => [job(l, 'leaflet', ['leaflet']), job(l, 'poster', ['poster']), job(l, 'card', ['card-sheet-a4'])]);
/** Every material of the same six languages, and their mixed sheet (19 jobs). */
const sixLanguages = [...LANGS.flatMap((l) => [job(l, 'leaflet'), job(l, 'poster'), job(l, 'card')]), mixed];
const work = (jobs: readonly Job[]) => jobs.reduce((n, j) => n + jobWeight(j), 0);

describe('autoParallel (runners when --jobs is not given)', () => {
  it('runs small builds in this thread: a worker costs more than it would take over', () => {
    expect(autoParallel([job('en', 'leaflet')], 2)).toBe(1);
    expect(work(eighteen)).toBeLessThan(WORK_PER_RUNNER);
    expect(autoParallel(eighteen, 2)).toBe(1);
    expect(autoParallel(eighteen, 8)).toBe(1);
  });

  it('adds a runner per WORK_PER_RUNNER of work, up to one per core', () => {
    expect(work(sixLanguages)).toBeLessThan(2 * WORK_PER_RUNNER);
    expect(autoParallel(sixLanguages, 8)).toBe(1);
    const twelve = [...sixLanguages, ...sixLanguages.map((j) => ({ ...j, id: `${j.id}-2`, lang: `${j.lang}-2` }))];
    expect(work(twelve)).toBeGreaterThanOrEqual(2 * WORK_PER_RUNNER);
    expect(work(twelve)).toBeLessThan(5 * WORK_PER_RUNNER);
    expect(autoParallel(twelve, 2)).toBe(2);
    expect(autoParallel(twelve, 8)).toBe(Math.floor(work(twelve) / WORK_PER_RUNNER));
    const matrix = Array.from({ length: 42 }, (_, i) => `l${i}`).flatMap((l) => [job(l, 'leaflet'), job(l, 'poster'), job(l, 'card')]);
    expect(autoParallel(matrix, 2)).toBe(2);
    expect(autoParallel(matrix, 8)).toBe(8);
    expect(autoParallel([], 8)).toBe(1);
  });
});
