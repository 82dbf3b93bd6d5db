import i18next, { type i18n, type Resource } from 'i18next';
import { folderSource, shippedUiStrings } from '#platform';
import { readText, type ContentSource } from '../content/source.ts';
import { fallbackChain } from './fallback.ts';

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
