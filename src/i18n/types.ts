import type { Edition, ReviewStatus, Settings } from '../content/types.ts';
import type { Block } from '../content/markup-types.ts';
import type { LanguageInfo } from '../content/languages.ts';

/**
 * How a printed string relates to the current source text:
 * - `source`: the language is the source language;
 * - `current`: translated from the current source text;
 * - `stale-kept`: translated from an older source text, printed anyway because policy.stale = keep;
 * - `fallback`: stale or missing, so the current source text is printed with a visible localised note.
 */
export type StringState = 'source' | 'current' | 'stale-kept' | 'fallback';

/** One guidance string ready for layout: interpolated, NFC, parsed into blocks. */
export interface LocalizedString {
  readonly key: string;
  /** Language the text is actually in (the source language when it fell back). */
  readonly lang: string;
  readonly blocks: readonly Block[];
  /** Plain text (markup removed), for titles, metadata and the poster strip. */
  readonly plain: string;
  readonly state: StringState;
  readonly review: ReviewStatus;
}

/** Everything a material needs for one (edition, language). Produced by i18n/localize. */
export interface LocalizedDoc {
  readonly edition: Edition;
  readonly lang: LanguageInfo;
  readonly settings: Settings;
  /** Content version and edition date, printed on every material. */
  readonly version: string;
  readonly date: string;
  /** Language-level review status; a draft language prints a discreet "Translation not yet reviewed". */
  readonly review: ReviewStatus;
  /** A guidance string in this language, per policy. Throws only for unknown keys (a programming error). */
  string(key: string): LocalizedString;
  /** The same key in the officer language (card back). */
  officerString(key: string): LocalizedString;
  readonly officerLang: LanguageInfo;
  /** A UI string from locales/<lng>/ through i18next with this language's fallback chain. */
  ui(key: string, vars?: Record<string, string | number>): string;
  /**
   * The same UI strings in the officer language (card back: the hotline label, its pending note). Without it the
   * officer side prints the bare number.
   */
  readonly officerUi?: (key: string, vars?: Record<string, string | number>) => string;
  /**
   * The project's source language (project.yaml `sourceLanguage`), for `Paragraph.sourceLang`: text a translator
   * kept in it (a Latin `Home Office` inside Arabic) is marked /Lang in it. Optional so hand-built docs still
   * type-check; localize always sets it, and unset means `en` to the text engine.
   */
  readonly sourceLang?: string;
  /** For the poster strip: one entry per language of the edition, in its own script. */
  readonly strip: readonly { readonly lang: LanguageInfo; readonly text: string }[];
}
