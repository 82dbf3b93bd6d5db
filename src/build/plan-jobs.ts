import type { ContentDoc } from '../content/types.ts';
import { editionLanguages } from '../i18n/localize.ts';
import { MATERIAL_NAMES } from '../materials/names.ts';
import type { MaterialName } from '../materials/types.ts';
import { mixedCardId, type Job } from './job.ts';
import { outputsOfKind } from './outputs.ts';

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
