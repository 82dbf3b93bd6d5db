import { describe, expect, it } from 'vitest';
import { canonicalTag, declareLanguages, languageInfo, languageProblem, languages } from '../../../src/content/languages.ts';
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
