import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadContent, type LoadResult } from '../content/load.ts';
import type { ContentDoc } from '../content/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { localize } from '../i18n/localize.ts';
import { writeFileAtomic } from '../render/write.ts';
import { InputHasher, isFresh, readCache, writeCache, type BuildCache } from './cache.ts';
import type { Job, JobContext, JobResult } from './job.ts';
import { planJobs, type Selection } from './plan-jobs.ts';

export interface BuildRequest {
  readonly contentDir: string;
  /** The content folder as the user wrote it, for messages. */
  readonly contentDisplay?: string;
  readonly outDir: string;
  readonly selection?: Selection;
  readonly context: Omit<JobContext, 'contentDir'>;
  /** Worker threads; 1 runs in this thread; `auto` = one per core when the build is large enough to pay for them. */
  readonly parallel: number | 'auto';
  /** Rebuild even when the inputs did not change. */
  readonly force?: boolean;
  /** The content folder already loaded by the caller (the CLI loads it to check selection names): not parsed twice. */
  readonly loaded?: LoadResult;
  /** Called once per output as jobs finish. */
  readonly onOutput?: (output: OutputReport) => void;
}

/** One output file of the build. */
export interface OutputReport {
  /** Relative to the output folder. */
  readonly file: string;
  readonly bytes: number;
  readonly pages: number;
  /** Skipped: inputs unchanged since the file was written. */
  readonly cached: boolean;
}

export interface BuildSummary {
  readonly content?: ContentDoc;
  readonly outputs: readonly OutputReport[];
  readonly diagnostics: readonly Diagnostic[];
  /** Stacks of unexpected failures; non-empty means exit code 3. */
  readonly internalErrors: readonly string[];
  readonly jobs: { readonly planned: number; readonly built: number; readonly cached: number; readonly failed: number };
  readonly results: readonly JobResult[];
}

/**
 * The build, top to bottom: load and validate content (any error stops here, before a byte is written) →
 * localize every (edition, language) to apply the print policy → plan jobs → skip jobs whose inputs did not
 * change → run the rest in parallel → write each successful job's files atomically → update the cache.
 * A failed job leaves the previous good files of its outputs in place.
 */
export async function build(request: BuildRequest): Promise<BuildSummary> {
  const contentDir = resolve(request.contentDir);
  const outDir = resolve(request.outDir);
  const loaded = request.loaded ?? loadContent(contentDir, { display: request.contentDisplay ?? contentDir });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const empty = { planned: 0, built: 0, cached: 0, failed: 0 };
  if (!loaded.content || hasErrors(diagnostics)) return { outputs: [], diagnostics, internalErrors: [], jobs: empty, results: [] };
  const content = loaded.content;

  const planned = planJobs(content, request.selection);
  const blocked = new Set<string>();
  for (const edition of content.editions) {
    const langs = new Set(planned.filter((j) => j.edition === edition.name && j.lang).map((j) => j.lang!));
    for (const lang of langs) {
      const l = localize(content, edition, lang);
      diagnostics.push(...l.diagnostics);
      if (l.blocked) blocked.add(`${edition.name}/${lang}`);
    }
  }
  const runnable = planned.filter((j) => !j.lang || !blocked.has(`${j.edition}/${j.lang}`));

  const ctx: JobContext = { ...request.context, contentDir, ...(request.contentDisplay !== undefined ? { contentDisplay: request.contentDisplay } : {}) };
  const hasher = new InputHasher(content, ctx);
  const previous = readCache(outDir);
  const cache: BuildCache = { ...previous };
  const outputs: OutputReport[] = [];
  const report = (o: OutputReport) => {
    outputs.push(o);
    request.onOutput?.(o);
  };
  // A job asked for some of its outputs (`--only`) caches under a different hash than the whole job, so a later
  // full build never takes the partial entry for done.
  const hashes = new Map(runnable.map((j) => [j.id, j.outputs ? `${hasher.hash(j)}:only=${j.outputs.join(',')}` : hasher.hash(j)]));
  const todo: Job[] = [];
  let cachedJobs = 0;
  for (const job of runnable) {
    const entry = previous[job.id];
    if (!request.force && isFresh(entry, hashes.get(job.id)!, outDir)) {
      cachedJobs++;
      for (const o of entry.outputs) report({ file: o.file, bytes: o.bytes, pages: o.pages, cached: true });
    } else {
      todo.push(job);
    }
  }
  // The largest jobs first, so no core idles at the end waiting for one mixed sheet.
  todo.sort((a, b) => weight(b) - weight(a));

  const internalErrors: string[] = [];
  let built = 0;
  let failed = 0;
  mkdirSync(outDir, { recursive: true });
  const parallel = request.parallel === 'auto' ? autoParallel(todo.length) : request.parallel;
  // The engine (fonts, HarfBuzz, pdfkit) loads only when there is something to build: a no-op rebuild skips it.
  const { runJobs } = todo.length > 0 ? await import('./pool.ts') : { runJobs: async () => [] as JobResult[] };
  // Jobs that run in this thread take the content loaded above; workers load their own.
  if (todo.length > 0 && content.root === contentDir) (await import('./run-job.ts')).useLoadedContent(contentDir, content);
  const results = await runJobs(todo, ctx, parallel, (result) => {
    diagnostics.push(...result.diagnostics);
    if (result.internalError) internalErrors.push(`${result.id}: ${result.internalError}`);
    if (result.outputs.length === 0) {
      failed++;
      delete cache[result.id];
      return;
    }
    for (const o of result.outputs) {
      const path = join(outDir, o.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, o.data);
    }
    built++;
    cache[result.id] = { hash: hashes.get(result.id)!, outputs: result.outputs.map((o) => ({ file: o.file, bytes: o.data.byteLength, pages: o.pages })) };
    for (const o of result.outputs) report({ file: o.file, bytes: o.data.byteLength, pages: o.pages, cached: false });
  }, content.root === contentDir ? content : undefined);
  for (const job of planned) if (!runnable.includes(job)) delete cache[job.id];
  writeCache(outDir, cache);
  return {
    content,
    outputs,
    diagnostics,
    internalErrors,
    jobs: { planned: planned.length, built, cached: cachedJobs, failed: failed + planned.length - runnable.length },
    results,
  };
}

/** Rough relative cost of a job (measured: a mixed sheet lays out every language; posters fit by search). */
function weight(job: Job): number {
  return job.kind === 'mixed-card' ? 10 : job.kind === 'poster' ? 3 : job.kind === 'leaflet' ? 2 : 1;
}

/**
 * Below this many jobs a build runs in this thread: each worker thread first pays ≈1 s to start (tsx, HarfBuzz,
 * fonts). Measured on the 2-core CI machine: 37 jobs 3.8 s in-process vs 4.9 s with 2 workers; 106 jobs 10.2 s vs
 * 8.7 s; the full 212-job matrix 16.7 s vs 12.9 s.
 */
export const MIN_JOBS_FOR_WORKERS = 64;

/** Workers for `--jobs` not given: one per core, or none when the build is too small to pay for them. */
export function autoParallel(jobCount: number, cores: number = availableParallelism()): number {
  return jobCount < MIN_JOBS_FOR_WORKERS ? 1 : cores;
}
