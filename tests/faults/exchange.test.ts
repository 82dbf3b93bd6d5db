import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.ts';
import { importCommand } from '../../src/cli/import.ts';
import { defuse, parseCsv, readCsv, undefuse } from '../../src/i18n/exchange/csv.ts';
import { captureIO, scratch } from '../unit/exchange/helpers.ts';

/**
 * Issue #11 (translator exchange faults), points 6 and 7: what a spreadsheet does to a CSV on its way back.
 * Each case drives the real export/import commands on a scratch copy of a content folder.
 */
const TOOLS_CONTENT = fileURLToPath(new URL('../fixtures/exchange-tools/content/', import.meta.url));
const REAL_CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

function copyOf(content: string): { dir: string; yaml: (lang: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'rp-faults-'));
  cpSync(content, join(dir, 'content'), { recursive: true });
  return { dir, yaml: (lang) => readFileSync(join(dir, 'content/translations', `${lang}.yaml`), 'utf8') };
}

describe('#11.6 spreadsheet formulas are never imported as guidance', () => {
  it('a =HYPERLINK(...) title cell is refused at its cell (RP2618), nothing is written, even with --partial', async () => {
    const { dir, content } = scratch();
    const io = captureIO(dir);
    expect(await exportCommand.run(['--lang', 'ar', '--format', 'csv', '--out', 'ar.csv'], io)).toBe(0);
    const csv = readFileSync(join(dir, 'ar.csv'), 'utf8');
    const formula = '=HYPERLINK("https://evil.example/","Know your rights")';
    writeFileSync(join(dir, 'ar.csv'), csv.replace('title,Know your rights,اعرف حقوقك,', `title,Know your rights,"${formula.replace(/"/gu, '""')}",`));
    const before = readFileSync(join(content, 'translations/ar.yaml'), 'utf8');
    const run = captureIO(dir);
    expect(await importCommand.run(['ar.csv', '--partial'], run)).toBe(1);
    const err = run.stderr.join('\n');
    expect(err).toMatch(/^ar\.csv:2:24 {2}RP2618 {2}The translation of "title" is a spreadsheet formula, not text: "=HYPERLINK/mu);
    expect(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).toBe(before);
    expect(parse(before).strings.title.text).toBe('اعرف حقوقك');
  });

  it("the export's own defusing quote does not make a formula acceptable: '=… is still refused", () => {
    const read = readCsv("key,translation\ntitle,'=1+1\nsub,'+A1\nat,'@SUM(A1)\nneg,'-A1\n", 'ar.csv');
    expect(read.units).toEqual([]);
    expect(read.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([
      ['RP2618', 2, 7],
      ['RP2618', 3, 5],
      ['RP2618', 4, 4],
      ['RP2618', 5, 5],
    ]);
  });

  it('export defuses every cell starting with =, +, -, @, tab, CR (and the quote itself); import undoes it exactly', () => {
    for (const text of ['=x', '+x', '- bullet', '-x', '@x', '\tx', '\rx', "'quoted'", "''", 'plain', '', ' =x']) expect(undefuse(defuse(text))).toBe(text);
    expect(['=x', '+x', '- b', '@x', '\tx', '\rx', "'x"].map(defuse)).toEqual(["'=x", "'+x", "'- b", "'@x", "'\tx", "'\rx", "''x"]);
    expect(defuse('plain')).toBe('plain');
  });

  it('real content: every language\'s CSV defuses its "- " bullet cells and imports back byte-identical', async () => {
    const { dir, yaml } = copyOf(REAL_CONTENT);
    const langs = readdirSync(join(dir, 'content/translations')).map((f) => f.replace(/\.yaml$/u, ''));
    const before = Object.fromEntries(langs.map((l) => [l, yaml(l)]));
    expect(await exportCommand.run(['--format', 'csv', '--out', 'ex'], captureIO(dir))).toBe(0);
    for (const lang of langs) {
      const text = readFileSync(join(dir, 'ex', `${lang}.csv`), 'utf8');
      const cells = parseCsv(text, `${lang}.csv`, [])
        .flat()
        .map((c) => c.value);
      // No raw cell starts like a formula (a spreadsheet would run it); the bullet cells are there, defused.
      expect(
        cells.filter((c) => /^[-=+@\t\r]/u.test(c)),
        lang,
      ).toEqual([]);
      const units = readCsv(text, `${lang}.csv`).units;
      const bullets = units.filter((u) => u.text.startsWith('- ')).length + units.filter((u) => u.source?.startsWith('- ')).length;
      expect(bullets, lang).toBe(cells.filter((c) => c.startsWith("'- ")).length);
      expect(bullets, lang).toBeGreaterThan(0);
    }
    const io = captureIO(dir);
    expect(
      await importCommand.run(
        langs.map((l) => `ex/${l}.csv`),
        io,
      ),
    ).toBe(0);
    // Only the content loader's "other errors" note may appear (the shipped content is being edited meanwhile).
    expect(io.stderr.filter((l) => !l.startsWith('note: the content folder has'))).toEqual([]);
    expect(io.stdout.every((l) => l.includes(': 0 updated'))).toBe(true);
    for (const lang of langs) expect(yaml(lang), lang).toBe(before[lang]);
  });
});

describe('#11.7 a truncated CSV never writes cut-off text as current', () => {
  it('--partial with a quoted field that never closes: located error, the cut row not imported, the rest is', async () => {
    const { dir, yaml } = copyOf(TOOLS_CONTENT);
    expect(await exportCommand.run(['--lang', 'pl', '--format', 'csv', '--out', 'pl.csv'], captureIO(dir))).toBe(0);
    const full = readFileSync(join(dir, 'pl.csv'), 'utf8');
    // The translator fixed the title, then the copy back was cut in the middle of the "rights" translation.
    const edited = full.replace('title,Know your rights,Poznaj swoje prawa,current', 'title,Know your rights,Poznaj prawa,current');
    const cut = edited.slice(0, edited.indexOf('- Zapytaj'));
    writeFileSync(join(dir, 'pl.csv'), cut);
    const before = parse(yaml('pl')).strings;
    const io = captureIO(dir);
    expect(await importCommand.run(['pl.csv', '--partial'], io)).toBe(1);
    const line = cut.split('\n').findIndex((l) => l.includes('"\'- Możesz')) + 1;
    const col = (cut.split('\n')[line - 1] ?? '').indexOf('"\'- Możesz') + 1;
    expect(io.stderr.join('\n')).toContain(`pl.csv:${line}:${col}  RP2601  A quoted CSV field is never closed`);
    const after = parse(yaml('pl')).strings;
    expect(after.rights).toEqual(before.rights);
    expect(after.title.text).toBe('Poznaj prawa');
  });

  it('a file cut between cells (the row lacks its status and hash) is an error, not a "current" translation', () => {
    const read = readCsv(
      'key,source,translation,status,source_hash\r\ntitle,Know your rights,Poznaj swoje prawa,current,133f9810\r\nintro,You have rights.,Masz pra',
      'pl.csv',
    );
    expect(read.units.map((u) => u.key)).toEqual(['title']);
    expect(read.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col, d.message])).toEqual([
      ['RP2601', 3, 1, 'This CSV row has 3 cell(s), the header has 5: the file may be cut off.'],
    ]);
    // Empty header cells a spreadsheet added after the named columns do not count.
    expect(readCsv('key,translation,status,,\r\ntitle,Poznaj,current\r\n', 'pl.csv').diagnostics).toEqual([]);
  });
});
