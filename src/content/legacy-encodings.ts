/**
 * Legacy code pages a content file may have been saved in by mistake (Notepad's "ANSI", Excel, old editors),
 * used only to tell the user which encoding their file looks like and how to convert it. Nothing is ever
 * decoded with them for printing: a file that is not UTF-8 is refused.
 *
 * `label` is a WHATWG Encoding label TextDecoder understands; `iconv` the name iconv takes. `languages` and
 * `scripts` (ISO 15924) say whose "ANSI" code page it is on Windows, so a file named after its language is
 * matched to its own code page first (the same bytes are plausible letters in several code pages).
 */
export interface LegacyEncoding {
  readonly label: string;
  /** Name shown to the user. */
  readonly name: string;
  readonly iconv: string;
  readonly scripts: readonly string[];
  readonly languages: readonly string[];
}

/** In order of preference when nothing says which language a file is in. */
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = [
  { label: 'windows-1252', name: 'Windows-1252 (Western European, Notepad "ANSI")', iconv: 'WINDOWS-1252', scripts: ['Latn'], languages: [] },
  {
    label: 'windows-1250',
    name: 'Windows-1250 (Central European)',
    iconv: 'WINDOWS-1250',
    scripts: [],
    languages: ['pl', 'cs', 'sk', 'hu', 'ro', 'sq', 'hr', 'sl', 'bs', 'sr-Latn'],
  },
  { label: 'windows-1251', name: 'Windows-1251 (Cyrillic)', iconv: 'WINDOWS-1251', scripts: ['Cyrl'], languages: [] },
  { label: 'windows-1256', name: 'Windows-1256 (Arabic script)', iconv: 'WINDOWS-1256', scripts: ['Arab'], languages: [] },
  { label: 'windows-1253', name: 'Windows-1253 (Greek)', iconv: 'WINDOWS-1253', scripts: ['Grek'], languages: [] },
  { label: 'windows-1255', name: 'Windows-1255 (Hebrew)', iconv: 'WINDOWS-1255', scripts: ['Hebr'], languages: [] },
  { label: 'windows-1254', name: 'Windows-1254 (Turkish)', iconv: 'WINDOWS-1254', scripts: [], languages: ['tr', 'ku', 'az'] },
  { label: 'windows-1258', name: 'Windows-1258 (Vietnamese)', iconv: 'WINDOWS-1258', scripts: [], languages: ['vi'] },
  { label: 'windows-874', name: 'Windows-874 (Thai)', iconv: 'CP874', scripts: ['Thai'], languages: [] },
  { label: 'gbk', name: 'GBK (Simplified Chinese)', iconv: 'GBK', scripts: ['Hans'], languages: ['zh', 'zh-Hans'] },
  { label: 'big5', name: 'Big5 (Traditional Chinese)', iconv: 'BIG5', scripts: ['Hant'], languages: ['zh-Hant'] },
];

/** Punctuation legacy code pages are mostly used for in running text (curly quotes, dashes, NBSP, €). */
const TEXT_PUNCTUATION = /[\u00A0\u00AB\u00BB\u00B0\u00B7\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2022\u2026\u20AC]/u;

/**
 * How plausible `text` (the file decoded with one legacy encoding) is as running text, 0..1: the share of its
 * non-ASCII characters that are letters, marks or common punctuation. A run of three or more non-ASCII Latin
 * letters counts against it: that is what Arabic or Cyrillic bytes look like when read as Windows-1252.
 */
export function plausibility(text: string): number {
  let total = 0;
  let good = 0;
  let latinRun = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      latinRun = 0;
      continue;
    }
    total += 1;
    const letter = /[\p{L}\p{M}]/u.test(ch);
    latinRun = letter && /\p{Script=Latin}/u.test(ch) ? latinRun + 1 : 0;
    if (ch === '\uFFFD') continue;
    if ((letter && latinRun < 3) || TEXT_PUNCTUATION.test(ch)) good += 1;
  }
  return total === 0 ? 0 : good / total;
}

/** Below this share of plausible characters no legacy encoding is named. */
const PLAUSIBLE = 0.8;

/**
 * The legacy encoding `bytes` most plausibly are in, preferring the code page of `hint` (the file's language,
 * with its script) when that one reads as text. Undefined when none does.
 */
export function guessLegacyEncoding(bytes: Uint8Array, hint?: { readonly language: string; readonly script?: string }): LegacyEncoding | undefined {
  const scored = LEGACY_ENCODINGS.map((enc) => ({ enc, score: plausibility(decodeWith(enc.label, bytes)) }));
  const own = hint ? scored.filter(({ enc }) => enc.languages.includes(hint.language) || (hint.script !== undefined && enc.scripts.includes(hint.script))) : [];
  // A language with its own code page (Polish → 1250) before its script's (Latin → 1252).
  own.sort((a, b) => Number(b.enc.languages.includes(hint!.language)) - Number(a.enc.languages.includes(hint!.language)));
  const ownPick = own.find((s) => s.score >= PLAUSIBLE);
  if (ownPick) return ownPick.enc;
  let best: { enc: LegacyEncoding; score: number } | undefined;
  for (const s of scored) if (s.score >= PLAUSIBLE && (!best || s.score > best.score)) best = s;
  return best?.enc;
}

/** `bytes` decoded with a legacy encoding; empty (score 0) where this Node's ICU lacks the encoding. */
function decodeWith(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return '';
  }
}
