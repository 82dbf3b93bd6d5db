import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Direction } from '../text/types.ts';

/** One row of locales/languages.json: what the engine needs to know to set a language. */
export interface LanguageInfo {
  /** BCP 47 code, e.g. `ckb`, `zh-Hans`. */
  readonly code: string;
  /** English name, for messages. */
  readonly name: string;
  /** Name in its own script, for the poster strip and language pickers. */
  readonly autonym: string;
  /** ISO 15924 main script. */
  readonly script: string;
  readonly dir: Direction;
  /** Font stack (manifest family ids) overriding the script default, e.g. Urdu → Nastaliq first. */
  readonly fonts?: readonly string[];
  /** i18next fallback chain before the source language, e.g. `prs` → [`fa`]. */
  readonly fallback?: readonly string[];
}

/** Repository root (this file is src/i18n/languages.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let table: ReadonlyMap<string, LanguageInfo> | undefined;

/** All languages the engine knows, keyed by BCP 47 code. Read once per process. */
export function languages(): ReadonlyMap<string, LanguageInfo> {
  if (!table) {
    const raw = JSON.parse(readFileSync(new URL('../../locales/languages.json', import.meta.url), 'utf8')) as {
      languages: LanguageInfo[];
    };
    table = new Map(raw.languages.map((l) => [l.code, l]));
  }
  return table;
}

/** The language row for `code`, or undefined when the engine does not know it. */
export function languageInfo(code: string): LanguageInfo | undefined {
  return languages().get(code);
}
