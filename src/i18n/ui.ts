import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import { fallbackChain } from './fallback.ts';
import { REPO_ROOT } from './languages.ts';

/** i18next namespace of the materials' UI strings (locales/<lng>/ui.json). */
export const UI_NAMESPACE = 'ui';

/**
 * UI resources: the repository's locales/<lng>/ui.json, with an organisation's own
 * `<content>/locales/<lng>/ui.json` laid over them key by key (so a group can reword "Call" without forking).
 */
export function loadUiResources(contentRoot?: string): Resource {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  const readFolder = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const lng of readdirSync(folder).sort()) {
      const file = join(folder, lng, `${UI_NAMESPACE}.json`);
      if (!existsSync(file)) continue;
      const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const normalized = Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC') : v]));
      resources[lng] = { [UI_NAMESPACE]: { ...resources[lng]?.[UI_NAMESPACE], ...normalized } };
    }
  };
  readFolder(join(REPO_ROOT, 'locales'));
  if (contentRoot) readFolder(join(contentRoot, 'locales'));
  return resources as Resource;
}

const instances = new Map<string, i18n>();

/**
 * One i18next instance per process (and content folder), initialised synchronously with every language's
 * resources and an explicit fallback chain per language. Empty strings do not count as translated
 * (`returnEmptyString: false`): an empty "Call" in a translation file falls back instead of printing nothing.
 */
export function uiTranslator(contentRoot?: string, sourceLanguage = 'en'): i18n {
  const cacheKey = `${contentRoot ?? ''}\0${sourceLanguage}`;
  const cached = instances.get(cacheKey);
  if (cached) return cached;
  // A function, not a table: any tag may be asked for, including languages only a content folder declares.
  const fallbackLng = (code: string): string[] => fallbackChain(code, sourceLanguage).slice(1);
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: loadUiResources(contentRoot),
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
