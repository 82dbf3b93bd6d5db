import i18next, { type i18n, type Resource } from 'i18next';
import { folderSource, shippedUiStrings } from '#platform';
import { readText, type ContentSource } from '../content/source.ts';
import { fallbackChain } from './fallback.ts';
import type { UiStrings } from './types.ts';

/** i18next namespace of the materials' UI strings (locales/<lng>/ui.json). */
export const UI_NAMESPACE = 'ui';

/**
 * UI resources: the repository's locales/<lng>/ui.json, with an organisation's own
 * `<content>/locales/<lng>/ui.json` laid over them key by key (so a group can reword "Call" without forking).
 */
export function loadUiResources(content?: ContentSource): Resource {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  const add = (all: Record<string, Record<string, unknown>>) => {
    for (const [lng, strings] of Object.entries(all)) {
      const normalized = Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC') : v]));
      resources[lng] = { [UI_NAMESPACE]: { ...resources[lng]?.[UI_NAMESPACE], ...normalized } };
    }
  };
  add(shippedUiStrings());
  if (content) {
    const own: Record<string, Record<string, unknown>> = {};
    for (const lng of content.folders('locales')) {
      const text = readText(content, `locales/${lng}/${UI_NAMESPACE}.json`);
      if (text !== undefined) own[lng] = JSON.parse(text) as Record<string, unknown>;
    }
    add(own);
  }
  return resources as Resource;
}

/** Instances by content folder path (the CLI) or by content source (the web page), then source language. */
const byPath = new Map<string, Map<string, i18n>>();
const bySource = new WeakMap<ContentSource, Map<string, i18n>>();

/**
 * One i18next instance per process (and content folder), initialised synchronously with every language's
 * resources and an explicit fallback chain per language. Empty strings do not count as translated
 * (`returnEmptyString: false`): an empty "Call" in a translation file falls back instead of printing nothing.
 */
export function uiTranslator(content?: string | ContentSource, sourceLanguage = 'en'): i18n {
  const source = typeof content === 'string' ? (content ? folderSource(content) : undefined) : content;
  let instances = typeof content === 'string' || content === undefined ? byPath.get(content ?? '') : bySource.get(content);
  if (!instances) {
    instances = new Map();
    if (typeof content === 'string' || content === undefined) byPath.set(content ?? '', instances);
    else bySource.set(content, instances);
  }
  const cacheKey = sourceLanguage;
  const cached = instances.get(cacheKey);
  if (cached) return cached;
  // A function, not a table: any tag may be asked for, including languages only a content folder declares.
  const fallbackLng = (code: string): string[] => fallbackChain(code, sourceLanguage).slice(1);
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: loadUiResources(source),
    ns: [UI_NAMESPACE],
    defaultNS: UI_NAMESPACE,
    lng: sourceLanguage,
    fallbackLng,
    // i18next would otherwise drop region/script subtags' own resources; every code is a resource key as written.
    load: 'currentOnly',
    returnEmptyString: false,
    returnNull: false,
    // Text goes into PDFs, not HTML: no escaping.
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  instances.set(cacheKey, instance);
  return instance;
}

/** Tables already made, by i18next instance, then language: every job of a language shares one. */
const tables = new WeakMap<i18n, Map<string, UiStrings>>();

/**
 * Every UI string of `lng` as plain data: key → template, each resolved by i18next itself through `lng`'s fallback
 * chain (so an empty or missing string falls back exactly as before), interpolation left to `uiText`. The keys are
 * every top-level string key of any language's resources; plural forms appear under their suffixed keys
 * (`languageCount_one`), which the materials do not print.
 */
export function uiStrings(t: i18n, lng: string): UiStrings {
  let byLang = tables.get(t);
  if (!byLang) tables.set(t, (byLang = new Map()));
  const hit = byLang.get(lng);
  if (hit) return hit;
  const keys = new Set<string>();
  for (const bundles of Object.values((t.options.resources ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [key, value] of Object.entries(bundles[UI_NAMESPACE] ?? {})) if (typeof value === 'string') keys.add(key);
  }
  // i18next's t() is typed for compile-time key lists; these keys come from the resources at run time.
  const translate = t.t.bind(t) as unknown as (key: string, options: { lng: string; skipInterpolation: boolean }) => unknown;
  const table: Record<string, string> = {};
  for (const key of [...keys].sort()) {
    if (!t.exists(key, { lng })) continue;
    const template = translate(key, { lng, skipInterpolation: true });
    if (typeof template === 'string') table[key] = template;
  }
  byLang.set(lng, table);
  return table;
}
