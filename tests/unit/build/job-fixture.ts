import type { Job } from '../../../src/build/job.ts';

/** A job of the generic edition for one language, as the planner makes them (tests of planning and runners). */
export const job = (lang: string, kind: Job['kind'], outputs?: string[]): Job => ({
  id: `generic/${lang}/${kind}`,
  edition: 'generic',
  lang,
  kind,
  dir: `generic/${lang}`,
  ...(outputs ? { outputs } : {}),
});
