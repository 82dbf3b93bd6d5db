/**
 * Regression (issue #11): a 2 MB YAML file took over a second to read before anything was said — 1.45 s CPU for
 * 20 000 short keys, 0.75 s for one 2 MB double-quoted string, cold — in the yaml package's parser and composer.
 * Files of the plain shape content files have are now read by src/content/yaml-fast-path.ts into the same
 * Document; every other file still goes through the yaml package. Here: the big files take the fast path and
 * get exactly the diagnostics they got before (codes and file:line:col), with Windows line ends too (a file saved by
 * Notepad went to the slow parser until the fast path learned CRLF); a big file outside that shape still gets
 * the full parser's. (Times are measured by bench/inputs.ts, cold, not here.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../../src/content/check-schema.ts';
import { loadContent, schemaFor } from '../../../src/content/load.ts';
import { readYamlFile } from '../../../src/platform/read-yaml-file.ts';
import { copyFixture, edit } from '../../unit/cli/helpers.ts';

const where = (d: { code: string; span?: { file: string; line: number; col: number } }) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.code}`;
const words = (n: number) =>
  'You can stay silent and ask for a lawyer '
    .repeat(Math.ceil(n / 41))
    .slice(0, n)
    .trimEnd();

describe('regression: a 2 MB YAML file is read by the fast path with the same diagnostics', () => {
  it('one 2 MB double-quoted card string: RP1014 at the value, read without the yaml package', () => {
    const { content } = copyFixture('content-basic');
    const path = join(content, 'guidance/en.yaml');
    edit(path, '  card.rights: |-\n    - You can stay silent.\n    - Do not sign anything.\n', `  card.rights: "${words(2_000_000)}"\n`);
    expect(readYamlFile(path, 'guidance/en.yaml', 'en.yaml').fastPath).toBe(true);
    const errors = loadContent(content, { display: 'content' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(where)).toEqual(['content/guidance/en.yaml:15:16 RP1014']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF (Notepad)', '\r\n'],
  ])('20 000 keys with a repeat and an over-long value, %s line ends: RP1002 at the repeat, RP1014 at the value', (_name, eol) => {
    const { dir } = copyFixture('content-basic');
    const path = join(dir, 'big.yaml');
    const lines = Array.from({ length: 20_000 }, (_, i) => `  k${i}: "${words(90)}"`);
    lines[12_000] = '  k7: "again"';
    lines[15_000] = `  k15000: |-${eol}    ${words(5001)}`;
    writeFileSync(path, `language: en${eol}strings:${eol}${lines.join(eol)}${eol}`);
    const file = readYamlFile(path, 'guidance/en.yaml', 'en.yaml');
    expect(file.fastPath).toBe(true);
    const checked = checkSchema(file, schemaFor('guidance'));
    expect([...file.diagnostics, ...checked.diagnostics].map(where)).toEqual(['en.yaml:12003:3 RP1002', 'en.yaml:15003:11 RP1014']);
    expect((checked.value as { strings: Record<string, string> }).strings.k7).toBe('again');
    expect(Object.keys((checked.value as { strings: Record<string, string> }).strings)).toHaveLength(19_999);
  });

  it('a big file outside the plain shape (a tag, a flow mapping) still gets the yaml package and its errors', () => {
    const { dir } = copyFixture('content-basic');
    const path = join(dir, 'big.yaml');
    const keys = Array.from({ length: 2000 }, (_, i) => `  k${i}: "${words(90)}"`).join('\n');
    writeFileSync(path, `language: en\nstrings:\n${keys}\n  bad: !!js/function "function () {}"\n  flow: {a: b}\n`);
    const file = readYamlFile(path, 'guidance/en.yaml', 'en.yaml');
    expect(file.fastPath).toBe(false);
    const checked = checkSchema(file, schemaFor('guidance'));
    expect([...file.diagnostics, ...checked.diagnostics].map(where)).toEqual(['en.yaml:2003:8 RP1001', 'en.yaml:2004:9 RP1004']);
  });
});
