import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { acceptCommand } from '../../../src/cli/accept.ts';
import { main } from '../../../src/cli/main.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { captureIO, scratch } from '../exchange/helpers.ts';

const ar = (content: string) => readFileSync(join(content, 'translations/ar.yaml'), 'utf8');

describe('rightsprint accept', () => {
  it('restamps every stale key of a language when no keys are given, and prints each change', async () => {
    const { dir, content } = scratch();
    const io = captureIO(dir);
    const before = ar(content);
    expect(await acceptCommand.run(['ar'], io)).toBe(0);
    const now = parse(ar(content)).strings;
    expect(now.intro.source).toBe(sourceHash('You have rights.\nStay calm and stay safe.'));
    expect(now['card.call'].source).toBe(sourceHash('Call {{hotline}} now.'));
    expect(io.stdout).toEqual([
      `ar  intro  stale → current (source 576ed918 → ${now.intro.source})`,
      `ar  card.call  stale → current (source dedba55c → ${now['card.call'].source})`,
      '2 string(s) accepted in content/translations/ar.yaml.',
    ]);
    // Only the two hash lines changed; comments and texts untouched.
    const diff = ar(content)
      .split('\n')
      .filter((l, i) => l !== before.split('\n')[i]);
    expect(diff).toEqual([`    source: ${now.intro.source}`, `    source: ${now['card.call'].source}`]);
  });

  it('accepts only the named keys and, with --by, marks them reviewed by that person on the SOURCE_DATE_EPOCH date', async () => {
    const { dir, content } = scratch();
    const io = captureIO(dir);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764115200'); // 2025-11-26T00:00:00Z
    try {
      expect(await acceptCommand.run(['ar', 'card.call', '--by', 'Amal K.'], io)).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const now = parse(ar(content)).strings;
    expect(now['card.call']).toEqual({
      text: 'اتصل بـ {{hotline}}.',
      source: sourceHash('Call {{hotline}} now.'),
      review: 'reviewed',
      reviewedBy: 'Amal K.',
      reviewedOn: '2025-11-26',
    });
    expect(now.intro.source).toBe('576ed918');
    expect(io.stdout[0]).toMatch(/^ar {2}card\.call {2}stale → current .*, reviewed by Amal K\. on 2025-11-26$/u);
  });

  it('records a second reviewer of a current string, and leaves a string already reviewed by the same person alone', async () => {
    const { dir, content } = scratch();
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764115200');
    try {
      expect(await acceptCommand.run(['ar', 'title', '--by', 'Amal K.'], captureIO(dir))).toBe(0);
      expect(parse(ar(content)).strings.title).toMatchObject({ review: 'reviewed', reviewedBy: 'Amal K.', reviewedOn: '2025-11-26' });
      const before = ar(content);
      const again = captureIO(dir);
      expect(await acceptCommand.run(['ar', 'title', '--by', 'Amal K.'], again)).toBe(0);
      expect(ar(content)).toBe(before);
      expect(again.stdout).toEqual(['ar: nothing to accept (already current).']);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('uses the clock when SOURCE_DATE_EPOCH is unset, and refuses a malformed one or an empty name', async () => {
    const { dir, content } = scratch();
    vi.stubEnv('SOURCE_DATE_EPOCH', 'yesterday');
    try {
      const io = captureIO(dir);
      expect(await acceptCommand.run(['ar', 'card.call', '--by', 'Amal K.'], io)).toBe(2);
      expect(io.stderr[0]).toContain('SOURCE_DATE_EPOCH is "yesterday"');
      expect(await acceptCommand.run(['ar', 'card.call', '--by', ' '], captureIO(dir))).toBe(2);
      vi.stubEnv('SOURCE_DATE_EPOCH', '');
      const day = new Date();
      expect(await acceptCommand.run(['ar', 'card.call', '--by', 'Amal K.'], captureIO(dir))).toBe(0);
      const on = parse(ar(content)).strings['card.call'].reviewedOn as string;
      const local = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      // Two readings of the clock bracket the command, so a run across midnight still passes.
      expect([local(day), local(new Date())]).toContain(on);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses unknown and untranslated keys and changes nothing', async () => {
    const { dir, content } = scratch();
    const io = captureIO(dir);
    const before = ar(content);
    expect(await acceptCommand.run(['ar', 'intro', 'hotline', 'nope'], io)).toBe(1);
    expect(ar(content)).toBe(before);
    const err = io.stderr.join('\n');
    expect(err).toContain('RP2616  "hotline" has no translation to accept.');
    expect(err).toContain('RP2616  "nope" is not a key of the source guidance.');
  });

  it('usage errors exit 2', async () => {
    const { dir } = scratch();
    expect(await acceptCommand.run([], captureIO(dir))).toBe(2);
    expect(await acceptCommand.run(['xx'], captureIO(dir))).toBe(2);
    // An unknown option is reported by the shared parser, through the CLI entry point like every command's.
    const io = captureIO(dir);
    expect(await main(['accept', 'ar', '--bogus'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/Unknown option --bogus for `rightsprint accept`/u);
  });
});
