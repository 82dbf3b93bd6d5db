/**
 * A content folder outside the repository adds languages the tool has never listed: Zulu (everything from ICU)
 * and a private-use tag whose script, names and fallback the project declares. Every command takes them, and
 * every material builds.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetContent } from '../../../src/build/run-job.ts';
import { languageInfo } from '../../../src/content/languages.ts';
import { copyFixture, edit, run } from './helpers.ts';

const rows = (JSON.parse(readFileSync(new URL('../../../locales/languages.json', import.meta.url), 'utf8')) as { languages: { code: string }[] }).languages.map(
  (l) => l.code,
);

/** A copy of content-basic with `zu` and `qaa` added; their strings are the Polish ones (valid hashes). */
function withNewLanguages(): { dir: string; content: string } {
  const fixture = copyFixture('content-basic');
  edit(
    join(fixture.content, 'project.yaml'),
    '  - { code: pl, review: reviewed',
    '  - { code: zu, review: draft }\n  - { code: qaa, script: Latn, name: Example Creole, autonym: Kreyòl Egzanp, fallback: [pl], review: draft }\n  - { code: pl, review: reviewed',
  );
  const pl = readFileSync(join(fixture.content, 'translations', 'pl.yaml'), 'utf8');
  for (const code of ['zu', 'qaa']) writeFileSync(join(fixture.content, 'translations', `${code}.yaml`), pl.replace('language: pl', `language: ${code}`));
  return fixture;
}

describe('a language no table lists, added by a content folder', () => {
  it('is not in locales/languages.json', () => {
    expect(rows).not.toContain('zu');
    expect(rows).not.toContain('qaa');
  });

  it('check, status, export and import accept it; ICU names Zulu, the project names its own language', async () => {
    const { dir } = withNewLanguages();
    forgetContent();
    const check = await run(['check', '--lang', 'zu,qaa'], dir);
    expect(check.err).not.toMatch(/RP20(01|13|14)/u);
    expect(check.code).toBe(0);
    const status = await run(['status', '--json', '--lang', 'zu,qaa'], dir);
    expect(status.code).toBe(0);
    const names = (JSON.parse(status.out) as { languages: { code: string; name: string }[] }).languages.map((l) => `${l.code}:${l.name}`);
    expect(names).toEqual(expect.arrayContaining(['zu:Zulu', 'qaa:Example Creole']));
    expect(languageInfo('qaa')).toMatchObject({ script: 'Latn', dir: 'ltr', autonym: 'Kreyòl Egzanp', fallback: ['pl'] });
    expect(languageInfo('zu')).toMatchObject({ script: 'Latn', dir: 'ltr', name: 'Zulu', autonym: 'IsiZulu' });
    const exported = await run(['export', '--lang', 'zu', '--format', 'po', '--out', join(dir, 'x')], dir);
    expect(exported.code, exported.err).toBe(0);
    const po = readdirSync(join(dir, 'x')).find((f) => f.endsWith('.po'))!;
    const imported = await run(['import', join(dir, 'x', po)], dir);
    expect(imported.code, imported.err).toBe(0);
  });

  it('builds every material of both languages', async () => {
    const { dir } = withNewLanguages();
    forgetContent();
    const built = await run(['build', '--edition', 'generic', '--lang', 'zu,qaa', '--jobs', '1'], dir);
    expect(built.err).not.toMatch(/ error /u);
    expect(built.code, built.err).toBe(0);
    for (const code of ['zu', 'qaa']) {
      const files = readdirSync(join(dir, 'output', 'generic', code)).sort();
      expect(files).toEqual(expect.arrayContaining(['card-sheet-a4.pdf', 'leaflet.pdf', 'poster.pdf']));
    }
  });

  it('a declared language whose script has no font is refused with RP2014, located in project.yaml', async () => {
    const { dir, content } = copyFixture('content-basic');
    edit(join(content, 'project.yaml'), '  - { code: pl, review: reviewed', '  - { code: chr, review: draft }\n  - { code: pl, review: reviewed');
    forgetContent();
    const check = await run(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/content\/project\.yaml:\d+:\d+ +RP2014 .*Cher script of `chr`/u);
  });
});
