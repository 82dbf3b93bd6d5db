import { parentPort } from 'node:worker_threads';
import type { Job, JobContext } from './job.ts';
import { runJob } from './run-job.ts';

/**
 * Worker-thread side of the pool: runs the jobs it is sent, one at a time. Fonts and content are cached per
 * thread, so each worker parses each font at most once however many jobs it runs.
 */
parentPort?.on('message', (message: { job: Job; ctx: JobContext }) => {
  void runJob(message.job, message.ctx).then((result) => parentPort?.postMessage(result));
});
