import type { Registry } from './registry.ts';

/**
 * The pre-pass of a FontSource that fetches (the web page): manifest face ids a job will most likely open, so
 * they can be fetched before the job runs. It names, for every language the job sets (its own, the officer
 * side's, the source language that untranslated strings fall back to), the families of that language's stack
 * and the Latin stack (digits, URLs, phone numbers), both weights. Fallback to any other family (a character
 * only another script's font has) is rare; faces open lazily, so such a face is asked for only when used, and a
 * source that lacks it throws FontNotLoaded, after which the page fetches it and runs the job again.
 * `job` is any build job (its `lang`, or the `langs` of a mixed card sheet); fonts/ names no build types.
 */
export function fontsFor(registry: Registry, job: { readonly lang?: string; readonly langs?: readonly string[] }, alsoLangs: readonly string[]): string[] {
  const langs = [...(job.langs ?? []), ...(job.lang ? [job.lang] : []), ...alsoLangs];
  const families = new Set<string>(registry.scriptStack('Latn'));
  for (const lang of langs) for (const family of registry.stack(lang)) families.add(family);
  return registry.manifest.faces.filter((f) => families.has(f.familyId)).map((f) => f.id);
}

/** A FontSource was asked for a face it has not been given: fetch `faceId` and run the job again. */
export class FontNotLoaded extends Error {
  constructor(readonly faceId: string) {
    super(`font face ${faceId} has not been loaded`);
    this.name = 'FontNotLoaded';
  }
}
