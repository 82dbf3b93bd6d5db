import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // PDF builds with CJK fonts take a few seconds each on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // `sweep`: a test that repeats a check over a whole corpus, every language or every recorded run (seconds
    // each). The full tier runs them; the fast tier (vitest.unit.config.ts) leaves them out and keeps a sample.
    tags: [{ name: 'sweep', description: 'whole-corpus or every-language sweep: full tier only (npm test)' }],
  },
});
