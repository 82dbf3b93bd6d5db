/**
 * How the pool deals jobs out (issue #12, "workers only when they pay"): jobs that set the same fonts stay on one
 * runner, the work is balanced, and a runner that runs out takes the smallest job left elsewhere.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/build/job.ts';
import { assignJobs, claimJob, closeBoard, jobBoard, jobWeight } from '../../../src/build/plan-jobs.ts';
import { job } from './job-fixture.ts';

const SCRIPT: Record<string, string> = { en: 'Latn', fr: 'Latn', pl: 'Latn', ar: 'Arab', fa: 'Arab', 'zh-Hans': 'Hans', bn: 'Beng' };
const byScript = (j: Job) => (j.lang ? SCRIPT[j.lang]! : 'mixed');
const ids = (js: readonly Job[]) => js.map((j) => j.id);

describe('jobWeight', () => {
  it('weighs a job by its kind, and by the share of its outputs asked for with --only', () => {
    expect(jobWeight(job('en', 'card'))).toBeGreaterThan(jobWeight(job('en', 'leaflet')));
    expect(jobWeight(job('en', 'leaflet'))).toBeGreaterThan(jobWeight(job('en', 'poster')));
    expect(jobWeight(job('en', 'card', ['card-sheet-a4']))).toBeCloseTo(jobWeight(job('en', 'card')) / 3);
  });
});

describe('assignJobs', () => {
  const langs = ['en', 'fr', 'pl', 'ar', 'fa', 'zh-Hans', 'bn'];
  const jobs = langs.flatMap((l) => [job(l, 'poster'), job(l, 'card'), job(l, 'leaflet')]);

  it('gives every job to exactly one runner', () => {
    const lists = assignJobs(jobs, 3, byScript);
    expect(lists).toHaveLength(3);
    expect(ids(lists.flat()).sort()).toEqual(ids(jobs).sort());
  });

  it('keeps the jobs of one script on one runner', () => {
    const lists = assignJobs(jobs, 2, byScript);
    for (const script of ['Latn', 'Arab', 'Hans', 'Beng']) {
      const holders = lists.filter((list) => list.some((j) => byScript(j) === script));
      expect(holders, script).toHaveLength(1);
    }
  });

  it('balances the runners: the larger group alone, the smaller ones together', () => {
    const [a, b] = assignJobs(jobs, 2, byScript).map((list) => list.reduce((n, j) => n + jobWeight(j), 0));
    // Latin (3 languages) against Arabic, Chinese and Bengali (4): 24 against 32 of 56.
    expect([a, b].sort()).toEqual([24, 32]);
  });

  it('puts each runner’s largest jobs first', () => {
    for (const list of assignJobs(jobs, 2, byScript)) {
      const first = list.filter((j) => byScript(j) === byScript(list[0]!));
      expect(first.map(jobWeight)).toEqual([...first.map(jobWeight)].sort((x, y) => y - x));
    }
  });

  it('deals groups of equal weight the same way whatever order the jobs came in', () => {
    const even = ['en', 'ar', 'bn', 'zh-Hans'].map((l) => job(l, 'card'));
    const dealt = (js: readonly Job[]) => assignJobs(js, 2, byScript).map((list) => ids(list).sort());
    expect(dealt(even)).toEqual(dealt([...even].reverse()));
  });

  it('with one runner, hands it everything', () => {
    expect(assignJobs(jobs, 1, byScript)[0]).toHaveLength(jobs.length);
  });
});

describe('claimJob', () => {
  const lists = [[job('en', 'poster')], [job('ar', 'card'), job('ar', 'leaflet'), job('ar', 'poster')], [job('bn', 'leaflet')]];
  const jobs = lists.flat();
  const claim = (board: ReturnType<typeof jobBoard>, slot: number) => jobs[claimJob(board, slot)]?.id;

  it('takes from its own list first, then the smallest job of the runner with most left', () => {
    const board = jobBoard(jobs, lists);
    expect(claim(board, 0)).toBe('generic/en/poster');
    expect(claim(board, 0)).toBe('generic/ar/poster');
    expect(claim(board, 2)).toBe('generic/bn/leaflet');
    expect(claim(board, 2)).toBe('generic/ar/leaflet');
    expect(claim(board, 1)).toBe('generic/ar/card');
    expect(claimJob(board, 0)).toBe(-1);
    // Every job claimed exactly once.
    expect([...board.claims.slice(0, jobs.length)]).toEqual(jobs.map(() => 1));
  });

  it('hands out nothing more once the board is closed (the build was stopped)', () => {
    const board = jobBoard(jobs, lists);
    expect(claim(board, 1)).toBe('generic/ar/card');
    closeBoard(board);
    expect(claimJob(board, 1)).toBe(-1);
    expect(claimJob(board, 0)).toBe(-1);
  });

  it('is shared memory: a copy made for another thread sees the same claims', () => {
    const board = jobBoard(jobs, lists);
    const other = structuredClone(board);
    expect(claim(board, 0)).toBe('generic/en/poster');
    expect(jobs[claimJob(other, 0)]?.id).toBe('generic/ar/poster');
    // Not ar/poster again: the copy's claim is seen here.
    expect(claim(board, 0)).toBe('generic/ar/leaflet');
  });
});
