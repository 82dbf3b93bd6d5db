/**
 * Regression: a translation saved by Notepad as "ANSI" (Windows-1252) built with exit 0 and printed
 * `int�rprete` — the loader decoded the bytes as UTF-8 and turned 0xE9 into U+FFFD; `check` passed and `status`
 * said the language was complete. Content files are now decoded with TextDecoder(fatal): the file is refused at
 * the first bad byte, with the code page it looks like and how to re-save it.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

const ES_1252 = new URL('./es.yaml', import.meta.url).pathname;

describe('regression: a Windows-1252 translation is refused, never printed with U+FFFD', () => {
  it('the fixture really is Windows-1252 (0xE9 for é) and not UTF-8', () => {
    const bytes = readFileSync(ES_1252);
    expect(bytes.includes(0xe9)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('check, status and build exit 1 naming es.yaml:9:33, Windows-1252 and the word; no PDF is written', async () => {
    const { dir, content } = copyFixture('content-basic');
    edit(join(content, 'project.yaml'), '  - { code: ar, review: draft }\n', '  - { code: ar, review: draft }\n  - { code: es, review: draft }\n');
    copyFileSync(ES_1252, join(content, 'translations/es.yaml'));

    const loaded = loadContent(content, { display: 'content' });
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.code}`)).toEqual(['content/translations/es.yaml:9:33 RP1010']);
    expect(errors[0]!.message).toBe(
      'The file is not valid UTF-8: byte 0xE9 here is not UTF-8; the file looks like Windows-1252 (Western European, Notepad "ANSI"), where this reads "intérprete".',
    );
    expect(errors[0]!.hints.join('\n')).toContain('iconv -f WINDOWS-1252 -t UTF-8');

    const check = await run(['check', '--content', content], dir);
    expect(check.code).toBe(1);
    expect(check.err).not.toContain('\uFFFD');
    const status = await run(['status', '--content', content, '--lang', 'es'], dir);
    expect(status.code).toBe(1);
    expect(status.out).not.toMatch(/complete/u);
    const out = join(dir, 'out');
    expect((await run(['build', '--content', content, '--out', out, '--lang', 'es', '--material', 'card'], dir)).code).toBe(1);
    expect(existsSync(join(out, 'generic/es'))).toBe(false);
  });
});
