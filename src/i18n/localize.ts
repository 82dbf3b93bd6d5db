import type { ContentDoc, Edition, Settings } from '../content/types.ts';
import { interpolateMarked, markBracketed, parseMarkup, plainText } from '../content/markup.ts';
import { materialKeys } from '../content/validate.ts';
import { languageInfo } from '../content/languages.ts';
import { editionSettings, PLACEHOLDER_MARKER } from './settings.ts';
import type { LocalizedDoc, LocalizedString } from './types.ts';
import { uiStrings, uiTranslator } from './ui.ts';
import { editionLanguages, languageReview, localizeDiagnostics, requireLanguage, resolveString, type LocalizeResult, type Resolved } from './policy.ts';

export * from './policy.ts';

/**
 * Everything the materials need for one (edition, language): each guidance string interpolated with the
 * edition's settings, NFC, parsed into blocks, with the print policy applied per key; UI strings through i18next
 * with the language's fallback chain; the poster strip in every language of the edition.
 */
export function localize(content: ContentDoc, edition: Edition, lang: string): LocalizeResult {
  if (content.onlyTranslations) throw new Error(`localize: the content was loaded with only the translations of ${[...content.onlyTranslations].join(', ')}`);
  const { project, source } = content;
  const info = requireLanguage(lang);
  const officerLang = requireLanguage(project.officerLanguage);
  const settings = editionSettings(content, edition);
  const { diagnostics, blocked } = localizeDiagnostics(content, edition, lang);
  const usedKeys = [...new Set(materialKeys(project.materials).map(([, k]) => k))].filter((k) => source.strings[k] !== undefined);
  const t = uiTranslator(content.root || content.files, project.sourceLanguage);

  const cache = new Map<string, LocalizedString>();
  const localized = (key: string, inLang: string): LocalizedString => {
    const id = `${inLang}\0${key}`;
    let hit = cache.get(id);
    if (!hit) {
      const r = resolveString(content, inLang, key);
      hit = toLocalized(key, r, settings, project.sourceLanguage);
      cache.set(id, hit);
    }
    return hit;
  };

  const stripKey = project.materials.poster.strip;
  const strip =
    source.strings[stripKey] === undefined
      ? []
      : editionLanguages(content, edition).flatMap((code) => {
          const l = languageInfo(code);
          if (!l) return [];
          const s = localized(stripKey, code);
          // A fallback would print the source phrase labelled as another language: leave that language out instead.
          return s.state === 'fallback' ? [] : [{ lang: l, text: s.plain }];
        });

  const printedKeys = source.strings[stripKey] === undefined || usedKeys.includes(stripKey) ? usedKeys : [...usedKeys, stripKey];
  const doc: LocalizedDoc = {
    edition,
    lang: info,
    settings,
    version: project.version,
    date: project.date,
    review: languageReview(content, lang),
    // Every key the materials print, resolved now: the doc is plain data. Resolving is pure and reports nothing
    // (the diagnostics above come from policyDiagnostics over the same keys), so doing it eagerly changes no output.
    strings: Object.fromEntries(printedKeys.map((key) => [key, localized(key, lang)])),
    officerStrings: Object.fromEntries(printedKeys.map((key) => [key, localized(key, officerLang.code)])),
    officerLang,
    ui: uiStrings(t, lang),
    officerUi: uiStrings(t, officerLang.code),
    sourceLang: project.sourceLanguage,
    strip,
  };
  return { doc, diagnostics, blocked };
}

/**
 * Settings are written in the source language, so in a translation their values (when they contain letters) are
 * inlines with `lang: sourceLanguage`: `{{organisation}}` inside an Arabic sentence is read as English. So is a
 * `[PLACEHOLDER …]` lawyer-check marker, which translators keep untranslated.
 */
function toLocalized(key: string, r: Resolved, settings: Settings, sourceLanguage: string): LocalizedString {
  const valueLang = r.lang === sourceLanguage ? undefined : sourceLanguage;
  const blocks = parseMarkup(interpolateMarked(markBracketed(r.text, PLACEHOLDER_MARKER), settings).normalize('NFC'), valueLang);
  return { key, lang: r.lang, blocks, plain: plainText(blocks), state: r.state, review: r.review };
}
