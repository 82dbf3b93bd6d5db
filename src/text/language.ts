import { languageInfo } from '../content/languages.ts';
import type { Direction } from './types.ts';

/** What the text engine needs to know about a paragraph language. */
export interface TextLanguage {
  /** Paragraph base direction (UAX #9 P3 is not used: the language decides, see docs/architecture.md, decision 3). */
  readonly direction: Direction;
  /** Main script (ISO 15924): the script of text that has no script of its own (digits-only paragraphs). */
  readonly script: string;
  /** True when the tag resolves to a language with a script (ICU, locales/languages.json or project.yaml). */
  readonly known: boolean;
}

/**
 * Direction and script for a BCP 47 tag. Unknown languages are set left-to-right in Latin: the proof command
 * refuses them up front, and content validation names them; the engine itself must not crash on one.
 */
export function textLanguage(lang: string): TextLanguage {
  const info = languageInfo(lang);
  return info ? { direction: info.dir, script: info.script, known: true } : { direction: 'ltr', script: 'Latn', known: false };
}
