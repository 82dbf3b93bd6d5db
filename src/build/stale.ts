import { join } from 'node:path';
import type { ContentDoc } from '../content/types.ts';
import { placed, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { fileSha256, type BuildCache, type CacheEntry } from './cache.ts';
import type { OutputFolder } from './output-fs.ts';
import { jobDefined } from './plan-jobs.ts';

/** Folder inside the output folder where out-of-date outputs are moved, keeping their relative paths. */
export const STALE_DIR = '.stale';

/** What became of a planned job in this build. Jobs the build did not plan have no outcome. */
export type JobOutcome = 'built' | 'fresh' | 'failed' | 'blocked' | 'skipped';

/** Why an earlier output no longer says what the content says. */
export type StaleReason = 'failed' | 'blocked' | 'not-selected' | 'removed';

export interface StaleJob {
  readonly id: string;
  readonly entry: CacheEntry;
  readonly reason: StaleReason;
}

/**
 * The cache entries whose files are out of date: the job was not (re)built in this run, and either it no longer
 * exists in the content (its language or edition was removed) or its content inputs changed since the files were
 * written. Files built with other options or an older engine, but from the same content, are not out of date.
 */
export function findStale(
  cache: BuildCache,
  content: ContentDoc,
  contentHash: (entry: CacheEntry) => string,
  outcomes: ReadonlyMap<string, JobOutcome>,
): StaleJob[] {
  const stale: StaleJob[] = [];
  for (const [id, entry] of Object.entries(cache).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const outcome = outcomes.get(id);
    if (outcome === 'built' || outcome === 'fresh' || outcome === 'skipped') continue;
    const defined = jobDefined(content, entry.job);
    if (defined && entry.content === contentHash(entry)) continue;
    const reason: StaleReason = !defined ? 'removed' : outcome === 'failed' ? 'failed' : outcome === 'blocked' ? 'blocked' : 'not-selected';
    stale.push({ id, entry, reason });
  }
  return stale;
}

/** One out-of-date file and what was done with it. */
export interface StaleFile {
  /** Relative to the output folder. */
  readonly file: string;
  /** `moved` to `.stale/<file>`; `kept` (--keep-stale); `changed` since written, so left alone; `gone` already. */
  readonly action: 'moved' | 'kept' | 'changed' | 'gone';
}

/**
 * Moves the files of stale jobs to `.stale/` (unless `keep`), updating `cache` as it goes, and says so. Only files
 * the cache lists are touched, and only while they still hold the bytes rightsprint wrote: a file someone changed
 * since is reported and left where it is (its entry stays, so the next build says it again). Stops at the first
 * file-system fault, which it returns.
 */
export function settleStale(
  stale: readonly StaleJob[],
  cache: BuildCache,
  out: OutputFolder,
  keep: boolean,
): { files: StaleFile[]; diagnostics: Diagnostic[]; fault?: Diagnostic } {
  const files: StaleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { id, entry, reason } of stale) {
    const left: CacheEntry['outputs'][number][] = [];
    const done: StaleFile[] = [];
    for (const o of entry.outputs) {
      const sha = fileSha256(join(out.abs, o.file));
      if (sha === undefined) done.push({ file: o.file, action: 'gone' });
      else if (sha !== o.sha256) {
        done.push({ file: o.file, action: 'changed' });
        left.push(o);
      } else if (keep) {
        done.push({ file: o.file, action: 'kept' });
        left.push(o);
      } else {
        const fault = out.move(o.file, join(STALE_DIR, o.file));
        if (fault) {
          files.push(...done);
          diagnostics.push(...report(entry, reason, done, out));
          cache[id] = { ...entry, outputs: [...left, ...entry.outputs.slice(entry.outputs.indexOf(o))], incomplete: true };
          return { files, diagnostics, fault };
        }
        done.push({ file: o.file, action: 'moved' });
      }
    }
    files.push(...done);
    diagnostics.push(...report(entry, reason, done, out));
    if (left.length === 0) delete cache[id];
    else if (left.length !== entry.outputs.length) cache[id] = { ...entry, outputs: left, incomplete: true };
  }
  return { files, diagnostics };
}

const WHY: Record<StaleReason, (entry: CacheEntry) => string> = {
  failed: () => 'the content changed and this job failed to build (see the errors above)',
  blocked: () => 'the content changed and the print policy now blocks this language (see RP5001 above)',
  'not-selected': () => 'the content changed and this build did not select it',
  removed: (e) => (e.job.kind === 'mixed-card' ? 'a language it holds is no longer in its edition' : 'its language or edition is no longer in the content'),
};

/** RP7001 (moved or kept) and RP7005 (changed since written) for one stale job's files. */
function report(entry: CacheEntry, reason: StaleReason, done: readonly StaleFile[], out: OutputFolder): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = (action: StaleFile['action']) => done.filter((f) => f.action === action).map((f) => f.file);
  const rebuild =
    entry.job.kind === 'mixed-card' || reason === 'removed' ? 'rightsprint build' : `rightsprint build --edition ${entry.job.edition} --lang ${entry.job.lang}`;
  const moved = names('moved');
  const kept = names('kept');
  for (const [files, what] of [
    [moved, `moved to ${out.show(STALE_DIR)}/ so it is not printed by mistake`],
    [kept, 'left in place (--keep-stale): do not print it'],
  ] as const) {
    if (files.length === 0) continue;
    diagnostics.push(
      placed(
        'warning',
        CODES.output.outputStale,
        `out of date: ${WHY[reason](entry)}; ${files.length === 1 ? 'it was' : `its ${files.length} files were`} ${what}: ${files.join(', ')}`,
        out.show(entry.job.dir),
        [
          reason === 'removed'
            ? 'Nothing to do if the removal was intended; delete the .stale folder when you no longer need the old files.'
            : `Fix the problem, then rebuild: ${rebuild}`,
        ],
      ),
    );
  }
  for (const file of names('changed')) {
    diagnostics.push(
      placed(
        'warning',
        CODES.output.staleChanged,
        `out of date (${WHY[reason](entry)}), but the file was changed since rightsprint wrote it, so it was left in place`,
        out.show(file),
        ['Do not print it. Delete or move it yourself if it is not needed.'],
      ),
    );
  }
  return diagnostics;
}
