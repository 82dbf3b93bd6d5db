import { languageInfo } from '../content/languages.ts';

/**
 * The order in which languages are tried for a UI string: the language itself, its explicit fallbacks from
 * locales/languages.json (`prs → fa`), its base language when it has a region or script subtag (`fa-AF → fa`),
 * and finally the source language. Explicit chains matter: i18next alone would send `prs` straight to English,
 * and a Dari reader can read Persian far better than English.
 */
export function fallbackChain(code: string, sourceLanguage = 'en'): string[] {
  const chain: string[] = [];
  const add = (c: string) => {
    if (!chain.includes(c)) chain.push(c);
  };
  const visit = (c: string) => {
    add(c);
    for (const next of languageInfo(c)?.fallback ?? []) visit(next);
    const base = c.split('-')[0]!;
    if (base !== c && languageInfo(base)) visit(base);
  };
  visit(code);
  add(sourceLanguage);
  return chain;
}
