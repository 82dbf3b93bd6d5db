import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentDoc } from '../content/types.ts';
import { fallbackChain } from '../i18n/fallback.ts';
import { editionLanguages } from '../i18n/localize.ts';
import { REPO_ROOT } from '../i18n/languages.ts';
import { writeFileAtomic } from '../render/write.ts';
import type { Job, JobContext } from './job.ts';

/** Build cache file inside the output folder: output file list and input hash per job. */
export const CACHE_FILE = '.rightsprint-cache.json';
/** Bump when the cache format changes; an unknown format is ignored (everything rebuilds). */
const CACHE_FORMAT = 1;

export interface CacheEntry {
  readonly hash: string;
  readonly outputs: readonly { readonly file: string; readonly bytes: number; readonly pages: number }[];
}
export type BuildCache = Record<string, CacheEntry>;

export function readCache(outDir: string): BuildCache {
  try {
    const raw = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as { format?: number; jobs?: BuildCache };
    return raw.format === CACHE_FORMAT && raw.jobs ? raw.jobs : {};
  } catch {
    return {};
  }
}

export function writeCache(outDir: string, cache: BuildCache): void {
  const jobs = Object.fromEntries(Object.entries(cache).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileAtomic(join(outDir, CACHE_FILE), `${JSON.stringify({ format: CACHE_FORMAT, jobs }, null, 1)}\n`);
}

/** A cached job is fresh when its inputs hash matches and every file it wrote is still there, same size. */
export function isFresh(entry: CacheEntry | undefined, hash: string, outDir: string): entry is CacheEntry {
  if (!entry || entry.hash !== hash || entry.outputs.length === 0) return false;
  return entry.outputs.every((o) => {
    const path = join(outDir, o.file);
    return existsSync(path) && statSync(path).size === o.bytes;
  });
}

/**
 * Hashes the inputs of jobs. What a job depends on: the engine (every file under src/, package.json), fonts
 * (manifest plus each font file's size — hashing 60 MB of fonts per build would cost more than it saves),
 * UI locales, project.yaml, the source guidance, the edition file and its logo, the translations the job
 * prints (its language and the officer language; every edition language for the poster strip and the mixed
 * sheet), the build options and SOURCE_DATE_EPOCH.
 */
export class InputHasher {
  private readonly fileHashes = new Map<string, string>();
  private readonly engine: string;

  constructor(private readonly content: ContentDoc, private readonly ctx: JobContext, env: NodeJS.ProcessEnv = process.env) {
    const engine = createHash('sha256');
    for (const file of listFiles(join(REPO_ROOT, 'src'))) engine.update(relative(REPO_ROOT, file)).update(this.file(file));
    engine.update(this.file(join(REPO_ROOT, 'package.json')));
    engine.update(this.file(join(REPO_ROOT, 'fonts', 'manifest.json')));
    for (const file of listFiles(join(REPO_ROOT, 'fonts'))) engine.update(`${relative(REPO_ROOT, file)}:${statSync(file).size}`);
    for (const file of listFiles(join(REPO_ROOT, 'locales'))) engine.update(relative(REPO_ROOT, file)).update(this.file(file));
    for (const file of listFiles(join(content.root, 'locales'))) engine.update(relative(content.root, file)).update(this.file(file));
    engine.update(JSON.stringify({ standard: ctx.standard, options: ctx.materialOptions, epoch: env.SOURCE_DATE_EPOCH ?? '' }));
    engine.update(this.file(join(content.root, 'project.yaml')));
    engine.update(this.file(join(content.root, 'guidance', `${content.project.sourceLanguage}.yaml`)));
    this.engine = engine.digest('hex');
  }

  hash(job: Job): string {
    const h = createHash('sha256').update(this.engine).update(job.id);
    const edition = this.content.editions.find((e) => e.name === job.edition);
    h.update(this.file(join(this.content.root, 'editions', `${job.edition}.yaml`)));
    const logo = edition?.settings.logo ?? this.content.project.settings.logo;
    if (logo) h.update(this.file(join(this.content.root, logo)));
    const langs = new Set<string>();
    const everyLanguage = job.kind === 'poster' || job.kind === 'mixed-card';
    for (const lang of everyLanguage && edition ? editionLanguages(this.content, edition) : [job.lang!]) {
      for (const l of fallbackChain(lang, this.content.project.sourceLanguage)) langs.add(l);
    }
    langs.add(this.content.project.officerLanguage);
    for (const lang of [...langs].sort()) h.update(lang).update(this.file(join(this.content.root, 'translations', `${lang}.yaml`)));
    return h.digest('hex');
  }

  /** SHA-256 of a file's bytes, '-' when absent; memoised for the build. */
  private file(path: string): string {
    let hash = this.fileHashes.get(path);
    if (hash === undefined) {
      hash = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : '-';
      this.fileHashes.set(path, hash);
    }
    return hash;
  }
}

/** Every file under a folder, sorted, skipping dot-files; empty when the folder does not exist. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}
