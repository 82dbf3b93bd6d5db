import { textLanguage } from './language.ts';
import type { Item, Paragraph } from './types.ts';

/**
 * spanLanguage: the language a run of a paragraph is read in, when that is not the paragraph's own language.
 * It becomes `ShapedRun.spanLang`, which the PDF writer marks with a nested /Span /Lang so a screen reader
 * switches voice (WCAG technique PDF19). The one rule, in order:
 *
 * 1. A styled span's own `lang` (Paragraph.spans) wins: i18n/localize gives it to interpolated settings values
 *    (`{{organisation}}` in an Arabic sentence is written in the source language) and to `[PLACEHOLDER …]`
 *    markers kept untranslated. When that language runs the other way, itemize also isolates the span (LRI…PDI).
 * 2. Otherwise, a run in the main script of the source language, inside a paragraph whose language's main script
 *    (locales/languages.json `script`) is a different one, is text the translator kept in the source language:
 *    `Home Office`, `(warrant)` or a URL written in Latin letters inside Arabic, Persian, Urdu, Bengali, Russian
 *    or Chinese. The content model has no markup for it, so script is the only evidence. Neutral characters
 *    (spaces, digits, punctuation) belong to the run whose script UAX #24 resolution gave them (itemize.ts), so
 *    a phone number inside Arabic text stays Arabic and the space inside `Home Office` is English.
 *
 * Text in a foreign language written in the paragraph's own script (an English name inside French) cannot be
 * told apart and stays in the paragraph's language. This is table-free: no language or script is named here.
 * The marking never changes shaping: the shaper still gets `Item.lang`.
 */

/**
 * The source language when a paragraph does not say (Paragraph.sourceLang): the default of project.yaml
 * `sourceLanguage` (content/load.ts) and the root of every i18n fallback chain (i18n/fallback.ts).
 */
export const DEFAULT_SOURCE_LANG = 'en';

/** Language of the text of `item` (script and shaper language from itemize) when it differs from `paragraph.lang`. */
export function spanLanguage(item: Pick<Item, 'script' | 'lang'>, paragraph: Pick<Paragraph, 'lang' | 'sourceLang'>): string | undefined {
  if (item.lang !== paragraph.lang) return item.lang;
  const source = paragraph.sourceLang ?? DEFAULT_SOURCE_LANG;
  if (source === paragraph.lang) return undefined;
  const sourceScript = textLanguage(source).script;
  return item.script === sourceScript && textLanguage(paragraph.lang).script !== sourceScript ? source : undefined;
}
