import languagesJson from '../../locales/languages.json' with { type: 'json' };

/** A language's base direction: it sets every paragraph's bidi level (architecture: decision 3). */
export type Direction = 'ltr' | 'rtl';

/** What the engine knows about a language: ICU's locale data, with locales/languages.json and project.yaml on top. */
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

/**
 * One language as data (a row of locales/languages.json, or an entry of a content folder's project.yaml
 * `languages:`): the code plus only what differs from ICU or what ICU cannot know.
 */
export interface LanguageOverride {
  readonly code: string;
  readonly name?: string;
  readonly autonym?: string;
  readonly script?: string;
  readonly dir?: Direction;
  readonly fonts?: readonly string[];
  readonly fallback?: readonly string[];
}

/**
 * Scripts written right to left (ISO 15924). ICU's text direction for a language is derived from its likely
 * script too, but only for languages ICU has data for; a `script:` given by hand needs this table.
 */
export const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/**
 * Scripts with capital letters, where a language name standing alone starts with one. Not Georgian: Mkhedruli
 * has no capitals in running text, and upper-casing it would turn the first letter into Mtavruli.
 */
const CASED_SCRIPTS: ReadonlySet<string> = new Set(['Latn', 'Cyrl', 'Grek', 'Armn']);

let table: ReadonlyMap<string, LanguageOverride> | undefined;
/** Languages a loaded content folder declared (project.yaml), over the shipped table. */
let declared: ReadonlyMap<string, LanguageOverride> = new Map();
/** The entries `declared` was made from, as JSON (declareLanguages). */
let declaredSignature = '[]';
const resolved = new Map<string, LanguageInfo | null>();
/** Script and fonts per code (`basics`), without the names: what checking a code needs. */
const basicsOf = new Map<string, Basics | null>();

/** The rows of locales/languages.json, keyed by code. Read once per process. */
function overrides(): ReadonlyMap<string, LanguageOverride> {
  table ??= new Map((languagesJson as { languages: LanguageOverride[] }).languages.map((l) => [l.code, l]));
  return table;
}

/**
 * Make a content folder's own language entries (code plus overrides) known to every later lookup in this
 * process. Called by the content loader after validation; a later call replaces the earlier declarations.
 */
export function declareLanguages(entries: readonly LanguageOverride[]): void {
  // The same declarations again (a build loads its folder once for the languages asked, then whole; every load
  // declares): the languages resolved so far still hold, and resolving one asks ICU for its names.
  const signature = JSON.stringify(entries);
  if (signature === declaredSignature) return;
  declared = new Map(entries.map((e) => [e.code, e]));
  declaredSignature = signature;
  resolved.clear();
  basicsOf.clear();
}

/** The canonical form of a well-formed BCP 47 tag (`ZH-hans` → `zh-Hans`), or undefined when it is malformed. */
export function canonicalTag(code: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(code);
    return tag;
  } catch {
    return undefined;
  }
}

/** ICU's language names in one locale, made once per locale: making one loads that locale's data (English is asked for every language). */
const namesIn = new Map<string, Intl.DisplayNames>();
function displayNames(locale: string): Intl.DisplayNames {
  let names = namesIn.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    namesIn.set(locale, names);
  }
  return names;
}

/** What ICU says about a tag: its likely script, and its names in English and in itself. */
export function icuLanguage(code: string): { script?: string; name?: string; autonym?: string } {
  const tag = canonicalTag(code);
  if (!tag) return {};
  const script = new Intl.Locale(tag).maximize().script;
  const nameIn = (locale: string) => {
    try {
      return displayNames(locale).of(tag);
    } catch {
      return undefined;
    }
  };
  const name = nameIn('en');
  // Language names start lower case in many languages' own running text (ICU's "français", "shqip"), but a name
  // that stands alone — a picker entry, the poster strip — starts with a capital, as speakers write it there.
  const own = nameIn(tag);
  const autonym = own && script && CASED_SCRIPTS.has(script) ? own.charAt(0).toLocaleUpperCase(tag) + own.slice(1) : own;
  return { ...(script ? { script } : {}), ...(name ? { name } : {}), ...(autonym ? { autonym } : {}) };
}

/** Entries for `code` and its less specific prefixes (`ur-IN` → ur-IN, ur), most specific first. */
function entriesFor(code: string): LanguageOverride[] {
  const parts = code.split('-');
  const out: LanguageOverride[] = [];
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('-');
    for (const source of [declared, overrides()]) {
      const e = source.get(prefix);
      if (e) out.push(e);
    }
  }
  return out;
}

/**
 * The language for a BCP 47 tag: the content folder's declaration over locales/languages.json over ICU.
 * Names come from the exact tag only (`fa-AF` is not called "Farsi"); script, direction and fonts are inherited
 * from a less specific entry (`ur-IN` is set in Nastaliq like `ur`). Undefined when the tag is malformed or no
 * script can be found for it (see `languageProblem`).
 */
export function languageInfo(code: string): LanguageInfo | undefined {
  const hit = resolved.get(code);
  if (hit !== undefined) return hit ?? undefined;
  const info = resolve(code);
  resolved.set(code, info ?? null);
  return info;
}

/** What `languageInfo` takes from the tables and ICU before the names: the entries, the script and the fonts. */
interface Basics {
  readonly entries: readonly LanguageOverride[];
  readonly exact: readonly LanguageOverride[];
  readonly script: string;
  readonly fonts?: readonly string[];
}

const pick = <K extends keyof LanguageOverride>(key: K, from: readonly LanguageOverride[]) => from.find((e) => e[key] !== undefined)?.[key];

/**
 * The script and fonts of a tag, or undefined when it is malformed or has no known script, without asking ICU for
 * its names: checking the content's codes (languageProblem) needs only these, and ICU's names of a language in its
 * own locale load that locale's data (most of resolving a language, for 42 project languages on every run).
 */
function basics(code: string): Basics | undefined {
  const hit = basicsOf.get(code);
  if (hit !== undefined) return hit ?? undefined;
  let out: Basics | undefined;
  const tag = canonicalTag(code);
  if (tag) {
    const entries = entriesFor(code);
    const exact = entries.filter((e) => e.code === code);
    // As icuLanguage finds it (no script is undefined, never '').
    const script = pick('script', exact) ?? (new Intl.Locale(tag).maximize().script || undefined) ?? pick('script', entries);
    const fonts = pick('fonts', entries);
    // `xx-nope` parses (a four-letter subtag is a script), but Nope is no ISO 15924 script.
    if (script && isKnownScript(script)) out = { entries, exact, script, ...(fonts ? { fonts } : {}) };
  }
  basicsOf.set(code, out ?? null);
  return out;
}

function resolve(code: string): LanguageInfo | undefined {
  const b = basics(code);
  if (!b) return undefined;
  const { entries, exact, script, fonts } = b;
  const icu = icuLanguage(code);
  const name = pick('name', exact) ?? icu.name ?? code;
  const dir = pick('dir', exact) ?? pick('dir', entries) ?? (RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr');
  const fallback = pick('fallback', exact);
  return {
    code,
    name,
    autonym: pick('autonym', exact) ?? icu.autonym ?? name,
    script,
    dir,
    ...(fonts ? { fonts } : {}),
    ...(fallback ? { fallback } : {}),
  };
}

/**
 * ISO 15924 codes known without asking ICU: the scripts of the languages rightsprint ships and of their
 * neighbours. ICU's table of script names costs ~20 ms to open, a tenth of a no-op rebuild, and every run resolves
 * a language; a script not listed here is still looked up in it. A test asserts that ICU knows every code listed,
 * so the answer is always ICU's.
 */
export const COMMON_SCRIPTS: ReadonlySet<string> = new Set(
  (
    'Latn Cyrl Grek Armn Geor Arab Hebr Syrc Thaa Nkoo Adlm Rohg Ethi Deva Beng Guru Gujr Orya Taml Telu Knda ' +
    'Mlym Sinh Thai Laoo Khmr Mymr Tibt Mong Hans Hant Hani Jpan Kore Hang Hira Kana Tfng Cans Cher Vaii Yiii Olck'
  ).split(' '),
);

/** ICU's English script names, opened on the first script COMMON_SCRIPTS does not list. */
let scriptNames: Intl.DisplayNames | undefined;

/** True for an ISO 15924 code ICU has a name for (`Latn`, `Mlym`), false for a made-up one. */
function isKnownScript(script: string): boolean {
  if (COMMON_SCRIPTS.has(script)) return true;
  try {
    scriptNames ??= new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });
    return scriptNames.of(script) !== undefined;
  } catch {
    return false;
  }
}

/**
 * True when `code` has an entry of its own — a row of locales/languages.json or a project.yaml declaration —
 * rather than only ICU's data: such a tag is a language of its own (`fa-AF`), not a regional spelling of its
 * base language (`ar-SA` is Arabic).
 */
export function hasOwnEntry(code: string): boolean {
  return overrides().has(code) || declared.has(code);
}

/** Every language listed in locales/languages.json or declared by the content, resolved, keyed by code. */
export function languages(): ReadonlyMap<string, LanguageInfo> {
  const out = new Map<string, LanguageInfo>();
  for (const code of [...overrides().keys(), ...declared.keys()]) {
    const info = languageInfo(code);
    if (info) out.set(code, info);
  }
  return out;
}

/** Why a tag cannot be set, as data for a diagnostic; undefined when it can. */
export type LanguageProblem =
  | { readonly kind: 'malformed'; readonly suggestion?: string }
  | { readonly kind: 'noScript'; readonly suggestion?: string }
  | { readonly kind: 'noFont'; readonly script: string };

/**
 * Check a tag against ICU, the tables and the fonts (`scriptsWithFonts`: ISO 15924 codes that have a stack in
 * fonts/manifest.json). A suggestion is offered for `ar_SA` (→ `ar-SA`) and for an English language name typed
 * instead of a code (`arabic` → `ar`).
 */
export function languageProblem(code: string, scriptsWithFonts: ReadonlySet<string>): LanguageProblem | undefined {
  // The suggestion is looked for only once the code is known to be wrong: it compares the code with the name of
  // every language ICU knows, which was most of checking the content's (valid) codes.
  const suggested = () => {
    const suggestion = suggestTag(code);
    return suggestion ? { suggestion } : {};
  };
  if (!canonicalTag(code)) return { kind: 'malformed', ...suggested() };
  // languageInfo's script and fonts, without its names (basics).
  const info = basics(code);
  if (!info) return { kind: 'noScript', ...suggested() };
  if (!info.fonts && !scriptsWithFonts.has(info.script)) return { kind: 'noFont', script: info.script };
  return undefined;
}

function suggestTag(code: string): string | undefined {
  const dashed = code.trim().replace(/_/gu, '-');
  if (dashed !== code && canonicalTag(dashed) && icuLanguage(dashed).script) return canonicalTag(dashed);
  const lower = code.trim().toLowerCase();
  for (const candidate of namedCandidates()) {
    const info = languageInfo(candidate);
    if (info && (info.name.toLowerCase() === lower || info.autonym.toLowerCase() === lower)) return info.code;
  }
  return undefined;
}

/**
 * Codes whose names a mistyped tag is compared with: the tables, and every two-letter ISO 639-1 code ICU can
 * name (ICU offers no list of its languages). Built only when a tag is already wrong.
 */
function namedCandidates(): string[] {
  // 676 ICU look-ups: done once per process (content validation asks for every unrecognised tag).
  twoLetterCodes ??= (() => {
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const found: string[] = [];
    for (let a = 97; a <= 122; a++) {
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b);
        if (english.of(code) !== undefined) found.push(code);
      }
    }
    return found;
  })();
  return [...overrides().keys(), ...declared.keys(), ...twoLetterCodes];
}
let twoLetterCodes: string[] | undefined;
