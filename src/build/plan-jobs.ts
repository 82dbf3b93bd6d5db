import type { ContentDoc } from '../content/types.ts';
import { editionLanguages } from '../i18n/policy.ts';
import { MATERIAL_NAMES } from '../materials/names.ts';
import type { MaterialName } from '../materials/types.ts';
import { mixedCardId, type Job, type JobKind } from './job.ts';
import { OUTPUT_KINDS, outputsOfKind } from './outputs.ts';

export interface Selection {
  readonly editions?: readonly string[] | undefined;
  readonly langs?: readonly string[] | undefined;
  readonly materials?: readonly MaterialName[] | undefined;
  /** `--only`: just these outputs (names of OUTPUT_KINDS, already checked); jobs that make none are not planned. */
  readonly outputs?: readonly string[] | undefined;
}

/**
 * Every (edition × language × material) job of a build, plus one mixed-language card sheet per edition when
 * cards are built for more than one language. Selections narrow the matrix; unknown names are the CLI's to report.
 */
export function planJobs(content: ContentDoc, selection: Selection = {}): Job[] {
  const jobs: Job[] = [];
  const materials = MATERIAL_NAMES.filter((m) => !selection.materials || selection.materials.includes(m));
  for (const edition of content.editions) {
    if (selection.editions && !selection.editions.includes(edition.name)) continue;
    const langs = editionLanguages(content, edition).filter((l) => !selection.langs || selection.langs.includes(l));
    for (const lang of langs) {
      for (const kind of materials) {
        const outputs = outputsOfKind(kind, selection.outputs);
        if (outputs?.length === 0) continue;
        jobs.push({
          id: `${edition.name}/${lang}/${kind}`,
          edition: edition.name,
          lang,
          kind,
          dir: `${edition.name}/${lang}`,
          ...(outputs ? { outputs } : {}),
        });
      }
    }
    const mixed = outputsOfKind('mixed-card', selection.outputs);
    if (materials.includes('card') && langs.length > 1 && mixed?.length !== 0) {
      jobs.push({
        id: mixedCardId(edition.name, langs),
        edition: edition.name,
        langs,
        kind: 'mixed-card',
        dir: edition.name,
        ...(mixed ? { outputs: mixed } : {}),
      });
    }
  }
  return jobs;
}

/**
 * Whether a job (typically one recorded in the build cache by an earlier build) still exists in this content:
 * its edition is there and every language it prints is still a language of that edition. A job that does not
 * is gone for good (a language removed from project.yaml), not merely left out of this build's selection.
 */
export function jobDefined(content: ContentDoc, job: Job): boolean {
  const edition = content.editions.find((e) => e.name === job.edition);
  if (!edition) return false;
  const langs = editionLanguages(content, edition);
  if (job.kind === 'mixed-card') return (job.langs?.length ?? 0) > 1 && job.langs!.every((l) => langs.includes(l));
  return job.lang !== undefined && langs.includes(job.lang) && (MATERIAL_NAMES as readonly string[]).includes(job.kind);
}

/**
 * Rough relative cost of a job, in tenths of a second of the full default matrix built in one thread (medians:
 * card 0.48 s for its three outputs, leaflet 0.16 s, poster 0.09 s, a mixed sheet of 42 languages 2.4 s warm and
 * more cold). A job asked for only some of its outputs (`--only`) costs its share.
 */
export function jobWeight(job: Job): number {
  const whole = JOB_WEIGHTS[job.kind];
  if (!job.outputs) return whole;
  const all = Object.values(OUTPUT_KINDS).filter((k) => k === job.kind).length;
  return (whole * Math.max(1, job.outputs.length)) / all;
}

/** See jobWeight. */
const JOB_WEIGHTS: Readonly<Record<JobKind, number>> = { 'mixed-card': 30, card: 5, leaflet: 2, poster: 1 };

/**
 * Splits jobs among `slots` runners (the main thread and worker threads), keeping jobs that set the same fonts
 * on one runner: each runner reads, verifies and parses every face it sets, and hands each to HarfBuzz, once, so
 * a Chinese job on every runner would read the 10 MB CJK fonts once per runner. `groupOf` names a job's fonts
 * (a language's font stack; one key for the mixed sheets, which set every script). Groups are dealt out largest
 * first, each to the runner with the least work so far (longest-processing-time first); within a runner the
 * largest jobs come first, so what is left for runners that finish early to take (`takeJob`) is small.
 */
export function assignJobs(jobs: readonly Job[], slots: number, groupOf: (job: Job) => string): Job[][] {
  const groups = new Map<string, Job[]>();
  for (const job of jobs) {
    const key = groupOf(job);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(job);
  }
  const total = (js: readonly Job[]) => js.reduce((n, j) => n + jobWeight(j), 0);
  // Ties broken by key, so the same build deals the same way every time.
  const ordered = [...groups].map(([key, js]) => ({ key, jobs: js, weight: total(js) }));
  ordered.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const lists: Job[][] = Array.from({ length: Math.max(1, slots) }, () => []);
  const loads = lists.map(() => 0);
  for (const group of ordered) {
    const slot = loads.indexOf(Math.min(...loads));
    lists[slot]!.push(...[...group.jobs].sort((a, b) => jobWeight(b) - jobWeight(a)));
    loads[slot]! += group.weight;
  }
  return lists;
}

/**
 * Which runner may take which job, shared by every thread of a build (a SharedArrayBuffer): `lists[slot]` are the
 * indices of that runner's jobs in the build's job array, `claims[i]` is 1 once job i was taken, and
 * `claims[jobs.length]` is 1 once no further job may start. A runner claims its next job itself, with an atomic
 * compare-and-swap, instead of asking the main thread, which runs jobs too and reads messages only between them.
 */
export interface JobBoard {
  readonly lists: readonly (readonly number[])[];
  readonly weights: readonly number[];
  readonly claims: Int32Array;
}

/** A board for `lists` (from assignJobs over `jobs`), nothing claimed yet. */
export function jobBoard(jobs: readonly Job[], lists: readonly (readonly Job[])[]): JobBoard {
  const index = new Map(jobs.map((j, i) => [j, i]));
  return {
    lists: lists.map((list) => list.map((j) => index.get(j)!)),
    weights: jobs.map(jobWeight),
    claims: new Int32Array(new SharedArrayBuffer(4 * (jobs.length + 1))),
  };
}

/** Stops every runner from starting a further job (those running finish). */
export function closeBoard(board: JobBoard): void {
  Atomics.store(board.claims, board.weights.length, 1);
}

/**
 * Claims the next job for runner `slot` and returns its index, or -1 when none is left (or the board is closed):
 * the first unclaimed job of its own list, or, once that is done, the last (smallest) unclaimed job of the runner
 * with the most work left, so no runner idles while another still has a queue.
 */
export function claimJob(board: JobBoard, slot: number): number {
  const { lists, weights, claims } = board;
  const take = (i: number) => Atomics.compareExchange(claims, i, 0, 1) === 0;
  for (;;) {
    if (Atomics.load(claims, weights.length) === 1) return -1;
    for (const i of lists[slot] ?? []) if (Atomics.load(claims, i) === 0 && take(i)) return i;
    let victim: readonly number[] | undefined;
    let most = 0;
    for (const list of lists) {
      const left = list.reduce((n, i) => (Atomics.load(claims, i) === 0 ? n + weights[i]! : n), 0);
      if (left > most) [victim, most] = [list, left];
    }
    if (!victim) return -1;
    for (let k = victim.length - 1; k >= 0; k--) if (Atomics.load(claims, victim[k]!) === 0 && take(victim[k]!)) return victim[k]!;
    // Another runner took it between the look and the claim: look again.
  }
}
