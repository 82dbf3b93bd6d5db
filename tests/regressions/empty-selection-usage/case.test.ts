/**
 * Regression: `--lang ""` built every language — an empty list was read as "no filter". An option given with no
 * name in it (`--lang ""`, `--lang ,`, `--edition ""`, `--material " , "`) is now a usage error (exit 2) naming
 * the option, in build, check, status and export alike; nothing is built or written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run } from '../../unit/cli/helpers.ts';

const CASES: [string[], string][] = [
  [['build', '--lang', ''], 'lang'],
  [['build', '--lang', ','], 'lang'],
  [['build', '--edition', ''], 'edition'],
  [['build', '--material', ' , '], 'material'],
  [['check', '--lang', ''], 'lang'],
  [['check', '--edition', ','], 'edition'],
  [['status', '--lang', ''], 'lang'],
  [['export', '--lang', ','], 'lang'],
];

describe('regression: an empty selection list is a usage error, not "everything"', () => {
  it.each(CASES)('%j → exit 2 naming --%s', async (argv, option) => {
    const { dir } = copyFixture('content-basic');
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^error: --${option} was given an empty list \\(".*"\\)\\.$`, 'mu'));
    expect(r.err).toContain(`or leave --${option} out to take them all`);
    expect(existsSync(join(dir, 'output'))).toBe(false);
    expect(existsSync(join(dir, 'exchange'))).toBe(false);
  });

  it('a list with names still works, blanks around commas ignored', async () => {
    const { dir } = copyFixture('content-basic');
    const r = await run(['status', '--lang', ' pl, '], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pl');
  });
});
