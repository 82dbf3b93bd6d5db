import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../../src/cli/export.ts';
import { importCommand } from '../../../src/cli/import.ts';
import { resolveLanguage, toBcp47 } from '../../../src/i18n/exchange/language-code.ts';
import { hasOwnEntry } from '../../../src/content/languages.ts';
import { captureIO } from '../../unit/exchange/helpers.ts';

/**
 * Bug (#15.11): PO files from gettext tools say `Language: zh_Hans` or `ar_SA`; import refused them (RP2610) for
 * a project whose languages are zh-Hans and ar, and `--lang` could not override the header. Codes are now
 * normalised to BCP 47 and matched (region dropped unless the engine knows the variant as its own language).
 */
const CONTENT = fileURLToPath(new URL('../../fixtures/exchange-tools/content/', import.meta.url));
const PROJECT = ['ar', 'zh-Hans', 'pl'];
const own = hasOwnEntry;

async function importWithHeader(lang: string, header: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'rp-langcode-'));
  cpSync(CONTENT, join(dir, 'content'), { recursive: true });
  await exportCommand.run(['--lang', lang, '--out', 'x.po'], captureIO(dir));
  const po = readFileSync(join(dir, 'x.po'), 'utf8');
  writeFileSync(join(dir, 'x.po'), po.replace(`"Language: ${lang}\\n"`, `"Language: ${header}\\n"`));
  const io = captureIO(dir);
  const code = await importCommand.run(['x.po', ...extra], io);
  return { code, err: io.stderr.join('\n'), out: io.stdout.join('\n') };
}

describe('regression: gettext-style language codes', () => {
  it('normalises POSIX/gettext names to BCP 47', () => {
    expect(['zh_Hans', 'ar_SA', 'pt_BR.UTF-8', 'sr@latin', 'ZH_hant_tw', 'ca@valencia'].map(toBcp47)).toEqual([
      'zh-Hans',
      'ar-SA',
      'pt-BR',
      'sr-Latn',
      'zh-Hant-TW',
      'ca-x-valencia',
    ]);
  });

  it('matches the project language: exact, Chinese region → script, region dropped; a known variant is not', () => {
    const r = (c: string, langs = PROJECT) => resolveLanguage(c, langs, own);
    expect(['zh_Hans', 'zh_CN', 'zh_Hans_CN', 'ar_SA', 'AR', 'pl_PL'].map((c) => r(c))).toEqual(['zh-Hans', 'zh-Hans', 'zh-Hans', 'ar', 'ar', 'pl']);
    expect(r('zh_TW')).toBeUndefined(); // zh-Hant is not a project language here
    expect(r('zh_TW', ['zh-Hant'])).toBe('zh-Hant');
    expect(r('fa_AF', ['fa'])).toBeUndefined(); // fa-AF is a language of its own in locales/languages.json
    expect(r('fa_AF', ['fa-AF'])).toBe('fa-AF');
    expect(r('sr@latin', ['sr'])).toBeUndefined(); // a script is never dropped
  });

  for (const [lang, header] of [
    ['zh-Hans', 'zh_Hans'],
    ['ar', 'ar_SA'],
    ['zh-Hans', 'zh_CN'],
  ] as const)
    it(`Language: ${header} imports into ${lang}`, async () => {
      const { code, err, out } = await importWithHeader(lang, header);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toContain(`translations/${lang}.yaml`);
    });

  it('a header that is no project language is refused with its BCP 47 form; --lang overrides it with a warning', async () => {
    const refused = await importWithHeader('ar', 'fa_AF');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('x.po:1:1  RP2610  The file\'s language "fa_AF" (fa-AF in BCP 47) is not a translation language of this project.');
    const overridden = await importWithHeader('ar', 'Arabic', ['--lang', 'ar']);
    expect(overridden.code).toBe(0);
    expect(overridden.err).toContain(
      'x.po:1:1  RP2621 warning  The file says its language is "Arabic", which is not a language of this project; --lang ar is used instead.',
    );
  });

  it('--lang naming another project language than the header is still the wrong file (RP2610)', async () => {
    const { code, err } = await importWithHeader('ar', 'ar_SA', ['--lang', 'pl']);
    expect(code).toBe(1);
    expect(err).toContain('RP2610  The file says its language is ar_SA, but --lang is pl.');
  });
});
