import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentDoc } from '../content/types.ts';
import { fallbackChain } from '../i18n/fallback.ts';
import { editionLanguages } from '../i18n/policy.ts';
import { REPO_ROOT } from '../platform/repo-root.ts';
import { stampOnce } from '../../scripts/src-stamp.mjs';
import { fileStat, settled } from './file-stat.ts';
import type { Job, JobContext } from './job.ts';

/**
 * Build cache file inside the output folder. It is also the manifest of what rightsprint wrote there: only files
 * it lists are ever moved to `.stale/`.
 */
export const CACHE_FILE = '.rightsprint-cache.json';
/**
 * Bump when the cache format changes; an unknown format is ignored (everything rebuilds). 2: outputs carry the
 * sha256 of their bytes, entries carry their job and a content-only hash, mixed-sheet ids name their languages.
 */
const CACHE_FORMAT = 2;

/** One file a job wrote, as it was written. */
export interface CachedOutput {
  /** Relative to the output folder. */
  readonly file: string;
  /** SHA-256 of the bytes written: the file on disk is trusted only while it still hashes to this. */
  readonly sha256: string;
  readonly bytes: number;
  readonly pages: number;
  /**
   * The file's stat signature (file-stat.ts) when it last hashed to `sha256`, recorded only once the file had not
   * changed for RACY_MS: while the file keeps exactly this stat it is trusted without reading it (recordStats).
   */
  readonly stat?: string;
}

export interface CacheEntry {
  /** The job itself, so a later build can judge it even when that build does not select it. */
  readonly job: Job;
  /** Every input (engine, options, content): same hash and same bytes on disk means nothing to do. */
  readonly hash: string;
  /** The content inputs only — what the file says. When it differs from the current content, the files are out of date. */
  readonly content: string;
  readonly outputs: readonly CachedOutput[];
  /** Some of the job's files were since overwritten by another job (or a write failed): never fresh; the rest are still known. */
  readonly incomplete?: boolean;
}
export type BuildCache = Record<string, CacheEntry>;

/**
 * An input file (content or engine, see InputHasher) as it last hashed: its stat signature (file-stat.ts) and the
 * sha256 of its bytes. While the file keeps exactly this stat, the next build takes the sha256 without reading the
 * file, as a no-op trusts an output's recorded stat (recordStats): recorded only once the file had settled.
 */
export interface TrustedInput {
  readonly stat: string;
  readonly sha256: string;
}
/** Trusted inputs by absolute path. */
export type InputStats = Record<string, TrustedInput>;

/** The whole cache file: the jobs, and the input files whose hashes a later build may take without reading them. */
export interface CacheFile {
  readonly jobs: BuildCache;
  readonly inputs: InputStats;
}

/** The cache of an output folder; empty when absent, unreadable or of another format (then everything rebuilds). */
export function readCache(outDir: string): BuildCache {
  return readCacheFile(outDir).jobs;
}

/** The cache file of an output folder, jobs and trusted inputs; empty when absent, unreadable or of another format. */
export function readCacheFile(outDir: string): CacheFile {
  try {
    const raw = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as { format?: number; jobs?: BuildCache; inputs?: InputStats };
    if (raw.format !== CACHE_FORMAT || !raw.jobs || typeof raw.jobs !== 'object') return { jobs: {}, inputs: {} };
    // A hand-edited or foreign file must not make the build trust anything: keep only well-formed entries.
    const jobs = Object.fromEntries(Object.entries(raw.jobs).filter(([id, e]) => wellFormed(id, e)));
    const inputs =
      raw.inputs && typeof raw.inputs === 'object'
        ? Object.fromEntries(
            Object.entries(raw.inputs).filter(([, t]) => typeof t === 'object' && t !== null && typeof t.stat === 'string' && typeof t.sha256 === 'string'),
          )
        : {};
    return { jobs, inputs };
  } catch {
    return { jobs: {}, inputs: {} };
  }
}

function wellFormed(id: string, e: CacheEntry): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    e.job?.id === id &&
    typeof e.hash === 'string' &&
    typeof e.content === 'string' &&
    Array.isArray(e.outputs) &&
    e.outputs.every(
      (o) =>
        typeof o.file === 'string' &&
        typeof o.sha256 === 'string' &&
        (o.stat === undefined || typeof o.stat === 'string') &&
        !o.file.split(/[\\/]/u).includes('..'),
    )
  );
}

/**
 * The cache file's text: entries sorted by id, so equal caches are equal text. The build writes it through
 * OutputFolder (atomically, after each batch of jobs that changed what a file says, and at the end: build.ts record), so a
 * killed build leaves the previous complete cache or the new one.
 */
export function serializeCache(cache: BuildCache, inputs: InputStats = {}): string {
  const sorted = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ format: CACHE_FORMAT, jobs: sorted(cache), inputs: sorted(inputs) }, null, 1)}\n`;
}

/** SHA-256 of bytes, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file's current bytes, or undefined when it cannot be read (missing, a folder, no permission). */
export function fileSha256(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * A cached job is fresh when its inputs hash matches and every file it wrote still holds exactly the bytes written
 * (compared by content: a file damaged in place, or overwritten by a killed build, with the same size is not fresh).
 * A file whose stat is still the one recorded when it last hashed right (see recordStats) is not read again: no
 * write, rename or copy can reach a file without changing its change time or inode (docs/architecture.md,
 * "What a no-op trusts").
 */
export function isFresh(entry: CacheEntry | undefined, hash: string, outDir: string): entry is CacheEntry {
  if (!entry || entry.hash !== hash || entry.incomplete || entry.outputs.length === 0) return false;
  return entry.outputs.every((o) => {
    const path = join(outDir, o.file);
    return (o.stat !== undefined && fileStat(path)?.signature === o.stat) || fileSha256(path) === o.sha256;
  });
}

/**
 * Records (or forgets) the stat of every cached file, so that later builds trust them without reading them: a file
 * gets its stat recorded only when, at `nowMs`, it had not changed for RACY_MS and still hashes to its sha256 (the
 * stat is taken before hashing, so a write during the hash leaves a stat that no longer matches). A file changed
 * more recently keeps no stat and is hashed by the next build. Called at the end of every build; one with nothing
 * else to do writes the cache only for new stats, and only if it can (build.ts). Returns whether anything changed.
 */
export function recordStats(cache: BuildCache, outDir: string, nowMs: number = Date.now()): boolean {
  let changed = false;
  for (const [id, entry] of Object.entries(cache)) {
    const outputs = entry.outputs.map((o): CachedOutput => {
      const path = join(outDir, o.file);
      const now = fileStat(path);
      if (now !== undefined && now.signature === o.stat) return o;
      const { stat: _old, ...rest } = o;
      return now !== undefined && settled(now, nowMs) && fileSha256(path) === o.sha256 ? { ...rest, stat: now.signature } : rest;
    });
    if (outputs.some((o, i) => o !== entry.outputs[i] && o.stat !== entry.outputs[i]!.stat)) {
      cache[id] = { ...entry, outputs };
      changed = true;
    }
  }
  return changed;
}

/**
 * Hashes the inputs of jobs, in two parts. The content part is what a file says: project.yaml, the source
 * guidance, the content folder's UI strings, the edition file and its logo, the translations the job prints (its
 * language and fallbacks and the officer language; every edition language for the poster strip and the mixed
 * sheet) and the job itself (its languages, in order). The engine part is how it is drawn: the source stamp (every
 * file under src/, see scripts/src-stamp.mjs), package.json and package-lock.json, Node's and zlib's versions, the font manifest (whose sha256s the registry
 * checks every font file against when it opens it) plus each font file's size, the bundled UI locales, the build
 * options and SOURCE_DATE_EPOCH. `hash` covers both; `contentHash` only the first, so a later build can tell a file
 * whose text is out of date from one merely built with other options or an older engine.
 */
export class InputHasher {
  private readonly fileHashes = new Map<string, string>();
  private readonly engine: string;
  private readonly common: string;
  /** The trusted inputs for the next build: those read from the cache, updated for every file hashed here. */
  private readonly trust: Record<string, TrustedInput>;

  /**
   * `trusted`: the input stats of the output folder's cache (readCacheFile); `nowMs`: when this build looks at its
   * inputs, to record only settled ones.
   */
  constructor(
    private readonly content: ContentDoc,
    ctx: Pick<JobContext, 'standard' | 'materialOptions'>,
    env: NodeJS.ProcessEnv = process.env,
    private readonly trusted: InputStats = {},
    private readonly nowMs: number = Date.now(),
  ) {
    this.trust = { ...trusted };
    const engine = createHash('sha256');
    // The stamp of the running code (every file under src/ by path and bytes, plus the bundler and tsconfig.json),
    // which bin/rightsprint.mjs has already checked at start: not hashed a second time.
    engine.update(`src ${stampOnce(REPO_ROOT)}`);
    engine.update(this.file(join(REPO_ROOT, 'package.json')));
    engine.update(this.file(join(REPO_ROOT, 'package-lock.json')));
    engine.update(`node ${process.versions.node} zlib ${process.versions.zlib ?? ''}`);
    engine.update(this.file(join(REPO_ROOT, 'fonts', 'manifest.json')));
    for (const file of listFiles(join(REPO_ROOT, 'fonts'))) engine.update(`${relative(REPO_ROOT, file)}:${sizeOf(file)}`);
    for (const file of listFiles(join(REPO_ROOT, 'locales'))) engine.update(relative(REPO_ROOT, file)).update(this.file(file));
    engine.update(JSON.stringify({ standard: ctx.standard, options: ctx.materialOptions, epoch: env.SOURCE_DATE_EPOCH ?? '' }));
    this.engine = engine.digest('hex');

    const common = createHash('sha256');
    for (const file of listFiles(join(content.root, 'locales'))) common.update(relative(content.root, file)).update(this.file(file));
    common.update(this.file(join(content.root, 'project.yaml')));
    common.update(this.file(join(content.root, 'guidance', `${content.project.sourceLanguage}.yaml`)));
    this.common = common.digest('hex');
  }

  /** Every input of the job: equal hashes give byte-identical files. */
  hash(job: Job): string {
    return createHash('sha256').update(this.engine).update(this.contentHash(job)).digest('hex');
  }

  /** The content inputs of the job only (see the class comment). Defined for any job, built in this run or not. */
  contentHash(job: Job): string {
    const h = createHash('sha256').update(this.common);
    h.update(JSON.stringify({ id: job.id, edition: job.edition, lang: job.lang ?? null, langs: job.langs ?? null, kind: job.kind, dir: job.dir }));
    const edition = this.content.editions.find((e) => e.name === job.edition);
    h.update(this.file(join(this.content.root, 'editions', `${job.edition}.yaml`)));
    const logo = edition?.settings.logo ?? this.content.project.settings.logo;
    if (logo) h.update(this.file(join(this.content.root, logo)));
    const langs = new Set<string>();
    const everyLanguage = job.kind === 'poster' || job.kind === 'mixed-card';
    const printed = everyLanguage && edition ? editionLanguages(this.content, edition) : job.lang ? [job.lang] : [];
    for (const lang of [...printed, ...(job.langs ?? [])]) {
      for (const l of fallbackChain(lang, this.content.project.sourceLanguage)) langs.add(l);
    }
    langs.add(this.content.project.officerLanguage);
    for (const lang of [...langs].sort()) h.update(lang).update(this.file(join(this.content.root, 'translations', `${lang}.yaml`)));
    return h.digest('hex');
  }

  /**
   * SHA-256 of a file's bytes, '-' when absent or unreadable; memoised for the build. A file whose stat is the one
   * trusted for it is not read (a no-op looks at ~100 input files: the tool's UI locales, every translation a poster
   * prints); the stat is taken before the bytes are read, so a write meanwhile leaves a stat that no longer matches.
   */
  private file(path: string): string {
    let hash = this.fileHashes.get(path);
    if (hash === undefined) {
      const stat = fileStat(path);
      const known = this.trusted[path];
      if (stat !== undefined && known !== undefined && known.stat === stat.signature) {
        hash = known.sha256;
      } else {
        hash = fileSha256(path) ?? '-';
        if (stat !== undefined && hash !== '-' && settled(stat, this.nowMs)) this.trust[path] = { stat: stat.signature, sha256: hash };
        else delete this.trust[path];
      }
      this.fileHashes.set(path, hash);
    }
    return hash;
  }

  /** The inputs a later build may trust (see TrustedInput), to save with the cache. */
  inputs(): InputStats {
    return this.trust;
  }
}

/** A file's size, or -1 when it cannot be read (a missing font is reported by the registry, not here). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** Every file under a folder, sorted, skipping dot-files; empty when the folder does not exist. */
function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // The entry's own type, from the folder listing; a link is followed (a stat) to see what it points to.
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // A dangling link: hashed as a name with no bytes ('-').
      }
    }
    if (isDir) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}
