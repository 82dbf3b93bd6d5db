/**
 * Regression: the mixed card sheet was reused for another language selection. After
 * `build --edition example-local --lang ar,fa,prs`, a plain `build --edition example-local` reported the
 * 35-language sheet "(unchanged)" and left the 2-page ar/prs/fa sheet in place: every mixed sheet had the job id
 * `<edition>/mixed-card` whatever its languages, and its input hash ignored which languages it held. Now the id and
 * the hash name the languages, so the sheet of one selection is never taken for another's.
 * (Fixture: content-basic's generic edition, en/ar/pl, cards only.)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputHasher } from '../../../src/build/cache.ts';
import { planJobs } from '../../../src/build/plan-jobs.ts';
import { forgetContent } from '../../../src/build/run-job.ts';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { copyFixture, run } from '../../unit/cli/helpers.ts';

const CARDS = ['build', '--edition', 'generic', '--material', 'card', '--jobs', '1'];
const MIXED = 'generic/card-sheet-mixed-a4.pdf';

describe('regression: the mixed sheet of one language selection is not reused for another', () => {
  it('job ids and input hashes of mixed sheets differ with their languages', () => {
    const { content: folder } = copyFixture('content-basic');
    const content = loadContent(folder).content as ContentDoc;
    const two = planJobs(content, { editions: ['generic'], langs: ['ar', 'pl'], materials: ['card'] }).find((j) => j.kind === 'mixed-card')!;
    const all = planJobs(content, { editions: ['generic'], materials: ['card'] }).find((j) => j.kind === 'mixed-card')!;
    expect(two.id).toBe('generic/mixed-card[ar,pl]');
    expect(all.id).toBe('generic/mixed-card[en,ar,pl]');
    const hasher = new InputHasher(content, { standard: 'none', materialOptions: {} });
    expect(hasher.hash(two)).not.toBe(hasher.hash(all));
    expect(hasher.contentHash(two)).not.toBe(hasher.contentHash(all));
  });

  it('build --lang ar,pl then build (all languages): the sheet is rebuilt and equals a clean all-language build; and back', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run([...CARDS, '--lang', 'ar,pl'], dir)).code).toBe(0);
    const twoLanguages = readFileSync(join(dir, 'output', MIXED));

    forgetContent();
    const all = await run(CARDS, dir);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^output\/generic\/card-sheet-mixed-a4\.pdf {2}\d+ pages? {2}[\d.]+ KB$/mu); // built, not "(unchanged)"
    expect(all.out).toMatch(/output\/generic\/ar\/card-press\.pdf .*\(unchanged\)/u);

    const clean = mkdtempSync(join(tmpdir(), 'rp-clean-'));
    forgetContent();
    expect((await run([...CARDS, '--out', clean], dir)).code).toBe(0);
    const allLanguages = readFileSync(join(clean, MIXED));
    expect(allLanguages.equals(twoLanguages)).toBe(false);
    expect(readFileSync(join(dir, 'output', MIXED)).equals(allLanguages)).toBe(true);

    // Back to ar,pl: the all-language sheet is not taken for the two-language one either.
    forgetContent();
    const back = await run([...CARDS, '--lang', 'ar,pl'], dir);
    expect(back.out).toContain('1 job(s) built, 2 unchanged');
    expect(readFileSync(join(dir, 'output', MIXED)).equals(twoLanguages)).toBe(true);
  });
});
