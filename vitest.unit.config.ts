import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The fast tier (`npm run test:unit`), for every edit: everything but the tests that build or read back the whole
 * shipped content, drive whole processes (faults: killed builds, full disks), or a browser, and the tests tagged
 * `sweep` (a check repeated over a whole corpus or every language; their files keep a sample in this tier): the
 * npm script passes `--tags-filter=!sweep`, Vitest's documented way to filter by tag.
 * `npm test` (what CI and the README run) is the full tier: this tier plus those.
 */
export const FULL_TIER_ONLY = [
  'tests/unit/content-shipped/**',
  'tests/faults/**',
  'tests/readers/**',
  'tests/web/**',
  // Whole-command runs that build PDFs or walk whole workflows through the CLI, and the golden and regression
  // fixtures. The quick commands (accept, diff, export, import of a new language, check, proof) stay in this
  // tier, so the CLI's argument handling and messages are run by it too.
  ...['build', 'build-only', 'cli', 'history-workflow', 'import-roundtrip', 'new-language', 'snapshot'].map((name) => `tests/unit/cli/${name}.test.ts`),
  'tests/golden/**',
  'tests/regressions/**',
];

/**
 * No per-file isolation in this tier: each worker imports the engine (fonts, HarfBuzz, schemas) once instead of
 * once per test file, which was three quarters of the tier's CPU time (81 s → 21 s of CPU on 2 cores). No unit
 * test mocks modules or stubs globals; the full tier keeps isolation, so a test that passed only because of
 * another file's leftovers still fails there.
 */
export default mergeConfig(base, defineConfig({ test: { exclude: ['**/node_modules/**', ...FULL_TIER_ONLY], isolate: false } }));
