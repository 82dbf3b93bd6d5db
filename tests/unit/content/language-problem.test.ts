import { describe, expect, it } from 'vitest';
import { COMMON_SCRIPTS, canonicalTag, declareLanguages, languageInfo, languageProblem, languages } from '../../../src/content/languages.ts';
import { scriptsWithFonts } from '../../../src/content/scripts-with-fonts.ts';

/**
 * Checking a code (languageProblem) takes the script and fonts without resolving the language's names; it must
 * judge every tag exactly as the full resolution (languageInfo) would: well-formed, a known script, a font for it.
 */
describe('languageProblem agrees with languageInfo', () => {
  const tags = [
    ...languages().keys(),
    'ar-SA',
    'ur-IN',
    'fa-AF',
    'zh-Hant-HK',
    'sr-Latn',
    'xx-nope',
    'zz',
    'ar_SA',
    'arabic',
    'en-',
    'qaa',
    'tlh',
    'ja',
    'ko',
    'dv',
    'syr',
    'x-private',
    'de-1996',
  ];

  for (const declared of [
    [],
    [
      { code: 'qaa', script: 'Latn', name: 'Test' },
      { code: 'ur-IN', fonts: ['NotoSansArabic'] },
      { code: 'zz', script: 'Nope' },
    ],
  ]) {
    it(`with ${declared.length} project declarations`, () => {
      declareLanguages(declared);
      for (const tag of tags) {
        const problem = languageProblem(tag, scriptsWithFonts());
        const info = languageInfo(tag);
        const expected = !canonicalTag(tag) ? 'malformed' : !info ? 'noScript' : !info.fonts && !scriptsWithFonts().has(info.script) ? 'noFont' : undefined;
        expect([tag, problem?.kind]).toEqual([tag, expected]);
        if (problem?.kind === 'noFont') expect(problem.script).toBe(info!.script);
      }
      declareLanguages([]);
    });
  }
});

describe('scripts known without asking ICU', () => {
  it("ICU knows every code COMMON_SCRIPTS lists, so the shortcut gives ICU's answer", () => {
    const names = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });
    for (const script of COMMON_SCRIPTS) expect(names.of(script), script).toBeDefined();
  });

  it('a script COMMON_SCRIPTS does not list is still checked against ICU: real ones pass, made-up ones fail', () => {
    expect(COMMON_SCRIPTS.has('Bali')).toBe(false);
    expect(languageInfo('ban-Bali')?.script).toBe('Bali');
    expect(COMMON_SCRIPTS.has('Nope')).toBe(false);
    expect(languageInfo('xx-Nope')).toBeUndefined();
  });
});
