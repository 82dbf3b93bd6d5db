import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../../src/cli/diff.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { captureIO, FIXTURE, OLD_FIXTURE } from '../exchange/helpers.ts';

describe('rightsprint diff', () => {
  it('lists added, removed and changed keys and which languages each change makes stale (--json)', async () => {
    const io = captureIO('/');
    expect(await diffCommand.run([OLD_FIXTURE, '--content', FIXTURE, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout.join('\n'));
    expect(result.from).toBe('2026.1');
    expect(result.to).toBe('2026.2');
    expect(result.added).toEqual(['new.key']);
    expect(result.removed).toEqual(['old.key']);
    expect(result.changed).toEqual([
      {
        key: 'intro',
        oldHash: sourceHash('You have rights.'),
        newHash: sourceHash('You have rights.\nStay calm and stay safe.'),
        madeStale: ['ar'],
        alreadyStale: [],
        alreadyCurrent: ['pl'],
        missing: [],
      },
      { key: 'street.body', oldHash: '14d25641', newHash: 'b911eadb', madeStale: ['pl'], alreadyStale: [], alreadyCurrent: ['ar'], missing: [] },
      { key: 'card.call', oldHash: 'dedba55c', newHash: '8269e7b3', madeStale: ['ar'], alreadyStale: ['pl'], alreadyCurrent: [], missing: [] },
    ]);
  });

  it('prints the same as text', async () => {
    const io = captureIO('/');
    expect(await diffCommand.run([OLD_FIXTURE, '--content', FIXTURE], io)).toBe(0);
    expect(io.stdout).toEqual([
      'Source changes from version 2026.1 to 2026.2:',
      '  added    1: new.key',
      '  removed  1: old.key',
      '  changed  3',
      `    intro  (576ed918 → fd2e16be)`,
      '      made stale: ar',
      '      already updated: pl',
      '    street.body  (14d25641 → b911eadb)',
      '      made stale: pl',
      '      already updated: ar',
      '    card.call  (dedba55c → 8269e7b3)',
      '      made stale: ar',
      '      already stale: pl',
    ]);
  });

  it('a folder compared with itself has no changes', async () => {
    const io = captureIO('/');
    expect(await diffCommand.run([FIXTURE, '--content', FIXTURE], io)).toBe(0);
    expect(io.stdout).toEqual(['Source changes from version 2026.2 to 2026.2:', '  none']);
  });

  it('a missing folder is a content error, no argument a usage error', async () => {
    expect(await diffCommand.run(['/nonexistent', '--content', FIXTURE], captureIO('/'))).toBe(1);
    expect(await diffCommand.run([], captureIO('/'))).toBe(2);
  });
});
