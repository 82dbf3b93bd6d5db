import { Worker } from 'node:worker_threads';

/**
 * A worker thread started before its jobs are known: it loads the engine (≈0.5–0.7 s of CPU: fontkit, pdfkit,
 * HarfBuzz, the text engine) while the main thread is still loading content, planning and loading the same engine,
 * and then waits for its share of the build (`WorkerStart`, posted by pool.ts). This module imports nothing but
 * `node:worker_threads`, so the build can start workers before it loads the engine itself.
 */
export interface StartedWorker {
  readonly worker: Worker;
  /**
   * Settles when the thread has ended: `undefined` once the pool ended it after its last job (`retire`), otherwise
   * what ended it (an error's stack, or the exit code of a thread gone without one), for the crash report.
   */
  readonly ended: Promise<string | undefined>;
  /** Ends a thread whose work is done (or never came): its end is not a crash. */
  retire(): Promise<void>;
}

/** The worker thread's script: worker.ts, through tsx when running from source (worker-entry.mjs says why). */
const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * Starts `count` worker threads that load the engine and wait for their jobs (pool.ts `runJobs`). `entry` is the
 * script they run: tests give one that misbehaves on purpose, to check how the pool reports it.
 */
export function startWorkers(count: number, entry: URL = WORKER_ENTRY): StartedWorker[] {
  return Array.from({ length: Math.max(0, count) }, () => startWorker(entry));
}

/** Ends workers the build did not use (it failed first, or had fewer jobs than workers). */
export async function retireWorkers(workers: readonly StartedWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.retire()));
}

function startWorker(entry: URL): StartedWorker {
  const worker = new Worker(entry);
  let retired = false;
  let crash: string | undefined;
  const ended = new Promise<string | undefined>((resolve) => {
    // An error event comes before the exit event: the stack is what the crash report shows.
    worker.on('error', (e) => {
      crash ??= e.stack ?? String(e);
    });
    // Gone without an error event (a process.exit in a dependency): its job is not silently dropped either.
    worker.on('exit', (code) => resolve(retired && crash === undefined ? undefined : (crash ?? `worker thread exited (code ${code})`)));
  });
  return {
    worker,
    ended,
    async retire() {
      retired = true;
      await worker.terminate();
      await ended;
    },
  };
}
