/**
 * Script facts the text engine needs, as one table (language and script specifics live in tables, not in scattered conditions: docs/architecture.md, decision 8).
 * `scriptOf()` gives the Unicode Script property of a code point as an ISO 15924 code.
 */

/** One row: the ISO 15924 code, the Unicode Script property value name, and how the engine treats it. */
export interface ScriptRow {
  /** ISO 15924 code, as in fonts/manifest.json stacks and locales/languages.json. */
  readonly iso: string;
  /** Unicode `Script=` value name, used in a `\p{Script=…}` regex. */
  readonly unicode: string;
  /**
   * Words are not separated by spaces: line breaks only at dictionary word boundaries (`Intl.Segmenter`
   * word granularity), as UAX #14 class SA prescribes for these scripts.
   */
  readonly dictionaryBreaks?: boolean;
}

/**
 * Scripts we recognise. Order matters only for speed (first match wins; the cache makes it irrelevant after
 * first sight). Scripts without bundled fonts are listed so that their characters are itemised as what they
 * are, and reported as missing glyphs with the right script instead of being glued to their neighbours.
 */
export const SCRIPTS: readonly ScriptRow[] = [
  { iso: 'Latn', unicode: 'Latin' },
  { iso: 'Arab', unicode: 'Arabic' },
  { iso: 'Cyrl', unicode: 'Cyrillic' },
  { iso: 'Grek', unicode: 'Greek' },
  { iso: 'Hebr', unicode: 'Hebrew' },
  { iso: 'Ethi', unicode: 'Ethiopic' },
  { iso: 'Beng', unicode: 'Bengali' },
  { iso: 'Guru', unicode: 'Gurmukhi' },
  { iso: 'Gujr', unicode: 'Gujarati' },
  { iso: 'Deva', unicode: 'Devanagari' },
  { iso: 'Taml', unicode: 'Tamil' },
  { iso: 'Sinh', unicode: 'Sinhala' },
  { iso: 'Mymr', unicode: 'Myanmar', dictionaryBreaks: true },
  { iso: 'Thai', unicode: 'Thai', dictionaryBreaks: true },
  { iso: 'Khmr', unicode: 'Khmer', dictionaryBreaks: true },
  { iso: 'Laoo', unicode: 'Lao', dictionaryBreaks: true },
  { iso: 'Geor', unicode: 'Georgian' },
  { iso: 'Armn', unicode: 'Armenian' },
  { iso: 'Hani', unicode: 'Han' },
  { iso: 'Hira', unicode: 'Hiragana' },
  { iso: 'Kana', unicode: 'Katakana' },
  { iso: 'Hang', unicode: 'Hangul' },
  { iso: 'Bopo', unicode: 'Bopomofo' },
  { iso: 'Syrc', unicode: 'Syriac' },
  { iso: 'Thaa', unicode: 'Thaana' },
  { iso: 'Nkoo', unicode: 'Nko' },
  { iso: 'Adlm', unicode: 'Adlam' },
  { iso: 'Tfng', unicode: 'Tifinagh' },
  { iso: 'Telu', unicode: 'Telugu' },
  { iso: 'Knda', unicode: 'Kannada' },
  { iso: 'Mlym', unicode: 'Malayalam' },
  { iso: 'Orya', unicode: 'Oriya' },
  { iso: 'Tibt', unicode: 'Tibetan' },
  { iso: 'Mong', unicode: 'Mongolian' },
  { iso: 'Cher', unicode: 'Cherokee' },
  { iso: 'Cans', unicode: 'Canadian_Aboriginal' },
  { iso: 'Vaii', unicode: 'Vai' },
  { iso: 'Yiii', unicode: 'Yi' },
];

/** Matches any character of a script with `dictionaryBreaks` (a quick test before segmenting words). */
export const DICTIONARY_SCRIPT_CHAR = new RegExp(
  `[${SCRIPTS.filter((s) => s.dictionaryBreaks)
    .map((s) => `\\p{Script=${s.unicode}}`)
    .join('')}]`,
  'u',
);

/** ISO 15924 code for characters shared by many scripts (spaces, digits, punctuation). */
export const COMMON = 'Zyyy';
/** ISO 15924 code for combining marks that take the script of their base. */
export const INHERITED = 'Zinh';
/** ISO 15924 code for anything not in the table. */
export const UNKNOWN = 'Zzzz';

/** ISO codes in the order of the capture groups of SCRIPT_OF: the table's scripts, then Common and Inherited. */
const GROUP_ISO = [...SCRIPTS.map((s) => s.iso), COMMON, INHERITED];

/**
 * One pattern with a capture group per script: a character's Script value is one of them at most, so the group
 * that matched names it. One match per new code point instead of one pattern per script in turn (a Chinese
 * paragraph brings hundreds of new code points).
 */
const SCRIPT_OF = new RegExp(`^(?:${[...SCRIPTS.map((s) => s.unicode), 'Common', 'Inherited'].map((u) => `(\\p{Script=${u}})`).join('|')})$`, 'u');

const cache = new Map<number, string>();

/** Unicode Script property of a code point, as ISO 15924 (`Zyyy` Common, `Zinh` Inherited, `Zzzz` unknown). */
export function scriptOf(codePoint: number): string {
  if (codePoint < 0x80) {
    // ASCII fast path: letters are Latin, everything else is Common.
    return (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a) ? 'Latn' : COMMON;
  }
  let iso = cache.get(codePoint);
  if (iso === undefined) {
    const match = SCRIPT_OF.exec(String.fromCodePoint(codePoint));
    iso = UNKNOWN;
    if (match) {
      for (let g = 1; g < match.length; g++) {
        if (match[g] !== undefined) {
          iso = GROUP_ISO[g - 1]!;
          break;
        }
      }
    }
    cache.set(codePoint, iso);
  }
  return iso;
}

/** True for Common and Inherited: characters whose script is decided by their neighbours (UAX #24). */
export function isNeutralScript(iso: string): boolean {
  return iso === COMMON || iso === INHERITED;
}

const byIso = new Map(SCRIPTS.map((s) => [s.iso, s]));

/** True when lines in this script break only at dictionary word boundaries (Thai, Lao, Khmer, Myanmar). */
export function usesDictionaryBreaks(iso: string): boolean {
  return byIso.get(iso)?.dictionaryBreaks === true;
}

/**
 * The script tag HarfBuzz is given (`hb_script_from_string` takes ISO 15924). Han variants `Hans`/`Hant`
 * are font-choice distinctions, not shaping ones: HarfBuzz shapes them as `Hani`. Common/unknown text
 * is shaped as `Zyyy`.
 */
export function harfbuzzScript(iso: string): string {
  if (iso === 'Hans' || iso === 'Hant') return 'Hani';
  if (iso === INHERITED || iso === UNKNOWN) return COMMON;
  return iso;
}
