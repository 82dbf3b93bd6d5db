/**
 * Fault: a build killed (SIGKILL: no cleanup runs) at random points, 20 times, while the content flips between a
 * hotline typo and the right number of the same length. The next build must produce exactly what a clean build
 * of the right content produces — every output file compared by sha256 — and leave no temporaries behind. Before
 * the cache recorded content hashes job by job, a kill between the PDF writes and the end-of-build cache write
 * left cards with the typo that the next build called "unchanged" (same size).
 * Replay a failure with RIGHTSPRINT_KILL_SEED=<seed printed below>.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetContent } from '../../src/build/run-job.ts';
import { copyFixture, edit, run } from '../unit/cli/helpers.ts';
import { fingerprint, killAfter, prng } from './helpers.ts';

const KILLS = 20;
// One edition, two languages, cards only: three jobs (two cards and the mixed sheet), eight PDFs.
const ARGS = ['build', '--edition', 'generic', '--lang', 'en,pl', '--material', 'card', '--jobs', '1'];
const RIGHT = 'hotline: PLACEHOLDER-set-your-hotline';
const TYPO = 'hotline: PLACEHOLDER-set-your-hotlime';

describe('fault: SIGKILL during build', () => {
  it(`after ${KILLS} killed builds, a rebuild equals a clean build, file by file (sha256)`, async () => {
    const seed = Number(process.env.RIGHTSPRINT_KILL_SEED ?? Date.now() % 1_000_000);
    console.log(`kill test seed: ${seed} (RIGHTSPRINT_KILL_SEED=${seed} replays it)`);
    const random = prng(seed);

    // The clean reference, built in this process into its own folder.
    const { dir } = copyFixture('content-basic');
    const clean = mkdtempSync(join(tmpdir(), 'rp-clean-'));
    const started = performance.now();
    expect((await run([...ARGS, '--out', clean], dir)).code).toBe(0);
    const reference = fingerprint(clean, /^\.rightsprint-cache\.json$/u);
    expect(reference.size).toBe(8);

    // A first complete build, so the kills interrupt rebuilds over existing files (the dangerous case).
    expect((await run(ARGS, dir)).code).toBe(0);
    // A child also pays for its start (tsx, content, fonts): kill anywhere in [0, 1.5 × the in-process build + 2 s).
    const span = (performance.now() - started) / 2 * 1.5 + 2000;
    const project = join(dir, 'content/project.yaml');
    let typo = false;
    const output = join(dir, 'output');
    const pdfs = () => fingerprint(output, /\.(json|tmp)$/u);
    let killedMidway = 0;
    let betweenWrites = 0;
    for (let i = 0; i < KILLS; i++) {
      edit(project, typo ? TYPO : RIGHT, typo ? RIGHT : TYPO);
      typo = !typo;
      const before = pdfs();
      const r = await killAfter(ARGS, dir, Math.round(random() * span));
      if (r.killed) killedMidway++;
      else expect(r.code, 'a build that was not killed must succeed').toBe(0);
      const after = pdfs();
      const changed = [...before].filter(([f, sha]) => after.get(f) !== sha).length;
      if (r.killed && changed > 0 && changed < before.size) betweenWrites++;
    }
    console.log(`kill test: ${killedMidway} of ${KILLS} builds killed before they finished, ${betweenWrites} of them after rewriting some but not all files`);
    expect(killedMidway, 'most kills must land inside a build, or the test checks nothing').toBeGreaterThanOrEqual(KILLS / 2);
    expect(betweenWrites, 'at least one kill must land between two writes').toBeGreaterThanOrEqual(1);

    if (typo) edit(project, TYPO, RIGHT);
    forgetContent();
    const rebuilt = await run(ARGS, dir);
    expect(rebuilt.code).toBe(0);
    const after = fingerprint(join(dir, 'output'), /^\.rightsprint-cache\.json$/u);
    // Same files (no temporaries, no .stale/), same bytes.
    expect([...after.keys()]).toEqual([...reference.keys()]);
    for (const [file, sha] of reference) expect(after.get(file), file).toBe(sha);
  });
});
