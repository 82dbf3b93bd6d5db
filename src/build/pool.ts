import { Worker } from 'node:worker_threads';
import type { ContentDoc } from '../content/types.ts';
import type { Job, JobContext, JobResult } from './job.ts';
import { runJob } from './run-job.ts';

/** What a worker is started with: the content already loaded by the build, for jobs in that folder. */
export interface WorkerContent {
  readonly contentDir: string;
  /** Without `files` (functions do not cross to a thread): the worker reopens the folder (worker.ts). */
  readonly content: Omit<ContentDoc, 'files'>;
}

/**
 * Runs jobs across `parallel` worker threads, handing the next job to whichever worker is free, and calls
 * `onResult` as each finishes (in completion order; the caller sorts what it prints). With one slot, or one
 * job, everything runs in this thread: no worker start-up (≈0.5 s each for tsx, HarfBuzz and fonts). Once `signal`
 * is aborted no further job starts (those running finish and are reported).
 */
export async function runJobs(
  jobs: readonly Job[],
  ctx: JobContext,
  parallel: number,
  onResult: (result: JobResult) => void = () => {},
  signal?: AbortSignal,
  content?: ContentDoc,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const take = (r: JobResult) => {
    results.push(r);
    onResult(r);
  };
  const slots = Math.max(1, Math.min(parallel, jobs.length));
  if (slots === 1) {
    for (const job of jobs) {
      if (signal?.aborted) break;
      take(await runJob(job, ctx));
    }
    return results;
  }
  const queue = [...jobs];
  const workerLoop = () =>
    new Promise<void>((resolveLoop) => {
      // The content the build loaded travels with the worker (a structured clone costs a fraction of parsing
      // and validating every YAML file again in each worker).
      const worker = new Worker(
        new URL('./worker-entry.mjs', import.meta.url),
        content ? { workerData: { contentDir: ctx.contentDir, content: withoutFiles(content) } satisfies WorkerContent } : {},
      );
      let current: Job | undefined;
      const next = () => {
        current = signal?.aborted ? undefined : queue.shift();
        if (!current) {
          void worker.terminate().then(() => resolveLoop());
          return;
        }
        worker.postMessage({ job: current, ctx });
      };
      worker.on('message', (r: JobResult) => {
        take(r);
        next();
      });
      worker.on('error', (e) => {
        // A crash (not a content problem): report it against the job it was running and stop this worker.
        if (current) take({ id: current.id, outputs: [], diagnostics: [], internalError: e.stack ?? String(e), ms: 0 });
        current = undefined;
        resolveLoop();
      });
      next();
    });
  await Promise.all(Array.from({ length: slots }, workerLoop));
  // Jobs a crashed worker never started are run here rather than silently dropped.
  for (const job of queue.splice(0)) {
    if (signal?.aborted) break;
    take(await runJob(job, ctx));
  }
  return results;
}

function withoutFiles(content: ContentDoc): Omit<ContentDoc, 'files'> {
  const { files: _files, ...rest } = content;
  return rest;
}
