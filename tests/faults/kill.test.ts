/**
 * Fault: a build killed (SIGKILL: no cleanup runs) at random points, 20 times, each time with another hotline
 * typo of the same length as the right number. The next build must produce exactly what a clean build
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
/** Further kills, aimed at the window between the first and the last file rewritten, until one lands in it. */
const AIMED = 20;
// One edition, two languages, cards only: three jobs (two cards and the mixed sheet), eight PDFs.
const ARGS = ['build', '--edition', 'generic', '--lang', 'en,pl', '--material', 'card', '--jobs', '1'];
const RIGHT = 'hotline: PLACEHOLDER-set-your-hotline';
/** A different typo of the same length in every round, so every round rebuilds all three jobs. */
const typo = (round: number) => `hotline: PLACEHOLDER-set-your-hot${String(round).padStart(2, '0')}ne`;

describe('fault: SIGKILL during build', () => {
  it(`after ${KILLS} killed builds, a rebuild equals a clean build, file by file (sha256)`, async () => {
    const seed = Number(process.env.RIGHTSPRINT_KILL_SEED ?? Date.now() % 1_000_000);
    console.log(`kill test seed: ${seed} (RIGHTSPRINT_KILL_SEED=${seed} replays it)`);
    const random = prng(seed);

    // The clean reference, built in this process into its own folder.
    const { dir } = copyFixture('content-basic');
    const clean = mkdtempSync(join(tmpdir(), 'rp-clean-'));
    expect((await run([...ARGS, '--out', clean], dir)).code).toBe(0);
    const reference = fingerprint(clean, /^\.rightsprint-cache\.json$/u);
    expect(reference.size).toBe(8);

    // A first complete build, in a child, so the kills interrupt rebuilds over existing files (the dangerous case)
    // and so its timing scales the kill points to this machine: half are anywhere from the start (loading, the
    // first job), half anywhere after the first job's files are written (later jobs, their writes, cache saves).
    const project = join(dir, 'content/project.yaml');
    const first = await killAfter(ARGS, dir, 10 * 60_000);
    expect(first.code).toBe(0);
    const rest = first.ended - (first.firstOutput ?? 0);
    let current = RIGHT;
    const output = join(dir, 'output');
    const pdfs = () => fingerprint(output, /\.(json|tmp)$/u);
    let killedMidway = 0;
    let betweenWrites = 0;
    // The window in which a kill from the start leaves some files rewritten and others not: after the latest kill
    // that left none rewritten, before the earliest that found all rewritten. It is a few tens of ms of a build
    // (writes are batched and synced off the main thread), so rounds after the first KILLS aim inside it.
    let noneBefore = 0;
    let allBy = first.ended;
    const round = async (i: number, late: boolean, ms: number) => {
      edit(project, current, typo(i));
      current = typo(i);
      const before = pdfs();
      const r = await killAfter(ARGS, dir, Math.round(ms), late);
      if (r.killed) killedMidway++;
      else expect(r.code, 'a build that was not killed must succeed').toBe(0);
      const after = pdfs();
      const changed = [...before].filter(([f, sha]) => after.get(f) !== sha).length;
      if (r.killed && changed > 0 && changed < before.size) betweenWrites++;
      if (late) return;
      if (r.killed && changed === 0) noneBefore = Math.max(noneBefore, ms);
      else if (changed === before.size) allBy = Math.min(allBy, r.killed ? ms : r.ended);
    };
    for (let i = 0; i < KILLS; i++) {
      const late = i % 2 === 1;
      await round(i, late, random() * (late ? rest : first.ended));
    }
    for (let i = KILLS; i < KILLS + AIMED && betweenWrites === 0; i++) {
      await round(i, false, noneBefore + random() * Math.max(0, allBy - noneBefore));
    }
    console.log(
      `kill test: ${killedMidway} builds killed before they finished, ${betweenWrites} of them after rewriting some but not all files (build ${Math.round(first.ended)} ms, first job done at ${Math.round(first.firstOutput ?? 0)} ms; rewrites between ${Math.round(noneBefore)} and ${Math.round(allBy)} ms)`,
    );
    expect(killedMidway, 'most kills must land inside a build, or the test checks nothing').toBeGreaterThanOrEqual(KILLS / 2);
    expect(betweenWrites, 'at least one kill must land between two writes').toBeGreaterThanOrEqual(1);

    edit(project, current, RIGHT);
    forgetContent();
    const rebuilt = await run(ARGS, dir);
    expect(rebuilt.code).toBe(0);
    const after = fingerprint(join(dir, 'output'), /^\.rightsprint-cache\.json$/u);
    // Same files (no temporaries, no .stale/), same bytes.
    expect([...after.keys()]).toEqual([...reference.keys()]);
    for (const [file, sha] of reference) expect(after.get(file), file).toBe(sha);
    // 22 whole-process builds: about a minute on an idle 2-core machine, several on a loaded one. This is a
    // correctness test, not a timed one, so it gets room.
  }, 600_000);
});
