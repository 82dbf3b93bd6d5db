/**
 * The pool with workers started before their jobs are known (workers.ts, pool.ts): a worker that fails while it
 * runs a job has that job reported as an internal error (never silently dropped), the other runner still builds
 * every other job, each job is reported once, and an aborted build starts nothing and leaves no thread behind.
 */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { JobContext, JobResult } from '../../../src/build/job.ts';
import { planJobs } from '../../../src/build/plan-jobs.ts';
import { runJobs } from '../../../src/build/pool.ts';
import { type StartedWorker, startWorkers } from '../../../src/build/workers.ts';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture } from '../cli/helpers.ts';

function setup() {
  const { content: dir } = copyFixture('content-basic');
  const content = loadContent(dir).content!;
  // Latin and Arabic: different fonts, so each runner gets a share (assignJobs).
  const jobs = planJobs(content, { editions: ['generic'], langs: ['en', 'ar'], materials: ['poster'] });
  const ctx: JobContext = { contentDir: dir, standard: 'none', materialOptions: {} };
  return { content, jobs, ctx };
}

/**
 * A worker running `script` (beside this test), once its thread runs: it then takes its job while the main
 * thread lays out its own (hundreds of milliseconds), so the main thread cannot have taken it first.
 */
async function failingWorker(script: string): Promise<StartedWorker> {
  const [started] = startWorkers(1, new URL(`./workers/${script}`, import.meta.url));
  await once(started!.worker, 'online');
  return started!;
}

describe('worker pool: failures and abort', () => {
  it.each([
    ['throws', 'throw-while-running.mjs', /worker failed on purpose \(test\)/u],
    ['exits', 'exit-while-running.mjs', /worker thread exited \(code 7\)/u],
  ])('a worker that %s while running a job: that job is an internal error, every other job is built by the main thread', async (_how, script, message) => {
    const { content, jobs, ctx } = setup();
    expect(jobs).toHaveLength(2);
    const seen: JobResult[] = [];
    const results = await runJobs(jobs, ctx, 2, (r) => seen.push(r), undefined, content, [await failingWorker(script)]);
    expect(results).toEqual(seen);
    expect(results.map((r) => r.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    const failed = results.filter((r) => r.internalError !== undefined);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.internalError).toMatch(message);
    expect(failed[0]!.outputs).toEqual([]);
    const built = results.filter((r) => r.internalError === undefined);
    expect(built).toHaveLength(1);
    expect(built[0]!.outputs.length).toBeGreaterThan(0);
  });

  it('an aborted build starts no job and ends the workers it was given', async () => {
    const { content, jobs, ctx } = setup();
    const workers = startWorkers(1);
    const results = await runJobs(jobs, ctx, 2, () => {}, AbortSignal.abort(), content, workers);
    expect(results).toEqual([]);
    // The worker was handed an empty board: it said done and was ended, not left running.
    expect(await workers[0]!.ended).toBeUndefined();
  });
});
