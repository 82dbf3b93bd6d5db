import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../../src/cli/export.ts';
import { importCommand } from '../../../src/cli/import.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { captureIO, scratch } from '../exchange/helpers.ts';

describe('import into a language that has no translation file yet', () => {
  it('creates translations/<lang>.yaml with only the translated keys, in source order', async () => {
    const { dir, content } = scratch();
    rmSync(join(content, 'translations/pl.yaml'));
    expect(await exportCommand.run(['--lang', 'pl', '--format', 'po', '--out', 'pl.po'], captureIO(dir))).toBe(0);
    const po = readFileSync(join(dir, 'pl.po'), 'utf8')
      .replace('msgid "Call {{hotline}} now."\nmsgstr ""', 'msgid "Call {{hotline}} now."\nmsgstr "Zadzwoń pod {{hotline}} teraz."')
      .replace('msgid "Know your rights"\nmsgstr ""', 'msgid "Know your rights"\nmsgstr "Znaj swoje prawa"');
    writeFileSync(join(dir, 'pl.po'), po);
    const io = captureIO(dir);
    expect(await importCommand.run(['pl.po'], io)).toBe(0);
    expect(io.stdout).toEqual(['pl.po → content/translations/pl.yaml: 2 updated, 0 still stale, 5 untranslated, 0 rejected.']);
    const written = readFileSync(join(content, 'translations/pl.yaml'), 'utf8');
    expect(written.startsWith('# yaml-language-server: $schema=')).toBe(true);
    // pl is a reviewed language, so new strings are explicitly drafts until reviewed.
    expect(parse(written)).toEqual({
      language: 'pl',
      strings: {
        title: { text: 'Znaj swoje prawa', source: sourceHash('Know your rights'), review: 'draft' },
        'card.call': { text: 'Zadzwoń pod {{hotline}} teraz.', source: sourceHash('Call {{hotline}} now.'), review: 'draft' },
      },
    });
  });

  it('refuses a file that is not UTF-8 and writes nothing', async () => {
    const { dir, content } = scratch();
    writeFileSync(join(dir, 'pl.csv'), Buffer.from('key,translation\ntitle,Znaj swoje prawa \xb6\n', 'latin1'));
    const io = captureIO(dir);
    const before = readFileSync(join(content, 'translations/pl.yaml'));
    expect(await importCommand.run(['pl.csv'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^pl\.csv:2:24 {2}RP2601 {2}The file is not valid UTF-8/u);
    expect(readFileSync(join(content, 'translations/pl.yaml'))).toEqual(before);
    expect(readdirSync(join(content, 'translations')).sort()).toEqual(['ar.yaml', 'pl.yaml']);
  });
});

describe('a broken translation file stops the workflow', () => {
  it('export and import refuse with the YAML error position instead of treating the strings as missing', async () => {
    const { dir, content } = scratch();
    const broken = readFileSync(join(content, 'translations/ar.yaml'), 'utf8').replace('  intro:\n', '  intro:\n  intro:\n');
    writeFileSync(join(content, 'translations/ar.yaml'), broken);
    const io = captureIO(dir);
    expect(await exportCommand.run(['--lang', 'ar'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^content\/translations\/ar\.yaml:9:3 {2}RP1002 {2}Duplicate key `intro`/u);
    expect(existsSync(join(dir, 'exchange/ar.po'))).toBe(false);
    writeFileSync(join(dir, 'ar.po'), 'msgid ""\nmsgstr "Language: ar\\n"\n');
    expect(await importCommand.run(['ar.po'], captureIO(dir))).toBe(1);
    expect(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).toBe(broken);
  });
});
