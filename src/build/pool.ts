import { Worker } from 'node:worker_threads';
import type { ContentDoc } from '../content/types.ts';
import type { LocalizeResult } from '../i18n/localize.ts';
import type { Job, JobContext, JobResult } from './job.ts';
import { localized } from './localized.ts';
import { assignJobs, takeJob } from './plan-jobs.ts';
import { runJob } from './run-job.ts';

/** What a worker is started with: the content already loaded by the build, for jobs in that folder. */
export interface WorkerContent {
  readonly contentDir: string;
  /** Without `files` (functions do not cross to a thread): the worker reopens the folder (worker.ts). */
  readonly content: Omit<ContentDoc, 'files'>;
}

/** One message to a worker: a job, and the localisations it needs that this worker has not been sent yet. */
export interface WorkerJob {
  readonly job: Job;
  readonly ctx: JobContext;
  readonly localized: readonly { readonly edition: string; readonly lang: string; readonly result: LocalizeResult }[];
}

/**
 * Jobs sent to a worker ahead of the one it runs, so it never waits for the main thread, which runs jobs too and
 * reads a worker's messages only between (and within the awaits of) its own.
 */
const AHEAD = 1;

/**
 * Runs jobs on `parallel` runners, the main thread and `parallel - 1` worker threads, and calls `onResult` as
 * each finishes (in completion order; the caller sorts what it prints). The main thread has the engine loaded
 * already and would otherwise only wait, so it takes a share instead of a further worker paying start-up
 * (≈0.7 s of CPU and ≈45 MB each to load the modules, then reading and verifying the fonts it sets). Jobs are
 * dealt out by the fonts they set (assignJobs), and each worker gets the content and the localisations the
 * main thread already made, as plain data. With one runner, or one job, no worker starts. Once `signal` is
 * aborted no further job starts (those running finish and are reported).
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
  const lists = assignJobs(jobs, slots, (job) => fontGroup(job, content));
  // Jobs of a crashed worker that it never started: run here rather than silently dropped.
  const orphans: Job[] = [];
  const next = (slot: number): Job | undefined => (signal?.aborted ? undefined : (orphans.shift() ?? takeJob(lists, slot)));

  const workerLoop = (slot: number) =>
    new Promise<void>((resolveLoop) => {
      // The content the build loaded travels with the worker (a structured clone costs a fraction of parsing
      // and validating every YAML file again in each worker).
      const worker = new Worker(
        new URL('./worker-entry.mjs', import.meta.url),
        content ? { workerData: { contentDir: ctx.contentDir, content: withoutFiles(content) } satisfies WorkerContent } : {},
      );
      /** Sent and not yet reported, oldest (the one running) first. */
      const inFlight: Job[] = [];
      const sentLocalized = new Set<string>();
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        resolveLoop();
      };
      const fill = () => {
        while (inFlight.length <= AHEAD) {
          const job = next(slot);
          if (!job) break;
          inFlight.push(job);
          worker.postMessage({ job, ctx, localized: localizedFor(job, content, sentLocalized) } satisfies WorkerJob);
        }
        if (inFlight.length === 0) void worker.terminate().then(end);
      };
      worker.on('message', (r: JobResult) => {
        inFlight.shift();
        take(r);
        fill();
      });
      worker.on('error', (e) => {
        // A crash (not a content problem): report it against the job it was running and stop this worker.
        const crashed = inFlight.shift();
        if (crashed) take({ id: crashed.id, outputs: [], diagnostics: [], internalError: e.stack ?? String(e), ms: 0 });
        orphans.push(...inFlight.splice(0));
        end();
      });
      worker.on('exit', (code) => {
        // Gone without an error event (a process.exit in a dependency): its jobs are not silently dropped either.
        const lost = ended ? undefined : inFlight.shift();
        if (lost) take({ id: lost.id, outputs: [], diagnostics: [], internalError: `worker thread exited (code ${code}) while running ${lost.id}`, ms: 0 });
        orphans.push(...inFlight.splice(0));
        end();
      });
      fill();
    });

  const mainLoop = async () => {
    for (let job = next(0); job; job = next(0)) take(await runJob(job, ctx));
  };
  await Promise.all([mainLoop(), ...Array.from({ length: slots - 1 }, (_, i) => workerLoop(i + 1))]);
  // Orphans of a worker that crashed after the main thread had run out of its own jobs.
  for (let job = next(0); job; job = next(0)) take(await runJob(job, ctx));
  return results;
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

/** The localisations `job` uses that have not been sent to this worker yet (recorded in `sent`). */
function localizedFor(job: Job, content: ContentDoc | undefined, sent: Set<string>): WorkerJob['localized'] {
  const edition = content?.editions.find((e) => e.name === job.edition);
  if (!content || !edition) return [];
  const out: { edition: string; lang: string; result: LocalizeResult }[] = [];
  for (const lang of job.langs ?? (job.lang ? [job.lang] : [])) {
    const key = `${job.edition}\u0000${lang}`;
    if (sent.has(key)) continue;
    sent.add(key);
    out.push({ edition: job.edition, lang, result: localized(content, edition, lang) });
  }
  return out;
}

function withoutFiles(content: ContentDoc): Omit<ContentDoc, 'files'> {
  const { files: _files, ...rest } = content;
  return rest;
}
