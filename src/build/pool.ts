import type { ContentDoc } from '../content/types.ts';
import type { LocalizeResult } from '../i18n/localize.ts';
import type { Job, JobContext, JobResult } from './job.ts';
import { localized } from './localized.ts';
import { assignJobs, claimJob, closeBoard, type JobBoard, jobBoard } from './plan-jobs.ts';
import { runJob } from './run-job.ts';
import { retireWorkers, type StartedWorker, startWorkers } from './workers.ts';

/** What a worker is started with: the content already loaded by the build, for jobs in that folder. */
export interface WorkerContent {
  readonly contentDir: string;
  /** Without `files` (functions do not cross to a thread): the worker reopens the folder (worker.ts). */
  readonly content: Omit<ContentDoc, 'files'>;
}

/** What a worker is sent once its jobs are known (workers.ts starts it earlier): every job of the build and the board to claim them from. */
export interface WorkerBoard {
  readonly slot: number;
  readonly jobs: readonly Job[];
  readonly ctx: JobContext;
  readonly board: JobBoard;
  /** `running[slot]` is the index + 1 of the job this worker runs, 0 between jobs: a crash is reported against it. */
  readonly running: Int32Array;
  /** The localisations the jobs use, made by the main thread, so the worker does not localise again. */
  readonly localized: readonly { readonly edition: string; readonly lang: string; readonly result: LocalizeResult }[];
}

/** The one message a worker receives: its share of the build, and the content when the build loaded it. */
export type WorkerStart = WorkerBoard & Partial<WorkerContent>;

/** A worker's message: one finished job, or `done` when it found no job left to claim. */
export type WorkerMessage = { readonly result: JobResult } | { readonly done: true };

/**
 * Runs jobs on `parallel` runners, the main thread and `parallel - 1` worker threads, and calls `onResult` as
 * each finishes (in completion order; the caller sorts what it prints). The main thread has the engine loaded
 * already and would otherwise only wait, so it takes a share instead of a further worker paying start-up
 * (≈0.5–0.7 s of CPU and ≈45 MB each to load the modules, then reading and verifying the fonts it sets). Workers
 * `started` early by the build (workers.ts), which have been loading the engine meanwhile, are used first; any
 * missing are started here, any left over are ended. Jobs are dealt out by the fonts they set (assignJobs), and
 * each runner claims its next job from a shared board (claimJob), never waiting for the main thread, which reads
 * a worker's results only between its own jobs. Workers get the content and the localisations the main thread
 * already made, as plain data. With one runner, or one job, no worker runs. Once `signal` is aborted no further
 * job starts (those running finish and are reported).
 */
export async function runJobs(
  jobs: readonly Job[],
  ctx: JobContext,
  parallel: number,
  onResult: (result: JobResult) => void = () => {},
  signal?: AbortSignal,
  content?: ContentDoc,
  started: readonly StartedWorker[] = [],
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const take = (r: JobResult) => {
    results.push(r);
    onResult(r);
  };
  const slots = Math.max(1, Math.min(parallel, jobs.length));
  await retireWorkers(started.slice(slots - 1));
  const workers = [...started.slice(0, slots - 1), ...startWorkers(slots - 1 - Math.min(started.length, slots - 1))];
  const board = jobBoard(
    jobs,
    assignJobs(jobs, slots, (job) => fontGroup(job, content)),
  );
  if (signal?.aborted) closeBoard(board);
  signal?.addEventListener('abort', () => closeBoard(board), { once: true });
  const running = new Int32Array(new SharedArrayBuffer(4 * slots));
  const made = slots > 1 ? localizations(jobs, content) : [];
  // The content the build loaded travels with each worker (a structured clone costs a fraction of parsing and
  // validating every YAML file again in each worker).
  const shared = content ? { contentDir: ctx.contentDir, content: withoutFiles(content) } : {};

  const workerLoop = async (started: StartedWorker, slot: number): Promise<void> => {
    const { worker } = started;
    worker.on('message', (m: WorkerMessage) => {
      if ('done' in m) void started.retire();
      else take(m.result);
    });
    const start: WorkerStart = { slot, jobs, ctx, board, running, localized: made, ...shared };
    worker.postMessage(start);
    const crash = await started.ended;
    // A crash (not a content problem) is reported against the job the worker was running; jobs it never claimed
    // are still on the board for the other runners.
    const index = Atomics.exchange(running, slot, 0) - 1;
    if (crash !== undefined && index >= 0) take({ id: jobs[index]!.id, outputs: [], diagnostics: [], internalError: crash, ms: 0 });
  };

  const mainLoop = async () => {
    for (let i = claimJob(board, 0); i >= 0; i = claimJob(board, 0)) {
      take(await runJob(jobs[i]!, ctx));
      // A turn of the event loop between jobs: the workers' results and the writes under way (build.ts) move on
      // while this thread lays out its next job, instead of after its last.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  // Workers first: mainLoop runs its first job synchronously up to its first await, and a worker handed its share
  // after that job would have waited a whole document's layout for it.
  const loops = workers.map((w, i) => workerLoop(w, i + 1));
  await Promise.all([mainLoop(), ...loops]);
  // Jobs a worker that crashed after the main thread ran out had not claimed yet.
  await mainLoop();
  return results;
}

/** Every localisation the jobs use, made (or remembered) in this thread, to hand to workers. */
function localizations(jobs: readonly Job[], content: ContentDoc | undefined): WorkerBoard['localized'] {
  if (!content) return [];
  const out = new Map<string, { edition: string; lang: string; result: LocalizeResult }>();
  for (const job of jobs) {
    const edition = content.editions.find((e) => e.name === job.edition);
    if (!edition) continue;
    for (const lang of job.langs ?? (job.lang ? [job.lang] : [])) {
      const key = `${job.edition}\u0000${lang}`;
      if (!out.has(key)) out.set(key, { edition: job.edition, lang, result: localized(content, edition, lang) });
    }
  }
  return [...out.values()];
}

/**
 * Jobs that set the same fonts share a key: the font stack of the job's language (its own `fonts:` or its
 * script's), so Arabic, Persian and Pashto go together. The mixed sheets set every script: one key for all.
 */
function fontGroup(job: Job, content: ContentDoc | undefined): string {
  if (!job.lang) return 'mixed';
  const edition = content?.editions.find((e) => e.name === job.edition);
  if (!content || !edition) return job.lang;
  const lang = localized(content, edition, job.lang).doc.lang;
  return lang.fonts ? lang.fonts.join(',') : lang.script;
}

function withoutFiles(content: ContentDoc): Omit<ContentDoc, 'files'> {
  const { files: _files, ...rest } = content;
  return rest;
}
