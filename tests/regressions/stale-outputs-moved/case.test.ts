/**
 * Regression: outdated PDFs were left in output/ without a word. When a changed string made a card overflow (its
 * job failed), the card built from the old text stayed next to the good ones; a language removed from project.yaml
 * left its PDFs. Now the build says which earlier outputs are out of date (RP7001) and moves them to
 * output/.stale/ (same relative paths), so nobody prints them by mistake. Only files rightsprint itself wrote (listed
 * in its cache, still holding the bytes it wrote) are moved; anything else in the folder is never touched.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetContent } from '../../../src/build/run-job.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

const CARDS = ['build', '--edition', 'generic', '--material', 'card', '--jobs', '1'];
const PL_FILES = ['card-press.pdf', 'card-sheet-a4.pdf', 'card-sheet-letter.pdf'];

async function build(args: string[], dir: string) {
  forgetContent();
  return run(args, dir);
}

/** Makes the Polish card's front far too long for a wallet card (RP3002: the card job fails). */
function overflowPolish(dir: string): void {
  edit(join(dir, 'content/translations/pl.yaml'), '      - Niczego nie podpisuj.\n', `      - ${'Niczego nie podpisuj bez adwokata. '.repeat(30)}\n`);
}

describe('regression: out-of-date outputs are reported and moved to .stale/', () => {
  it('a card that now fails to build: its old PDFs move to output/.stale/ (RP7001); unrelated files stay; --keep-stale only reports', async () => {
    const { dir } = copyFixture('content-basic');
    const out = join(dir, 'output');
    expect((await build(CARDS, dir)).code).toBe(0);
    const old = PL_FILES.map((f) => readFileSync(join(out, 'generic/pl', f)));
    writeFileSync(join(out, 'generic/pl/notes.txt'), 'our own notes');
    writeFileSync(join(out, 'mine.pdf'), 'not written by rightsprint');

    overflowPolish(dir);
    // --keep-stale: said, not moved.
    const kept = await build([...CARDS, '--keep-stale'], dir);
    expect(kept.code).toBe(1);
    expect(kept.err).toContain('RP3002');
    expect(kept.err).toMatch(
      /^output\/generic\/pl {2}RP7001 warning {2}out of date: the content changed and this job failed to build .*left in place \(--keep-stale\): do not print it: generic\/pl\/card-press\.pdf/mu,
    );
    for (const f of PL_FILES) expect(existsSync(join(out, 'generic/pl', f))).toBe(true);

    const r = await build(CARDS, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^output\/generic\/pl {2}RP7001 warning {2}out of date: the content changed and this job failed to build \(see the errors above\); its 3 files were moved to output\/\.stale\/ so it is not printed by mistake/mu,
    );
    expect(r.out).toMatch(/^out of date: \d+ earlier file\(s\) moved to output\/\.stale\//mu);
    PL_FILES.forEach((f, i) => {
      expect(existsSync(join(out, 'generic/pl', f)), f).toBe(false);
      expect(readFileSync(join(out, '.stale/generic/pl', f)).equals(old[i]!), f).toBe(true);
    });
    // Not ours: untouched. The English card is current: untouched.
    expect(readFileSync(join(out, 'generic/pl/notes.txt'), 'utf8')).toBe('our own notes');
    expect(readFileSync(join(out, 'mine.pdf'), 'utf8')).toBe('not written by rightsprint');
    expect(existsSync(join(out, 'generic/en/card-press.pdf'))).toBe(true);

    // Said once: the next build (still failing) has nothing more to move.
    const again = await build(CARDS, dir);
    expect(again.code).toBe(1);
    expect(again.err).not.toContain('RP7001');
  });

  it('a language removed from project.yaml: its PDFs move to .stale/, the mixed sheet is rebuilt without it', async () => {
    const { dir } = copyFixture('content-basic');
    const out = join(dir, 'output');
    expect((await build(CARDS, dir)).code).toBe(0);
    edit(join(dir, 'content/project.yaml'), '  - { code: pl, review: reviewed, reviewedBy: Example reviewer, reviewedOn: "2026-11-20" }\n', '');
    edit(join(dir, 'content/editions/local.yaml'), 'languages: [pl]', 'languages: [ar]');
    const r = await build(CARDS, dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^output\/generic\/pl {2}RP7001 warning {2}out of date: its language or edition is no longer in the content; its 3 files were moved/mu,
    );
    for (const f of PL_FILES) expect(existsSync(join(out, '.stale/generic/pl', f)), f).toBe(true);
    expect(r.out).toMatch(/^output\/generic\/card-sheet-mixed-a4\.pdf {2}\d+ pages? {2}[\d.]+ KB$/mu);
    expect(existsSync(join(out, '.stale/generic/card-sheet-mixed-a4.pdf'))).toBe(false);
  });

  it('content changed for a language this build did not select: moved too (it would print old text); a file changed by hand is left in place (RP7005)', async () => {
    const { dir } = copyFixture('content-basic');
    const out = join(dir, 'output');
    expect((await build(CARDS, dir)).code).toBe(0);
    writeFileSync(join(out, 'generic/pl/card-press.pdf'), 'edited by hand');
    edit(join(dir, 'content/translations/pl.yaml'), 'Niczego nie podpisuj.\n', 'Nic nie podpisuj.\n');
    const r = await build([...CARDS, '--lang', 'en,ar'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^output\/generic\/pl {2}RP7001 warning {2}out of date: the content changed and this build did not select it; its 2 files were moved/mu,
    );
    expect(r.err).toMatch(
      /^output\/generic\/pl\/card-press\.pdf {2}RP7005 warning {2}out of date .*changed since rightsprint wrote it, so it was left in place/mu,
    );
    expect(readFileSync(join(out, 'generic/pl/card-press.pdf'), 'utf8')).toBe('edited by hand');
    expect(existsSync(join(out, '.stale/generic/pl/card-sheet-a4.pdf'))).toBe(true);
    // The English card was selected and is current; the mixed sheet of [en,ar] replaced the [en,ar,pl] one.
    expect(existsSync(join(out, 'generic/en/card-press.pdf'))).toBe(true);
    expect(existsSync(join(out, '.stale/generic/card-sheet-mixed-a4.pdf'))).toBe(false);
  });
});
