import { parentPort, workerData } from 'node:worker_threads';
import { declareLanguages } from '../content/languages.ts';
import { folderSource } from '../platform/node.ts';
import { rememberLocalized } from './localized.ts';
import type { WorkerContent, WorkerJob } from './pool.ts';
import { contentIn, runJob, useLoadedContent } from './run-job.ts';

const given = workerData as WorkerContent | undefined;
if (given?.content) {
  // The project's own languages join the language table, as loading the folder does in the main thread: the
  // text engine looks a language's script and fonts up there.
  declareLanguages(given.content.project.languages);
  useLoadedContent(given.contentDir, { ...given.content, files: folderSource(given.content.root) });
}

/**
 * Worker-thread side of the pool: runs the jobs it is sent one at a time, in order (the pool sends the next job
 * before this one ends, so no time is lost waiting for it). Fonts and content are cached per thread, so each
 * worker parses each font at most once however many jobs it runs; localisations come made by the main thread.
 */
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (message: WorkerJob) => {
  queue = queue.then(async () => {
    const content = contentIn(message.ctx.contentDir);
    const edition = content?.editions.find((e) => e.name === message.job.edition);
    if (content && edition) for (const l of message.localized) rememberLocalized(content, edition, l.lang, l.result);
    parentPort?.postMessage(await runJob(message.job, message.ctx));
  });
});
