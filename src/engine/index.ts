/**
 * The engine as a front end sees it: content through a ContentSource, fonts through a FontSource, PDF bytes out.
 * The CLI (Node) and the web page (a Web Worker) both call these; nothing here or below imports a `node:*` module,
 * uses `Buffer` or `process` (tests/unit/engine/no-node.test.ts bundles this file for the browser and checks).
 */
export { loadContent, editionFile } from '../content/load.ts';
export { memorySource, contentKey, type ContentSource } from '../content/source.ts';
export { runJob, standardFor, type LayoutListener } from '../build/run-job.ts';
export { previewList, type PreviewList, type PreviewItem } from '../render/preview-list.ts';
export { materialOptionsFor } from '../materials/index.ts';
export type { Job, JobContext, JobResult, JobOutput } from '../build/job.ts';
export { fontRegistry, useFontSource, readManifest, type FontSource, type ManifestFace } from '../fonts/registry.ts';
export { fontsFor, FontNotLoaded } from '../fonts/fonts-for.ts';
export { languageInfo } from '../content/languages.ts';
export { localize } from '../i18n/localize.ts';
export { planJobs } from '../build/plan-jobs.ts';
export { translationStatus } from '../i18n/status.ts';
export { editionLanguages } from '../i18n/localize.ts';
export { installUiStrings } from '#platform';
