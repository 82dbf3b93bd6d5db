/**
 * The compiled CLI (dist/bundle/, scripts/bundle.mjs) writes the bytes pinned in pdf-hashes.json too. pdf-hashes.test.ts
 * runs the engine from src/ with the packages as installed; the bundle compiles those packages in, with some of
 * their imports and tables made lazy (scripts/bundle.mjs LAZY_IMPORTS, scripts/bundle-shims/), and its worker
 * threads load dist/bundle/worker-entry.mjs: none of that may change a byte. Run through bin/rightsprint.mjs as a
 * user runs it, with the main thread and one worker sharing the jobs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleStamp, ROOT, stampOnce } from '../../scripts/src-stamp.mjs';
import { copyFixture } from '../unit/cli/helpers.ts';
import { pdfHashes } from './pdf-hashes-of.ts';

// Only a bundle compiled from the current sources is run by bin/ (else it runs src/ through tsx, which
// pdf-hashes.test.ts covers): `npm ci` and `npm run prepare` compile it.
const current = bundleStamp() === stampOnce();

describe('PDF bytes from the compiled CLI', () => {
  it.skipIf(!current)('every output of the pinned selection hashes as in pdf-hashes.json', () => {
    const { dir, content } = copyFixture('content-basic');
    const out = join(dir, 'output');
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.SOURCE_DATE_EPOCH;
    delete env.RIGHTSPRINT_TSX;
    const args = ['build', '--content', content, '--edition', 'generic', '--lang', 'en,ar', '--force', '--jobs', '2', '--out', out];
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'rightsprint.mjs'), ...args], { env, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/internal error/u);
    expect(run.status).toBe(0);
    const list = JSON.parse(readFileSync(new URL('./pdf-hashes.json', import.meta.url), 'utf8')) as { files: Record<string, string> };
    expect(pdfHashes(out)).toEqual(list.files);
  });
});
