import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../../src/cli/export.ts';
import { importCommand } from '../../../src/cli/import.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { captureIO, scratch } from '../exchange/helpers.ts';

const EXT = { po: 'po', xliff: 'xlf', csv: 'csv' } as const;

async function exportThenImport(format: keyof typeof EXT, edit?: (text: string) => string) {
  const { dir, content } = scratch();
  const io = captureIO(dir);
  const before = {
    ar: readFileSync(join(content, 'translations/ar.yaml'), 'utf8'),
    pl: readFileSync(join(content, 'translations/pl.yaml'), 'utf8'),
  };
  expect(await exportCommand.run(['--lang', 'ar,pl', '--format', format, '--out', 'ex'], io)).toBe(0);
  const file = join(dir, 'ex', `ar.${EXT[format]}`);
  if (edit) writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const code = await importCommand.run([`ex/ar.${EXT[format]}`, `ex/pl.${EXT[format]}`], io);
  const after = {
    ar: readFileSync(join(content, 'translations/ar.yaml'), 'utf8'),
    pl: readFileSync(join(content, 'translations/pl.yaml'), 'utf8'),
  };
  return { code, before, after, io };
}

describe('export → import round trip', () => {
  for (const format of ['po', 'xliff', 'csv'] as const) {
    it(`${format}: importing an unchanged export leaves every translation file byte-identical`, async () => {
      const { code, before, after, io } = await exportThenImport(format);
      expect(io.stderr).toEqual([]);
      expect(code).toBe(0);
      expect(after.ar).toBe(before.ar);
      expect(after.pl).toBe(before.pl);
    });
  }

  it('po: editing one msgstr changes exactly that key and stamps the current source hash', async () => {
    const { code, before, after, io } = await exportThenImport('po', (po) => po.replace('msgstr "اعرف حقوقك"', 'msgstr "اعرفوا حقوقكم"'));
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const old = parse(before.ar).strings;
    const now = parse(after.ar).strings;
    expect(now.title).toEqual({ text: 'اعرفوا حقوقكم', source: sourceHash('Know your rights'), review: 'draft' });
    for (const key of Object.keys(old).filter((k) => k !== 'title')) expect(now[key]).toEqual(old[key]);
    // Only the title line differs in the file itself: comments and every other line are untouched.
    const changed = after.ar.split('\n').filter((line, i) => line !== before.ar.split('\n')[i]);
    expect(changed).toEqual(['  title: { text: "اعرفوا حقوقكم", source: 133f9810, review: draft }']);
    expect(after.pl).toBe(before.pl);
  });

  it('po: a fuzzy entry edited and un-fuzzied becomes current; one left fuzzy keeps its old hash', async () => {
    const { code, after, io } = await exportThenImport('po', (po) =>
      po
        // intro: translator updates the text and removes the fuzzy flag.
        .replace(/#, fuzzy\n(msgctxt "intro"[\s\S]*?)msgstr "لديك حقوق."/u, '$1msgstr ""\n"لديك حقوق.\\n"\n"حافظ على هدوئك وسلامتك."')
        // card.call: translator edits the text but leaves the fuzzy flag.
        .replace('msgstr "اتصل بـ {{hotline}}."', 'msgstr "اتصل بـ {{hotline}} الآن."'),
    );
    expect(code).toBe(0);
    const now = parse(after.ar).strings;
    expect(now.intro).toEqual({ text: 'لديك حقوق.\nحافظ على هدوئك وسلامتك.', source: sourceHash('You have rights.\nStay calm and stay safe.') });
    expect(now['card.call']).toEqual({ text: 'اتصل بـ {{hotline}} الآن.', source: 'dedba55c' });
    expect(io.stderr.join('\n')).toMatch(/ex\/ar\.po:\d+:1 {2}RP2612 warning {2}"card\.call" was edited but is still marked for review/u);
  });

  it('xliff: a translated target for a missing key is added in source order with the current hash', async () => {
    const { code, after } = await exportThenImport('xliff', (x) =>
      x.replace(
        '<target xml:lang="ar" state="new"></target>\n        <note from="rightsprint">X-Rightsprint-Source-Hash: dfe2ec72',
        '<target xml:lang="ar" state="translated">جملة مضافة حديثًا &amp; &lt;جديدة&gt;.</target>\n        <note from="rightsprint">X-Rightsprint-Source-Hash: dfe2ec72',
      ),
    );
    expect(code).toBe(0);
    const now = parse(after.ar).strings;
    expect(now['new.key']).toEqual({ text: 'جملة مضافة حديثًا & <جديدة>.', source: 'dfe2ec72' });
    expect(Object.keys(now).at(-1)).toBe('new.key');
  });

  it('csv: a cell edited in a spreadsheet is imported with the current hash', async () => {
    const { code, after } = await exportThenImport('csv', (csv) =>
      csv.replace('hotline,{{organisation}}: {{hotline}},,missing', 'hotline,{{organisation}}: {{hotline}},"{{organisation}}: {{hotline}} ""24/7""",missing'),
    );
    expect(code).toBe(0);
    expect(parse(after.ar).strings.hotline).toEqual({ text: '{{organisation}}: {{hotline}} "24/7"', source: '03ecad59' });
  });
});

describe('import refuses bad entries', () => {
  it('reports each problem as file:line:col CODE message with hints, exits 1 and writes nothing', async () => {
    const { code, before, after, io } = await exportThenImport('po', (po) =>
      po
        .replace('msgstr "اعرف حقوقك"', 'msgstr "اعرف حقوقك {{hotlien}}"')
        .replace('msgid "{{organisation}}: {{hotline}}"\nmsgstr ""', 'msgid "{{organisation}}: {{hotline}}"\nmsgstr "{{organisation}}"')
        .replace('"- يمكنك التزام الصمت.\\n"\n', '')
        .replace('msgctxt "tricky"', 'msgctxt "no.such.key"'),
    );
    expect(code).toBe(1);
    expect(after.ar).toBe(before.ar);
    const err = io.stderr.join('\n');
    const po = readFileSync(join(io.cwd, 'ex/ar.po'), 'utf8').split('\n');
    const lineOf = (needle: string) => po.findIndex((l) => l.includes(needle)) + 1;
    expect(err).toContain(`ex/ar.po:${lineOf('msgstr "{{organisation}}"')}:8  RP2603  "hotline": the translation lacks the placeholder {{hotline}}.`);
    expect(err).toContain(`ex/ar.po:${lineOf('{{hotlien}}')}:8  RP2604  "title": the translation has {{hotlien}}`);
    expect(err).toMatch(/RP2606 {2}"street\.body": the source has 3 list line\(s\) starting "- ", the translation has 2\./u);
    expect(err).toMatch(/RP2602 {2}"no\.such\.key" is not a key of the source guidance\./u);
    expect(err).toContain('    hint: Copy {{hotline}} from the source text unchanged');
    expect(io.stdout.join('\n')).toContain('nothing written');
  });

  it('--partial writes the valid entries and still exits 1', async () => {
    const { dir, content } = scratch();
    const io = captureIO(dir);
    await exportCommand.run(['--lang', 'ar', '--format', 'po', '--out', 'ar.po'], io);
    const po = readFileSync(join(dir, 'ar.po'), 'utf8').replace('msgstr "اعرف حقوقك"', 'msgstr "اعرفوا حقوقكم"').replace('msgstr "شرطة', 'msgstr "**شرطة');
    writeFileSync(join(dir, 'ar.po'), po);
    expect(await importCommand.run(['ar.po', '--partial'], io)).toBe(1);
    const now = parse(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).strings;
    expect(now.title.text).toBe('اعرفوا حقوقكم');
    expect(now.tricky.text).toBe('شرطة\\مائلة، "علامات"،\tوعلامة جدولة');
    expect(io.stderr.join('\n')).toMatch(/ar\.po:\d+:8 {2}RP2605/u);
  });
});

describe('the English changed while the translator was working', () => {
  it('entries translated from the old English are imported but stay stale, with a warning each', async () => {
    const { cpSync } = await import('node:fs');
    const { OLD_FIXTURE } = await import('../exchange/helpers.ts');
    const { dir, content } = scratch();
    const current = readFileSync(join(content, 'guidance/en.yaml'));
    // Export while the content still had the 2026.1 English (and no Polish yet for intro).
    cpSync(join(OLD_FIXTURE, 'guidance/en.yaml'), join(content, 'guidance/en.yaml'));
    await exportCommand.run(['--lang', 'pl', '--format', 'xliff', '--out', 'pl.xlf'], captureIO(dir));
    writeFileSync(join(content, 'guidance/en.yaml'), current);
    const xlf = readFileSync(join(dir, 'pl.xlf'), 'utf8')
      .replace(
        '<target xml:lang="pl" state="new"></target>\n        <note from="rightsprint">X-Rightsprint-Source-Hash: 03ecad59',
        '<target xml:lang="pl" state="translated">{{organisation}}: {{hotline}}</target>\n        <note from="rightsprint">X-Rightsprint-Source-Hash: 03ecad59',
      )
      .replace(
        '<source xml:lang="en">Call {{hotline}}.</source>\n        <target xml:lang="pl" state="needs-review-translation">Zadzwoń pod {{hotline}}.</target>',
        '<source xml:lang="en">Call {{hotline}}.</source>\n        <target xml:lang="pl" state="translated">Zadzwoń pod {{hotline}}!</target>',
      );
    writeFileSync(join(dir, 'pl.xlf'), xlf);
    const io = captureIO(dir);
    // old.key was removed from the English since the export: an error, so --partial imports the rest.
    expect(await importCommand.run(['pl.xlf', '--partial'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/pl\.xlf:\d+:7 {2}RP2602 {2}"old\.key" is not a key of the source guidance/u);
    // street.body (2 bullets, as the old English had) is not checked against the new 3-bullet English: unchanged.
    expect(io.stderr.join('\n')).not.toContain('street.body');
    const now = parse(readFileSync(join(content, 'translations/pl.yaml'), 'utf8')).strings;
    // hotline did not change between editions: current.
    expect(now.hotline).toEqual({ text: '{{organisation}}: {{hotline}}', source: sourceHash('{{organisation}}: {{hotline}}'), review: 'draft' });
    // card.call was translated from "Call {{hotline}}." but the English is now "Call {{hotline}} now.": stale.
    expect(now['card.call']).toEqual({ text: 'Zadzwoń pod {{hotline}}!', source: sourceHash('Call {{hotline}}.'), review: 'draft' });
    expect(io.stderr.join('\n')).toMatch(/pl\.xlf:\d+:7 {2}RP2611 warning {2}The source of "card\.call" changed after this file was exported/u);
    expect(io.stdout[0]).toContain('2 updated, 2 still stale, 1 untranslated, 1 rejected');
  });
});
