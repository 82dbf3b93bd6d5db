import { parentPort, workerData } from 'node:worker_threads';
import { folderSource } from '../platform/node.ts';
import type { Job, JobContext } from './job.ts';
import type { WorkerContent } from './pool.ts';
import { runJob, useLoadedContent } from './run-job.ts';

const given = workerData as WorkerContent | undefined;
if (given?.content) useLoadedContent(given.contentDir, { ...given.content, files: folderSource(given.content.root) });

/**
 * Worker-thread side of the pool: runs the jobs it is sent, one at a time. Fonts and content are cached per
 * thread, so each worker parses each font at most once however many jobs it runs.
 */
parentPort?.on('message', (message: { job: Job; ctx: JobContext }) => {
  void runJob(message.job, message.ctx).then((result) => parentPort?.postMessage(result));
});
