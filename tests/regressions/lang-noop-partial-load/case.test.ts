/**
 * Regression guard for the fast no-op rebuild (issue #12): `build --lang …` now reads only the asked translations
 * to find out whether anything needs doing. That shortcut must never decide more than "nothing to do": a poster
 * prints "Know your rights" in every language of its edition, so a change to a translation that was not asked for
 * still rebuilds it (from the whole folder, byte for byte what a clean build writes); an error in such a translation
 * still stops a build that would move its outputs to .stale/; and the policy warnings of the asked languages
 * (outdated or missing translations) are printed on every no-op, as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetContent } from '../../../src/build/run-job.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

const POSTERS = ['build', '--edition', 'generic', '--lang', 'en,pl', '--material', 'poster', '--jobs', '1'];
const AR = 'content/translations/ar.yaml';

describe('regression: a --lang no-op reads only the asked translations, and decides nothing else from them', () => {
  it('a translation not asked for changes: the posters that print it are rebuilt, exactly as a clean build writes them', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run(POSTERS, dir)).code).toBe(0);
    forgetContent();
    const noop = await run(POSTERS, dir);
    expect(noop.code).toBe(0);
    expect(noop.out).toContain('0 job(s) built, 2 unchanged');

    edit(join(dir, AR), 'text: اعرف حقوقك\n', 'text: اعرفي حقوقك\n');
    forgetContent();
    const again = await run(POSTERS, dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain('2 job(s) built, 0 unchanged');

    forgetContent();
    const clean = await run([...POSTERS, '--out', 'clean'], dir);
    expect(clean.code).toBe(0);
    for (const file of ['generic/en/poster.pdf', 'generic/pl/poster-press.pdf']) {
      expect(readFileSync(join(dir, 'output', file)).equals(readFileSync(join(dir, 'clean', file)))).toBe(true);
    }
  });

  it('an error in a translation not asked for, whose earlier outputs are out of date: exit 1 and nothing moved, as before', async () => {
    const { dir } = copyFixture('content-basic');
    const cards = ['build', '--edition', 'generic', '--material', 'card', '--jobs', '1'];
    expect((await run(cards, dir)).code).toBe(0);
    edit(join(dir, AR), 'text: اتصل بـ {{hotline}}', 'text: اتصل بـ {{hotlien}}');
    forgetContent();
    const r = await run([...cards, '--lang', 'pl'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('RP2002');
    expect(r.err).toContain('translations/ar.yaml');
    expect(r.out).not.toContain('.stale');
    expect(readFileSync(join(dir, 'output/generic/ar/card-press.pdf')).byteLength).toBeGreaterThan(0);
  });

  it('an outdated translation of an asked language is reported on every no-op, the same as when it was built', async () => {
    const { dir } = copyFixture('content-basic');
    // pl's `intro` now translates an older source text (its hash no longer matches).
    edit(join(dir, 'content/translations/pl.yaml'), 'source: ed88cd88', 'source: 0badf00d');
    const cards = ['build', '--edition', 'generic', '--lang', 'pl', '--material', 'card', '--jobs', '1'];
    const first = await run(cards, dir);
    expect(first.code).toBe(0);
    forgetContent();
    const noop = await run(cards, dir);
    expect(noop.out).toContain('0 job(s) built, 1 unchanged');
    const policy = (text: string) => text.split('\n').filter((l) => /RP500[24]/u.test(l));
    expect(policy(first.err).length).toBeGreaterThan(0);
    expect(policy(noop.err)).toEqual(policy(first.err));
    expect(noop.err).toBe(first.err);
  });
});
