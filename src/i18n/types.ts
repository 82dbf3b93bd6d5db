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

/**
 * UI strings of one language, each resolved through the language's fallback chain exactly as i18next resolves it:
 * key → template with `{{var}}` placeholders (filled by `uiText`, i18n/doc.ts). Plain data, so a doc can be posted
 * to a worker as is.
 */
export type UiStrings = Readonly<Record<string, string>>;

/**
 * Everything a material needs for one (edition, language). Produced by i18n/localize. Plain, structured-cloneable
 * data (no functions): the free functions in i18n/doc.ts read it.
 */
export interface LocalizedDoc {
  readonly edition: Edition;
  readonly lang: LanguageInfo;
  readonly settings: Settings;
  /** Content version and edition date, printed on every material. */
  readonly version: string;
  readonly date: string;
  /** Language-level review status; a draft language prints a discreet "Translation not yet reviewed". */
  readonly review: ReviewStatus;
  /**
   * The guidance strings the materials print (project.yaml `materials:` and the poster strip key), per policy, in
   * this language: key → string. Read them with `guidanceString` (i18n/doc.ts), which throws for other keys.
   */
  readonly strings: Readonly<Record<string, LocalizedString>>;
  /** The same keys in the officer language (card back). Read with `officerGuidanceString`. */
  readonly officerStrings: Readonly<Record<string, LocalizedString>>;
  readonly officerLang: LanguageInfo;
  /** UI strings from locales/<lng>/ resolved through this language's fallback chain. Read with `uiText`. */
  readonly ui: UiStrings;
  /**
   * The same UI strings in the officer language (card back: the hotline label, its pending note). Without them the
   * officer side prints the bare number.
   */
  readonly officerUi?: UiStrings;
  /**
   * The project's source language (project.yaml `sourceLanguage`), for `Paragraph.sourceLang`: text a translator
   * kept in it (a Latin `Home Office` inside Arabic) is marked /Lang in it. Optional so hand-built docs still
   * type-check; localize always sets it, and unset means `en` to the text engine.
   */
  readonly sourceLang?: string;
  /** For the poster strip: one entry per language of the edition, in its own script. */
  readonly strip: readonly { readonly lang: LanguageInfo; readonly text: string }[];
}
