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
  // Whole-command runs (each builds PDFs through the CLI) and the golden and regression fixtures.
  'tests/unit/cli/**',
  'tests/golden/**',
  'tests/regressions/**',
];

export default mergeConfig(base, defineConfig({ test: { exclude: ['**/node_modules/**', ...FULL_TIER_ONLY] } }));
