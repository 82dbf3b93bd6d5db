import { parentPort, workerData } from 'node:worker_threads';
import { declareLanguages } from '../content/languages.ts';
import { folderSource } from '../platform/node.ts';
import { rememberLocalized } from './localized.ts';
import { claimJob } from './plan-jobs.ts';
import type { WorkerBoard, WorkerContent, WorkerMessage } from './pool.ts';
import { runJob, useLoadedContent } from './run-job.ts';

/**
 * Worker-thread side of the pool: claims jobs from the shared board (pool.ts) and runs them one at a time until
 * none is left. Fonts and content are cached per thread, so each worker parses each font at most once however
 * many jobs it runs; the content and the localisations come made by the main thread.
 */
const given = workerData as WorkerBoard & Partial<WorkerContent>;
if (given.content && given.contentDir !== undefined) {
  // The project's own languages join the language table, as loading the folder does in the main thread.
  declareLanguages(given.content.project.languages);
  const content = { ...given.content, files: folderSource(given.content.root) };
  useLoadedContent(given.contentDir, content);
  for (const l of given.localized) {
    const edition = content.editions.find((e) => e.name === l.edition);
    if (edition) rememberLocalized(content, edition, l.lang, l.result);
  }
}

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
for (let i = claimJob(given.board, given.slot); i >= 0; i = claimJob(given.board, given.slot)) {
  Atomics.store(given.running, given.slot, i + 1);
  const result = await runJob(given.jobs[i]!, given.ctx);
  Atomics.store(given.running, given.slot, 0);
  post({ result });
}
post({ done: true });
