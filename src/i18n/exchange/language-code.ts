/**
 * Language codes as exchange files write them, matched to the project's BCP 47 codes. gettext and POSIX locales
 * write `zh_Hans`, `ar_SA`, `sr@latin`, `pt_BR.UTF-8`; BCP 47 writes `zh-Hans`, `ar-SA`, `sr-Latn`, `pt-BR`.
 *
 * Matching (README "Language codes in exchange files"):
 * 1. the code in BCP 47 form equals a project language (case-insensitively): that language;
 * 2. a regional Chinese code names the script its region writes (REGION_SCRIPT: zh_CN → zh-Hans, zh_TW → zh-Hant);
 * 3. otherwise region subtags are dropped, one at a time, while the code is not a language of its own in
 *    locales/languages.json: `ar-SA` → `ar`, `zh-Hans-CN` → `zh-Hans`; but `fa-AF` stays `fa-AF` (the engine
 *    sets it as its own language), and a script subtag is never dropped (`sr-Latn` is not `sr`).
 * Pure: the caller passes the project languages and what the engine knows.
 */

/** POSIX `@modifier`s that name a script. Other modifiers (`@valencia`, `@euro`) make the code unmatched. */
const MODIFIER_SCRIPT: Readonly<Record<string, string>> = { latin: 'Latn', cyrillic: 'Cyrl', arabic: 'Arab', devanagari: 'Deva' };

/** Chinese region codes → the script written there, so `zh_CN` (gettext's usual name) finds `zh-Hans`. */
const REGION_SCRIPT: Readonly<Record<string, string>> = {
  'zh-CN': 'zh-Hans',
  'zh-SG': 'zh-Hans',
  'zh-MY': 'zh-Hans',
  'zh-TW': 'zh-Hant',
  'zh-HK': 'zh-Hant',
  'zh-MO': 'zh-Hant',
};

/** A region subtag: two letters or three digits. */
const REGION = /^(?:[A-Za-z]{2}|\d{3})$/u;

/** `code` in BCP 47 form: `_` → `-`, codeset dropped, language lower case, script title case, region upper case. */
export function toBcp47(code: string): string {
  const [locale = '', modifier] = code
    .trim()
    .replace(/\.[^@]*/u, '')
    .split('@');
  const parts = locale.split(/[-_]/u).filter(Boolean);
  const out = parts.map((p, i) => {
    if (i === 0) return p.toLowerCase();
    if (/^[A-Za-z]{4}$/u.test(p)) return p[0]?.toUpperCase() + p.slice(1).toLowerCase();
    if (REGION.test(p)) return p.toUpperCase();
    return p.toLowerCase();
  });
  if (modifier !== undefined) {
    const script = MODIFIER_SCRIPT[modifier.toLowerCase()];
    if (script === undefined) return `${out.join('-')}-x-${modifier.toLowerCase()}`;
    out.splice(1, 0, script);
  }
  return out.join('-');
}

/**
 * The project language a declared code means, or undefined. `projectLanguages` are the project's codes;
 * `ownLanguage(code)` says whether `code` has an entry of its own (locales/languages.json or project.yaml), as
 * `fa-AF` does; every well-formed tag resolves through ICU, so resolving is not the test.
 */
export function resolveLanguage(declared: string, projectLanguages: readonly string[], ownLanguage: (code: string) => boolean): string | undefined {
  const find = (code: string) => projectLanguages.find((l) => l.toLowerCase() === code.toLowerCase());
  let code = toBcp47(declared);
  for (;;) {
    const hit = find(code) ?? (REGION_SCRIPT[code] !== undefined ? find(REGION_SCRIPT[code] ?? '') : undefined);
    if (hit !== undefined) return hit;
    const parts = code.split('-');
    const last = parts.at(-1) ?? '';
    if (parts.length < 2 || !REGION.test(last) || ownLanguage(code)) return undefined;
    code = parts.slice(0, -1).join('-');
  }
}
