import type { ContentDoc, Edition, ReviewStatus, Settings } from '../content/types.ts';
import { variablesOf } from '../content/markup.ts';
import { editionFile } from '../content/load.ts';
import { materialKeys } from '../content/validate.ts';
import { error, warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { displaysInOrder } from '../text/itemize.ts';
import { classifyValue, ltrUnits } from '../text/ltr-units.ts';
import { languageInfo, type LanguageInfo } from '../content/languages.ts';
import { translationState, type TranslationState } from './translation-state.ts';
import { editionSettings, placeholderTextWarnings, placeholderWarnings } from './settings.ts';
import type { LocalizedDoc, StringState } from './types.ts';

/*
 * The print policy over loaded content, without the strings themselves: what localize() (localize.ts) reports for
 * an (edition, language) and the rules it prints by. Apart from localize.ts so that a build with nothing to write,
 * which needs only these checks, does not load i18next (ui.ts) with it.
 */

export type { TranslationState } from './translation-state.ts';

/** The raw state of a key in a language (translation-state.ts's rule); the source language is `source`. */
export function keyState(content: ContentDoc, lang: string, key: string): TranslationState {
  if (lang === content.project.sourceLanguage) return 'source';
  return translationState(content.source.strings[key] ?? '', content.translations.get(lang)?.strings[key]);
}

/** What the print policy makes of a key: the text to print and its state, or `blocked` under policy fail. */
export interface Resolved {
  readonly text: string;
  readonly lang: string;
  readonly state: StringState;
  readonly review: ReviewStatus;
  /** The raw state, for reporting. */
  readonly raw: TranslationState;
  /** Policy `fail` applies: this key must not be printed. */
  readonly blocked: boolean;
}

/** Applies project.policy to one key in one language. Pure over the content. */
export function resolveString(content: ContentDoc, lang: string, key: string): Resolved {
  const { project, source } = content;
  const sourceText = source.strings[key];
  if (sourceText === undefined) throw new Error(`unknown guidance key ${key}`);
  const raw = keyState(content, lang, key);
  const fallback = (blocked: boolean): Resolved => ({ text: sourceText, lang: project.sourceLanguage, state: 'fallback', review: 'reviewed', raw, blocked });
  switch (raw) {
    case 'source':
      return { text: sourceText, lang, state: 'source', review: 'reviewed', raw, blocked: false };
    case 'current':
    case 'stale': {
      const entry = content.translations.get(lang)!.strings[key]!;
      const review = entry.review ?? languageReview(content, lang);
      if (raw === 'current') return { text: entry.text, lang, state: 'current', review, raw, blocked: false };
      if (project.policy.stale === 'keep') return { text: entry.text, lang, state: 'stale-kept', review, raw, blocked: false };
      return fallback(project.policy.stale === 'fail');
    }
    case 'missing':
      return fallback(project.policy.missing === 'fail');
  }
}

/** Language-level review status (project.yaml `languages:`); the source language counts as reviewed. */
export function languageReview(content: ContentDoc, lang: string): ReviewStatus {
  if (lang === content.project.sourceLanguage) return 'reviewed';
  return content.project.languages.find((l) => l.code === lang)?.review ?? 'draft';
}

/** The languages an edition is built in: the source language first, then the edition's subset or the project's list. */
export function editionLanguages(content: ContentDoc, edition: Edition): string[] {
  const listed = edition.languages ?? content.project.languages.map((l) => l.code);
  return [...new Set([content.project.sourceLanguage, ...listed])];
}

export interface LocalizeResult {
  readonly doc: LocalizedDoc;
  /** Policy errors (RP5001), kept-stale and fallback notes (RP5002, RP5004), placeholder settings (RP5003). */
  readonly diagnostics: readonly Diagnostic[];
  /** True when policy `fail` blocks this language: build nothing for it. */
  readonly blocked: boolean;
}

/**
 * What localize() reports for an (edition, language), without resolving the strings it prints: the print policy
 * (RP5001 blocks the language, RP5002, RP5004), placeholder settings and markers (RP5003, RP5005), and for a
 * right-to-left language the settings that would print out of order (RP3005). It reads the language's own
 * translation and the source only, so a build that has nothing to write checks its languages with this alone.
 */
export function localizeDiagnostics(content: ContentDoc, edition: Edition, lang: string): Pick<LocalizeResult, 'diagnostics' | 'blocked'> {
  const { project, source } = content;
  const info = requireLanguage(lang);
  const settings = editionSettings(content, edition);
  const diagnostics = policyDiagnostics(content, edition, lang);
  const usedKeys = [...new Set(materialKeys(project.materials).map(([, k]) => k))].filter((k) => source.strings[k] !== undefined);
  const usedSettings = ['organisation', 'website', ...usedKeys.flatMap((k) => variablesOf(source.strings[k]!))];
  if (settings.logo) usedSettings.push('logo');
  diagnostics.push(...placeholderWarnings(content, edition, settings, usedSettings));
  diagnostics.push(...placeholderTextWarnings(content, usedKeys));
  if (info.dir === 'rtl') diagnostics.push(...settingOrderWarnings(content, edition, settings, usedSettings));
  return { diagnostics, blocked: diagnostics.some((d) => d.severity === 'error') };
}

/**
 * Settings the materials print on their own, outside any guidance sentence: the card's "Call <hotline>" line and
 * the QR caption (materials/texts.ts, leaflet.ts, poster.ts). There a value is not a marked span, so only the text
 * engine's own recognition (text/ltr-units.ts) keeps it in order.
 */
const PRINTED_ON_THEIR_OWN = ['hotline', 'website'];
/**
 * Lines that always display in order, told without a bidi run (which would set up bidi-js's tables in every build):
 * printable ASCII between two Latin letters (or one letter) in which the engine finds no phone number or address,
 * or which is one whole address. UAX #9: W7 makes the digits L after the letter before them, N0–N1 make brackets,
 * punctuation and spaces L between letters, so the line is one L run; an address is one isolate, forced left to
 * right. (An address that is only part of such a line can split it: `x www.ab.cd]x`.) Tested against
 * displaysInOrder on generated values (tests/unit/i18n/setting-order.test.ts).
 */
export function inOrderWithoutBidi(line: string): boolean {
  if (!LETTERS_AROUND_ASCII.test(line)) return false;
  return ltrUnits(line).length === 0 || classifyValue(line) !== undefined;
}
const LETTERS_AROUND_ASCII = /^[A-Za-z](?:[\x20-\x7e]*[A-Za-z])?$/u;
/** Right-to-left letters: a value written in an RTL script is not meant to read left to right. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * One warning (RP3005) per printed setting whose value a right-to-left material would not show as one left-to-right
 * unit: a value with letters inside a guidance sentence is an isolated source-language span and always reads in
 * order, but a value without letters, and the hotline and website wherever they are printed, stay in order only when
 * the text engine recognises them (phone number, web or e-mail address) — `0800 RIGHTS` or `020/7123 4567` would
 * have their parts swapped. Language-independent, so the warnings of all RTL jobs collapse into one.
 */
function settingOrderWarnings(content: ContentDoc, edition: Edition, settings: Settings, used: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of [...new Set([...PRINTED_ON_THEIR_OWN, ...used])].sort()) {
    const value = settings[name]?.trim();
    if (name === 'logo' || !value || RTL_LETTER.test(value)) continue;
    if (!PRINTED_ON_THEIR_OWN.includes(name) && /\p{L}/u.test(value)) continue;
    if (value.split('\n').every((line) => inOrderWithoutBidi(line.trim()) || displaysInOrder(line.trim(), 'rtl'))) continue;
    const overridden = edition.settings[name] !== undefined;
    const file = overridden ? editionFile(edition) : 'project.yaml';
    out.push(
      warning(
        CODES.layout.settingOrder,
        `Setting \`${name}\` ("${value}") does not print as one left-to-right unit in right-to-left languages: parts of it would appear in a different order (edition ${edition.name}).`,
        content.spans.get(`${file}#settings.${name}`),
        [
          /\p{Nd}/u.test(value)
            ? 'Write a phone number as digit groups joined by spaces or hyphens, with an optional leading + and one bracketed group, and nothing else: (020) 7123 4567, +44 (0)20 7123-4567, 020 7123 4567 ext. 12. Put a second number in a setting of its own.'
            : 'Write a web address with https:// or www. (https://example.org/help), an e-mail address as name@example.org.',
        ],
      ),
    );
  }
  return out;
}

/** The language of a code validation accepted (an unknown one here is a programming error, not a user's). */
export function requireLanguage(code: string): LanguageInfo {
  const info = languageInfo(code);
  // Validation reports unknown codes (RP2001) before any job runs; reaching here is a programming error.
  if (!info) throw new Error(`language ${code} is not in locales/languages.json`);
  return info;
}

/**
 * Per-language policy outcome over the keys the materials print: one error naming every blocked key (policy
 * fail), one warning for outdated translations printed anyway (keep), one for source-language fallbacks.
 */
export function policyDiagnostics(content: ContentDoc, edition: Edition, lang: string): Diagnostic[] {
  const { project, source } = content;
  if (lang === project.sourceLanguage) return [];
  const keys = [...new Set(materialKeys(project.materials).map(([, k]) => k))].filter((k) => source.strings[k] !== undefined);
  const resolved = keys.map((key) => ({ key, r: resolveString(content, lang, key) }));
  const name = `${languageInfo(lang)?.name ?? lang} (${lang})`;
  const span = languageSpan(content, lang);
  // Long key lists (a language not translated yet) are cut: `status --lang` shows them all.
  const list = (items: { key: string }[]) =>
    items.length <= KEYS_SHOWN
      ? items.map((i) => i.key).join(', ')
      : `${items
          .slice(0, KEYS_SHOWN)
          .map((i) => i.key)
          .join(', ')} … and ${items.length - KEYS_SHOWN} more (rightsprint status --lang ${lang})`;
  const out: Diagnostic[] = [];
  const blocked = resolved.filter((x) => x.r.blocked);
  if (blocked.length > 0) {
    const stale = blocked.filter((x) => x.r.raw === 'stale');
    const missing = blocked.filter((x) => x.r.raw === 'missing');
    out.push(
      error(
        CODES.policy.policyFail,
        `${name} cannot be printed in edition ${edition.name}: ${[stale.length > 0 ? `${stale.length} outdated` : '', missing.length > 0 ? `${missing.length} missing` : ''].filter(Boolean).join(' and ')} translation(s) under policy fail.`,
        span,
        [
          ...(stale.length > 0 ? [`outdated: ${list(stale)}`] : []),
          ...(missing.length > 0 ? [`missing: ${list(missing)}`] : []),
          `Update translations/${lang}.yaml (see \`rightsprint status --lang ${lang}\`), or set policy to fallback in project.yaml to print the ${project.sourceLanguage} text with a "translation pending" note.`,
        ],
      ),
    );
  }
  const kept = resolved.filter((x) => x.r.state === 'stale-kept');
  if (kept.length > 0) {
    out.push(
      warning(CODES.policy.staleKept, `${name}: ${kept.length} outdated translation(s) printed because policy.stale is keep.`, span, [
        `outdated: ${list(kept)}`,
        'The source text changed since these were translated; check them before printing.',
      ]),
    );
  }
  const fellBack = resolved.filter((x) => x.r.state === 'fallback' && !x.r.blocked);
  if (fellBack.length > 0) {
    out.push(
      warning(CODES.policy.fallbackUsed, `${name}: ${fellBack.length} string(s) print in ${project.sourceLanguage} with a "translation pending" note.`, span, [
        `${list(fellBack)}`,
      ]),
    );
  }
  return out;
}

/** How many keys a policy message names before summarising the rest. */
const KEYS_SHOWN = 8;

/** Where to point for a language: its translation file, else its entry in project.yaml. */
function languageSpan(content: ContentDoc, lang: string): SourceSpan | undefined {
  const file = content.spans.get(`translations/${lang}.yaml#language`);
  if (file) return file;
  const i = content.project.languages.findIndex((l) => l.code === lang);
  return content.spans.get(`project.yaml#languages.${i}.code`);
}
