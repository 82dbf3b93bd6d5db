import { parentPort } from 'node:worker_threads';
import { ContentSpans } from '../content/content-spans.ts';
import { declareLanguages } from '../content/languages.ts';
import { folderSource } from '../platform/node.ts';
import { rememberLocalized } from './localized.ts';
import { claimJob } from './plan-jobs.ts';
import type { WorkerMessage, WorkerStart } from './pool.ts';
import { runJob, useLoadedContent } from './run-job.ts';

/**
 * Worker-thread side of the pool: started early by the build (workers.ts), it loads the engine (the imports
 * above) and then waits for its share of the build (pool.ts `WorkerStart`); it claims jobs from the shared board
 * and runs them one at a time until none is left. Fonts and content are cached per thread, so each worker parses
 * each font at most once however many jobs it runs; the content and the localisations come made by the main thread.
 * A function called by the worker's entry (worker-entry.mjs, or the compiled CLI's), not a module body with a
 * top-level await: the compiled CLI is a script, which cannot have one (docs/architecture.md, "Start-up").
 */
export async function serveJobs(): Promise<void> {
  const port = parentPort!;
  const given = await new Promise<WorkerStart>((resolve) => port.once('message', resolve));
  if (given.content && given.contentDir !== undefined) {
    // The project's own languages join the language table, as loading the folder does in the main thread.
    declareLanguages(given.content.project.languages);
    // The spans come as the fields of a ContentSpans (a structured clone keeps no class).
    const content = { ...given.content, files: folderSource(given.content.root), spans: ContentSpans.revive(given.content.spans) };
    useLoadedContent(given.contentDir, content);
    for (const l of given.localized) {
      const edition = content.editions.find((e) => e.name === l.edition);
      if (edition) rememberLocalized(content, edition, l.lang, l.result);
    }
  }

  const post = (m: WorkerMessage) => port.postMessage(m);
  for (let i = claimJob(given.board, given.slot); i >= 0; i = claimJob(given.board, given.slot)) {
    Atomics.store(given.running, given.slot, i + 1);
    const result = await runJob(given.jobs[i]!, given.ctx);
    Atomics.store(given.running, given.slot, 0);
    post({ result });
  }
  post({ done: true });
}
