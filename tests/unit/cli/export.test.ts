import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { exportCommand } from '../../../src/cli/export.ts';
import { importCommand } from '../../../src/cli/import.ts';
import { captureIO, OLD_FIXTURE, scratch } from '../exchange/helpers.ts';

describe('rightsprint export', () => {
  it('writes one file per language (all project languages by default) and prints the counts', async () => {
    const { dir } = scratch();
    const io = captureIO(dir);
    expect(await exportCommand.run(['--format', 'xliff'], io)).toBe(0);
    expect(io.stdout).toEqual(['exchange/ar.xlf  ar: 3 current, 2 stale, 2 missing', 'exchange/pl.xlf  pl: 2 current, 2 stale, 3 missing']);
    expect(existsSync(join(dir, 'exchange/pl.xlf'))).toBe(true);
  });

  it('writes to a named file for one language, and shows old source text with --previous', async () => {
    const { dir } = scratch();
    const io = captureIO(dir);
    expect(await exportCommand.run(['--lang', 'ar', '--out', 'out/arabic.po', '--previous', OLD_FIXTURE], io)).toBe(0);
    const po = readFileSync(join(dir, 'out/arabic.po'), 'utf8');
    expect(po).toContain('#, fuzzy\n#| msgid "Call {{hotline}}."\nmsgctxt "card.call"\nmsgid "Call {{hotline}} now."');
  });

  it('is deterministic: two exports are byte-identical', async () => {
    const { dir } = scratch();
    await exportCommand.run(['--format', 'csv', '--out', 'a'], captureIO(dir));
    await exportCommand.run(['--format', 'csv', '--out', 'b'], captureIO(dir));
    expect(readFileSync(join(dir, 'a/ar.csv'))).toEqual(readFileSync(join(dir, 'b/ar.csv')));
  });

  it('usage errors exit 2 with a message', async () => {
    const { dir } = scratch();
    const io = captureIO(dir);
    expect(await exportCommand.run(['--format', 'docx'], io)).toBe(2);
    expect(await exportCommand.run(['--lang', 'de'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(
      /^error: Unknown format `docx`\.\n {4}hint: Choices: po, xliff, csv\.\nerror: Not a translation language of this project: de\./u,
    );
    // An unknown option goes through the shared parser: exit 2 with "did you mean".
    const typo = captureIO(dir);
    expect(await main(['export', '--langs', 'ar'], typo)).toBe(2);
    expect(typo.stderr.join('\n')).toMatch(/Unknown option --langs[\s\S]*Did you mean --lang\?/u);
  });
});

describe('rightsprint import: language and format', () => {
  it('takes the language from a CSV file name, and refuses a language mismatch', async () => {
    const { dir } = scratch();
    await exportCommand.run(['--lang', 'ar', '--format', 'csv', '--out', 'x'], captureIO(dir));
    expect(await importCommand.run(['x/ar.csv'], captureIO(dir))).toBe(0);
    await exportCommand.run(['--lang', 'ar', '--format', 'po', '--out', 'x'], captureIO(dir));
    const io = captureIO(dir);
    expect(await importCommand.run(['x/ar.po', '--lang', 'pl'], io)).toBe(1);
    expect(io.stderr[0]?.split('\n')[0]).toBe('x/ar.po:1:1  RP2610  The file says its language is ar, but --lang is pl.');
  });

  it('--dry-run checks and writes nothing; an unknown extension is a usage error', async () => {
    const { dir, content } = scratch();
    await exportCommand.run(['--lang', 'ar', '--out', 'x'], captureIO(dir));
    const file = join(dir, 'x/ar.po');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('msgstr "اعرف حقوقك"', 'msgstr "جديد"'));
    const before = readFileSync(join(content, 'translations/ar.yaml'), 'utf8');
    const io = captureIO(dir);
    expect(await importCommand.run(['x/ar.po', '--dry-run'], io)).toBe(0);
    expect(io.stdout[0]).toContain('1 updated');
    expect(io.stdout[0]).toContain('dry run');
    expect(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).toBe(before);
    expect(await importCommand.run(['x/ar.txt'], captureIO(dir))).toBe(2);
  });
});

describe('--help', () => {
  it('every workflow command prints its usage and one example, and exits 0', async () => {
    const { acceptCommand } = await import('../../../src/cli/accept.ts');
    const { diffCommand } = await import('../../../src/cli/diff.ts');
    const { snapshotCommand } = await import('../../../src/cli/snapshot.ts');
    for (const command of [exportCommand, importCommand, acceptCommand, diffCommand, snapshotCommand]) {
      const io = captureIO('/');
      expect(await command.run(['--help'], io)).toBe(0);
      const text = io.stdout.join('\n');
      expect(text.startsWith(`Usage: rightsprint ${command.name}`)).toBe(true);
      expect(text).toMatch(new RegExp(`Example:\\n {2}rightsprint ${command.name} `, 'u'));
    }
  });
});
