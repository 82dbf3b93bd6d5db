import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent, type LoadResult } from '../content/load.ts';
import type { ContentDoc } from '../content/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/format.ts';
import {
  CACHE_FILE as CACHE_FILE_NAME,
  InputHasher,
  isFresh,
  readCacheFile,
  recordStats,
  serializeCache,
  sha256,
  type BuildCache,
  type CacheEntry,
  type CachedOutput,
} from './cache.ts';
import type { Job, JobContext, JobResult } from './job.ts';
import { localizeDiagnostics } from '../i18n/policy.ts';
import { jobWeight, planJobs, type Selection } from './plan-jobs.ts';
import { OutputFolder, removeDeadTemporaries, type StagedFile } from './output-fs.ts';
import { findStale, settleStale, type JobOutcome, type StaleFile } from './stale.ts';
import { retireWorkers, type StartedWorker, startWorkers } from './workers.ts';

export interface BuildRequest {
  readonly contentDir: string;
  /** The content folder as the user wrote it, for messages. */
  readonly contentDisplay?: string;
  readonly outDir: string;
  /** The output folder as the user wrote it, for messages. */
  readonly outDisplay?: string;
  readonly selection?: Selection;
  readonly context: Omit<JobContext, 'contentDir'>;
  /** Runners: 1 runs in this thread, N this thread and N-1 workers; `auto` as much as the build's work pays for (autoParallel). */
  readonly parallel: number | 'auto';
  /** Rebuild even when the inputs did not change. */
  readonly force?: boolean;
  /** Report out-of-date outputs but leave them where they are (default: move them to `.stale/`). */
  readonly keepStale?: boolean;
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
  /** `notRun`: jobs a file-system fault stopped before they were written (also counted in `failed`). */
  readonly jobs: { readonly planned: number; readonly built: number; readonly cached: number; readonly failed: number; readonly notRun: number };
  readonly results: readonly JobResult[];
  /** Earlier outputs found out of date, and what was done with each (also reported as RP7001/RP7005). */
  readonly stale: readonly StaleFile[];
  /** A file-system fault stopped the build (reported as an RP70xx error); later jobs did not run. */
  readonly stopped: boolean;
}

/**
 * The build, top to bottom: load and validate content (any error stops here, before a byte is written) →
 * localize every (edition, language) to apply the print policy → plan jobs → skip jobs whose inputs did not
 * change (same input hash and same bytes on disk) → run the rest in parallel → write each successful job's files
 * atomically and record them in the cache → move earlier outputs that are now out of date to `.stale/`.
 * A failed job writes nothing; its previous files stay only while they still say what the content says.
 */
export async function build(request: BuildRequest): Promise<BuildSummary> {
  let workers: readonly StartedWorker[] = [];
  try {
    return await buildWith(request, (count) => {
      // Started as soon as the build knows it has jobs for them, before it loads the engine (or the rest of the
      // content folder): a worker loads the engine in ≈0.5–0.7 s, in parallel with the main thread's own start.
      if (workers.length < count) workers = [...workers, ...startWorkers(count - workers.length)];
      return workers;
    });
  } finally {
    // Workers a build ended without using (content errors, nothing to do, a fault): never left running.
    await retireWorkers(workers);
  }
}

async function buildWith(request: BuildRequest, workersFor: (count: number) => readonly StartedWorker[]): Promise<BuildSummary> {
  const contentDir = resolve(request.contentDir);
  const outDir = resolve(request.outDir);
  const loaded = request.loaded ?? loadContent(contentDir, { display: request.contentDisplay ?? contentDir });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const empty = { planned: 0, built: 0, cached: 0, failed: 0, notRun: 0 };
  // Content that does not load says nothing about which outputs are current: the output folder is left alone.
  if (!loaded.content || hasErrors(diagnostics)) return { outputs: [], diagnostics, internalErrors: [], jobs: empty, results: [], stale: [], stopped: false };
  const content = loaded.content;

  const planned = planJobs(content, request.selection);
  const blocked = new Set<string>();
  for (const edition of content.editions) {
    const langs = new Set(planned.filter((j) => j.edition === edition.name && j.lang).map((j) => j.lang!));
    for (const lang of langs) {
      // What localize() reports, without the strings: a job that runs localises its language itself (memoised
      // per content, see localized.ts), and a no-op build needs no strings at all.
      const l = localizeDiagnostics(content, edition, lang);
      diagnostics.push(...l.diagnostics);
      if (l.blocked) blocked.add(`${edition.name}/${lang}`);
    }
  }
  const outcomes = new Map<string, JobOutcome>();
  const runnable: Job[] = [];
  for (const job of planned) {
    if (job.lang && blocked.has(`${job.edition}/${job.lang}`)) outcomes.set(job.id, 'blocked');
    else runnable.push(job);
  }

  const ctx: JobContext = { ...request.context, contentDir, ...(request.contentDisplay !== undefined ? { contentDisplay: request.contentDisplay } : {}) };
  const cacheFile = readCacheFile(outDir);
  const cache: BuildCache = cacheFile.jobs;
  const hasher = new InputHasher(content, ctx, process.env, cacheFile.inputs);
  /** The trusted inputs as the cache file on disk has them: saved again only when they changed (or with the jobs). */
  let savedInputs = serializeCache({}, cacheFile.inputs);
  const out = new OutputFolder(outDir, request.outDisplay ?? outDir);
  // Half-written temporaries of a killed build: cleared wherever this build could write (best effort, so a
  // no-op build on a read-only folder still succeeds).
  for (const dir of new Set(['', ...planned.map((j) => j.dir)])) removeDeadTemporaries(join(outDir, dir));
  const outputs: OutputReport[] = [];
  const report = (o: OutputReport) => {
    outputs.push(o);
    request.onOutput?.(o);
  };
  // A job asked for some of its outputs (`--only`) caches under a different hash than the whole job, so a later
  // full build never takes the partial entry for done.
  const hashes = new Map(runnable.map((j) => [j.id, j.outputs ? `${hasher.hash(j)}:only=${j.outputs.join(',')}` : hasher.hash(j)]));
  const todo: Job[] = [];
  const fresh: CacheEntry[] = [];
  for (const job of runnable) {
    const entry = cache[job.id];
    if (!request.force && isFresh(entry, hashes.get(job.id)!, outDir)) {
      fresh.push(entry);
      outcomes.set(job.id, 'fresh');
    } else {
      todo.push(job);
    }
  }
  const parallel = request.parallel === 'auto' ? autoParallel(todo) : request.parallel;
  const started = workersFor(Math.min(parallel, todo.length) - 1);
  // Content loaded with only the selected translations (`build --lang`) answers a build with nothing to do: every
  // job fresh and no earlier output out of date. Anything to write or to move needs the whole folder (a poster
  // prints every language), loaded and checked as a build without that shortcut would.
  if (content.onlyTranslations && (todo.length > 0 || findStale(cache, content, (e) => hasher.contentHash(e.job), outcomes).length > 0)) {
    const { loaded: _partial, ...rest } = request;
    return buildWith(rest, workersFor);
  }
  const cachedJobs = fresh.length;
  for (const entry of fresh) for (const o of entry.outputs) report({ file: o.file, bytes: o.bytes, pages: o.pages, cached: true });
  // In what order and on which thread each job runs is the pool's to decide (pool.ts, plan-jobs.ts assignJobs).

  const internalErrors: string[] = [];
  let built = 0;
  // The first file-system fault (read-only folder, disk full, …) stops the build: every later write would fail alike.
  const stop = new AbortController();
  const halt = (fault: Diagnostic) => {
    diagnostics.push(fault);
    stop.abort();
  };
  // Nothing to write means no write at all: a no-op build works on a read-only output folder.
  if (todo.length > 0) {
    const fault = out.ensureFolder('');
    if (fault) halt(fault);
  }
  // The engine (fonts, HarfBuzz, pdfkit) loads only when there is something to build: a no-op rebuild skips it.
  const { runJobs } = todo.length > 0 ? await import('./pool.ts') : { runJobs: async () => [] as JobResult[] };
  // Jobs that run in this thread take the content loaded above; workers are handed it too.
  if (todo.length > 0 && content.root === contentDir) (await import('./run-job.ts')).useLoadedContent(contentDir, content);
  const jobsById = new Map(todo.map((j) => [j.id, j]));
  /** Jobs recorded in `cache` but not yet in the cache file (see record). */
  let unsaved = false;
  /**
   * Writes what finished jobs made, in the order they finished, a batch at a time: each job's files go to
   * temporary names now (OutputFolder.stage), then are made durable and renamed off this thread (commit), and the
   * cache records the batch's jobs once their files are in place. The main thread runs jobs too, and used to wait
   * for the disk here (an fsync per file and per cache save: ≈3.4 ms each on the shared 2-core machine, 866 of them
   * in the full matrix, 17 % of the main thread's time in its profile); now it goes on with its next job while the
   * thread pool syncs, and one cache save covers every job finished meanwhile. A build killed at any point still
   * leaves a cache that is true: an entry is saved only after its files are renamed.
   */
  const record = async (batch: readonly JobResult[]): Promise<void> => {
    const ready: { job: Job; files: StagedFile[]; result: JobResult }[] = [];
    for (const result of batch) {
      diagnostics.push(...result.diagnostics);
      if (result.internalError) internalErrors.push(`${result.id}: ${result.internalError}`);
      if (result.outputs.length === 0 || stop.signal.aborted) {
        outcomes.set(result.id, result.outputs.length === 0 ? 'failed' : 'skipped');
        continue;
      }
      const files: StagedFile[] = [];
      for (const o of result.outputs) {
        const staged = out.stage(o.file, o.data);
        if ('fault' in staged) {
          halt(staged.fault);
          break;
        }
        files.push(staged.staged);
      }
      if (files.length < result.outputs.length) {
        // A job whose files cannot all be written writes none of them.
        for (const f of files) out.discard(f);
        outcomes.set(result.id, 'skipped');
        continue;
      }
      ready.push({ job: jobsById.get(result.id)!, files, result });
    }
    const faults = await Promise.all(ready.map(({ files }) => Promise.all(files.map((f) => out.commit(f)))));
    const reports: OutputReport[] = [];
    /** Whether every job of the batch only wrote its files again with the content the cache records (see below). */
    let allRewritten = true;
    ready.forEach(({ job, result }, k) => {
      const previous = cache[job.id];
      const written: CachedOutput[] = [];
      result.outputs.forEach((o, i) => {
        const fault = faults[k]![i];
        if (fault) {
          if (!stop.signal.aborted) halt(fault);
        } else {
          written.push({ file: o.file, sha256: sha256(o.data), bytes: o.data.byteLength, pages: o.pages });
        }
      });
      const others = release(
        cache,
        written.map((o) => o.file),
      ).filter((id) => id !== job.id);
      let rewritten = false;
      if (written.length === result.outputs.length) {
        const content = hasher.contentHash(job);
        cache[job.id] = { job, hash: hashes.get(job.id)!, content, outputs: written };
        outcomes.set(job.id, 'built');
        built++;
        rewritten =
          previous !== undefined && !previous.incomplete && previous.content === content && sameFiles(previous.outputs, written) && others.length === 0;
      } else {
        outcomes.set(job.id, 'skipped');
      }
      if (!rewritten) allRewritten = false;
      for (const o of written) reports.push({ file: o.file, bytes: o.bytes, pages: o.pages, cached: false });
    });
    if (reports.length === 0) return;
    // Saved batch by batch, atomically, so a build killed at any point leaves a cache that is still true: it lists
    // every file the build has written, and says which content each one prints; an output is reported once that is
    // on disk. A batch whose jobs only wrote their files again with the content the cache already records for them
    // (--force, another engine or other options) is saved at the end of the build: killed before, the cache's hash
    // and sha256 for them are the old ones, so a later build that selects the job rebuilds it (its bytes no longer
    // match) and one that does not leaves files that print the current content, as it would have anyway
    // (docs/architecture.md, decision 10).
    if (allRewritten) {
      unsaved = true;
    } else {
      const inputs = serializeCache({}, hasher.inputs());
      const saved = out.stage(CACHE_FILE_NAME, serializeCache(cache, hasher.inputs()));
      const fault = 'fault' in saved ? saved.fault : await out.commit(saved.staged);
      if (fault && !stop.signal.aborted) halt(fault);
      else if (!fault) {
        unsaved = false;
        savedInputs = inputs;
      }
    }
    for (const o of reports) report(o);
  };
  const pending: JobResult[] = [];
  let writing = false;
  let recorded: Promise<void> = Promise.resolve();
  const write = async () => {
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0);
        try {
          await record(batch);
        } catch (e) {
          // A bug while recording (not a file-system fault, which is a diagnostic): reported, not a silent loss.
          internalErrors.push(`${batch.map((r) => r.id).join(', ')}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }
    } finally {
      writing = false;
    }
  };
  const take = (result: JobResult) => {
    pending.push(result);
    if (!writing) {
      writing = true;
      recorded = write();
    }
  };
  const results = await runJobs(stop.signal.aborted ? [] : todo, ctx, parallel, take, stop.signal, content.root === contentDir ? content : undefined, started);
  await recorded;
  for (const job of todo) if (!outcomes.has(job.id)) outcomes.set(job.id, 'skipped');

  let stale: StaleFile[] = [];
  if (!stop.signal.aborted) {
    const before = serializeCache(cache);
    const settled = settleStale(
      findStale(cache, content, (e) => hasher.contentHash(e.job), outcomes),
      cache,
      out,
      request.keepStale ?? false,
    );
    stale = settled.files;
    diagnostics.push(...settled.diagnostics);
    if (settled.fault) halt(settled.fault);
    const settledCache = serializeCache(cache);
    // The stats of the files that have settled are recorded, so later builds trust them without reading them
    // (cache.ts recordStats). A build that changed nothing else records them only when there are new ones (once
    // the files a build wrote are RACY_MS old), and only if it can: the cache is rewritten, never an output, and a
    // read-only output folder still gets a no-op build that succeeds and writes nothing.
    if (!stop.signal.aborted) recordStats(cache, outDir);
    const after = serializeCache(cache);
    // Input stats (cache.ts TrustedInput) are stats too: a build that only has new ones saves them if it can.
    if (after !== before || unsaved || serializeCache({}, hasher.inputs()) !== savedInputs) {
      const fault = out.write(CACHE_FILE_NAME, serializeCache(cache, hasher.inputs()));
      const onlyStats = todo.length === 0 && settledCache === before;
      if (fault && !onlyStats && !stop.signal.aborted) halt(fault);
    }
  } else if (unsaved) {
    // Stopped by a file-system fault: the jobs written before it are still worth recording, if the folder lets us.
    out.write(CACHE_FILE_NAME, serializeCache(cache, hasher.inputs()));
  }
  // The new names of everything written above, made durable once per folder (output-fs.ts, sync).
  out.sync();
  const failed = planned.length - built - cachedJobs;
  const notRun = [...outcomes.values()].filter((o) => o === 'skipped').length;
  return {
    content,
    outputs,
    diagnostics,
    internalErrors,
    jobs: { planned: planned.length, built, cached: cachedJobs, failed, notRun },
    results,
    stale,
    stopped: stop.signal.aborted,
  };
}

/**
 * Forgets every other job's claim on files just written: an entry whose file was overwritten (the mixed sheet of
 * another language selection writes the same file) no longer describes it. An entry left with no file is dropped;
 * one left with some is incomplete (never fresh, but its remaining files are still known for `.stale/`). Returns the
 * ids of the entries it changed.
 */
function release(cache: BuildCache, files: readonly string[]): string[] {
  const taken = new Set(files);
  const changed: string[] = [];
  for (const [id, entry] of Object.entries(cache)) {
    const left = entry.outputs.filter((o) => !taken.has(o.file));
    if (left.length === entry.outputs.length) continue;
    changed.push(id);
    if (left.length === 0) delete cache[id];
    else cache[id] = { ...entry, outputs: left, incomplete: true };
  }
  return changed;
}

/** Whether two lists of outputs name the same files. */
function sameFiles(a: readonly CachedOutput[], b: readonly CachedOutput[]): boolean {
  if (a.length !== b.length) return false;
  const names = (xs: readonly CachedOutput[]) => xs.map((o) => o.file).sort();
  const other = names(b);
  return names(a).every((f, i) => f === other[i]);
}

/**
 * Work, in jobWeight units (plan-jobs.ts), that one more runner needs before it can pay for itself. A worker costs
 * ≈1.4 s of CPU and ≈85 MiB (the 18-document build with `--jobs 2` against `--jobs 1` on the 2-core machine): its
 * engine loads while the main thread starts (workers.ts), but its own JIT warm-up, fonts and garbage collection
 * (≈1 s) slow the jobs it runs, so two runners take ≈(W + 1)/2 seconds for W of work against W for one. Anchors,
 * one thread: the 18-document build of issue #12 (weight 19) ≈2 s of job work, which a worker made slower on an
 * idle machine (2.64 s against 2.2 s before workers started early) and which must stay within its memory goal;
 * the six languages with every material and their mixed sheet (weight 78) ≈4 s, where a worker was slower on the
 * busy machine (load 6–9: 8.4 s against 5.8 s) and an idle one was not available to measure. So two runners from
 * weight 80 up (seven languages or more with every material and their mixed sheet), and the full matrix (≈750) on
 * every core.
 */
export const WORK_PER_RUNNER = 40;

/** Runners for `--jobs` not given: one per `WORK_PER_RUNNER` of work, at least one, at most one per core. */
export function autoParallel(jobs: readonly Job[], cores: number = availableParallelism()): number {
  const work = jobs.reduce((n, job) => n + jobWeight(job), 0);
  return Math.max(1, Math.min(cores, Math.floor(work / WORK_PER_RUNNER)));
}
