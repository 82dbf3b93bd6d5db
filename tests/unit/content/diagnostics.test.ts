import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, edit, FIXTURES } from '../cli/helpers.ts';

const where = (d: { code: string; span?: { file: string; line: number; col: number } }) =>
  `${d.span ? `${d.span.file}:${d.span.line}:${d.span.col}` : '-'} ${d.code}`;

describe('content diagnostics', () => {
  it('reports every deliberate mistake of the errors fixture in one run, each at its file:line:col', () => {
    const { diagnostics } = loadContent(join(FIXTURES, 'content-errors'), { display: 'content' });
    // Each line below was checked by hand against tests/fixtures/content-errors (line:col as an editor shows it).
    expect(diagnostics.map(where).sort()).toEqual(
      [
        'content/project.yaml:2:10 RP1004', // version: 2026.1 is a number
        'content/project.yaml:5:1 RP1003', // officerLanguag
        'content/project.yaml:6:18 RP1006', // stale: kep
        'content/project.yaml:14:13 RP2013', // xx-nope: no such script
        'content/project.yaml:16:19 RP3101', // card.titel
        'content/guidance/en.yaml:4:14 RP2008', // {{hotlin}}
        'content/guidance/en.yaml:5:3 RP1002', // card.title twice
        'content/guidance/en.yaml:6:9 RP2009', // **Stay calm.
        'content/translations/ar.yaml:7:11 RP2002', // lacks the source's variable
        'content/translations/ar.yaml:7:11 RP2003', // {{organisaton}}
        'content/translations/ar.yaml:8:13 RP1006', // source: 12ab
        'content/translations/ar.yaml:9:3 RP2005', // card.tilte not in the source
        'content/translations/pl.yaml:1:11 RP2006', // pl not a project language
        'content/translations/pl.yaml:4:5 RP1005', // entry lacks source (after the broken quote)
        'content/translations/pl.yaml:6:1 RP1001', // unterminated quote
        'content/editions/local.yaml:2:3 RP1003', // hotlne
        'content/editions/local.yaml:3:9 RP3102', // missing logo
        'content/editions/outside.yaml:2:9 RP3103', // logo outside the content folder
        'content/editions/outside.yaml:3:13 RP1009', // pl not in project
        'content/editions/outside.yaml:3:17 RP2013', // zz: ICU knows no such language
      ].sort(),
    );
  });

  it('suggests the intended name', () => {
    const { diagnostics } = loadContent(join(FIXTURES, 'content-errors'), { display: 'content' });
    const text = (code: string) =>
      diagnostics
        .filter((d) => d.code === code)
        .map((d) => `${d.message} ${d.hints.join(' ')}`)
        .join('\n');
    expect(text('RP1003')).toContain('did you mean `officerLanguage`');
    expect(text('RP1003')).toContain('did you mean `hotline`');
    expect(text('RP3101')).toContain('`card.title`');
    expect(text('RP2008')).toContain('{{hotline}}');
    expect(text('RP1004')).toContain('version: "2026.1"');
  });

  it('the basic fixture loads clean, NFC-normalised, with defaults applied', () => {
    const { content, diagnostics } = loadContent(join(FIXTURES, 'content-basic'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(content?.project.policy).toEqual({ stale: 'fallback', missing: 'fallback' });
    expect(content?.editions.map((e) => e.name)).toEqual(['generic', 'local']);
    expect(content?.spans.get('translations/ar.yaml#strings.title.text')).toMatchObject({ line: 5, col: 11 });
  });

  it('reports a missing required field at the mapping, with a hint from the schema', () => {
    const { content: dir } = copyFixture('content-basic');
    edit(join(dir, 'project.yaml'), 'date: "2026-11-26"\n', '');
    const { diagnostics } = loadContent(dir, { display: 'c' });
    const d = diagnostics.find((x) => x.code === 'RP1005');
    expect(d?.message).toContain('`date`');
    expect(d?.span).toEqual({ file: 'c/project.yaml', line: 4, col: 1 });
    expect(d?.hints[0]).toContain('YYYY-MM-DD');
  });

  it('normalises text to NFC at load', () => {
    const { content: dir } = copyFixture('content-basic');
    edit(join(dir, 'guidance/en.yaml'), 'In the street', 'Cafe\u0301 street');
    const { content } = loadContent(dir);
    expect(content?.source.strings['street.heading']).toBe('Caf\u00e9 street');
  });

  it('warns (RP2004) when a translation drops the bold span its source has, at the translated string', () => {
    const { content: dir } = copyFixture('content-basic');
    edit(join(dir, 'translations/pl.yaml'), '**Zachowaj spokój.**', 'Zachowaj spokój.');
    const d = loadContent(dir, { display: 'c' }).diagnostics.filter((x) => x.code === 'RP2004');
    expect(d.map((x) => [x.severity, x.span?.file])).toEqual([['warning', 'c/translations/pl.yaml']]);
    expect(d[0]!.message).toContain('0 bold span(s)');
  });

  it('a folder without project.yaml is one clear error, not a crash', () => {
    const { content: dir } = copyFixture('content-basic');
    rmSync(join(dir, 'project.yaml'));
    const r = loadContent(dir, { display: 'x' });
    expect(r.content).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['RP1007']);
  });

  it('a wrong type in a list is located', () => {
    const { content: dir } = copyFixture('content-basic');
    writeFileSync(join(dir, 'editions/generic.yaml'), 'title: Generic\nlanguages: pl\n');
    const d = loadContent(dir, { display: 'c' }).diagnostics.find((x) => x.code === 'RP1004');
    expect(d?.span).toEqual({ file: 'c/editions/generic.yaml', line: 2, col: 12 });
  });
});
