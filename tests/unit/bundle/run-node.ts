import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { ROOT } from '../../../scripts/src-stamp.mjs';

/** URL of the code-cache loader, for scripts that import it in a child process. */
export const LOADER = new URL('../../../scripts/code-cache.mjs', import.meta.url).href;

/** Runs an ES module script in a fresh Node process (as bin/ starts one) and returns its stdout, failing on a crash. */
export function runNode(script: string): string {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).not.toMatch(/Error|internal error/u);
  expect(run.status).toBe(0);
  return run.stdout;
}
