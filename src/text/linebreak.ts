import LineBreakerModule from 'linebreak';
import { resolveScripts } from './itemize.ts';
import { textLanguage } from './language.ts';
import { keepTogether, ltrUnits } from './ltr-units.ts';
import { DICTIONARY_SCRIPT_CHAR, usesDictionaryBreaks } from './scripts.ts';

/**
 * Line-break opportunities (docs/architecture.md, decision 5): UAX #14 from the `linebreak` package, refined by
 * - dictionary word boundaries (`Intl.Segmenter`, word granularity) inside Thai, Lao, Khmer and Myanmar text,
 *   where `linebreak` alone gives none (or mid-word ones);
 * - never inside a grapheme cluster, never before a combining mark;
 * - never before CJK closing punctuation (kinsoku) — also enforced here, not left to UAX #14 tailoring;
 * - never next to a no-break space or word joiner;
 * - never inside a phone number or other grouped number (`0800 123 4567`, `(020) 7123 4567`, `+44 (0)20 7123-4567`)
 *   or an e-mail address, and inside a web address only in its path (ltr-units.ts keepTogether);
 * - `\n` is a required break.
 */

/** A position where a line may (or must) start. */
export interface BreakOpportunity {
  /** UTF-16 offset where the next line would start. */
  readonly position: number;
  /** True after `\n` (and other mandatory breaks): the line ends here whatever the width. */
  readonly required: boolean;
}

interface LineBreakerInstance {
  nextBreak(): { position: number; required: boolean } | null;
}
// `linebreak` ships no types; its CommonJS entry exports the class.
const LineBreaker = LineBreakerModule as unknown as new (text: string) => LineBreakerInstance;

/**
 * Characters that must never start a line:
 * - CJK closing brackets and quotes, full stops, commas, enumeration comma, middle dot, iteration marks and small
 *   kana (JIS X 4051 "line-start prohibited" set, as used for Chinese too);
 * - the sentence and clause marks of our scripts, which dictionary word segmentation would otherwise treat as a
 *   word of their own: Myanmar ၊ ။, Khmer ។ ៕ ៖, Thai ฯ ๆ, Devanagari/Bengali danda । ॥, Ethiopic ። ፣ ፤ ፥ ፦ ፧,
 *   Arabic ، ؛ ؟ ۔, Armenian ։ ՝, Georgian/Latin punctuation.
 */
const NO_LINE_START = new Set([
  ...'，。、．：；！？）］｝」』】〕〉》〗〙〛’”｠〟・ー〜～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‼⁇⁈⁉！％',
  ...'၊။។៕៖ฯๆ।॥።፣፤፥፦፧،؛؟۔։՝',
  ...')]},.:;!?',
]);

/** No-break characters: NBSP, narrow NBSP, figure space, word joiner, zero-width no-break space. */
const NO_BREAK_AROUND = new Set(['\u00A0', '\u202F', '\u2007', '\u2060', '\uFEFF']);

const COMBINING = /^\p{M}$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

const segmenters = new Map<string, { word: Intl.Segmenter; grapheme: Intl.Segmenter }>();
function segmentersFor(lang: string): { word: Intl.Segmenter; grapheme: Intl.Segmenter } {
  let s = segmenters.get(lang);
  if (!s) {
    let locale = lang;
    try {
      Intl.getCanonicalLocales(lang);
    } catch {
      locale = 'und'; // a tag like `vi-nfd` is not valid BCP 47; dictionaries do not depend on the locale anyway
    }
    s = {
      word: new Intl.Segmenter(locale, { granularity: 'word' }),
      grapheme: new Intl.Segmenter(locale, { granularity: 'grapheme' }),
    };
    segmenters.set(lang, s);
  }
  return s;
}

/** Every allowed break position in (0, text.length], ascending. The end of the text is always included. */
export function lineBreaks(text: string, lang: string): BreakOpportunity[] {
  if (text.length === 0) return [];
  const seg = segmentersFor(lang);

  // UAX #14's opinion per position: 0 = no break, 1 = break allowed, 2 = break required.
  const uax14 = new Uint8Array(text.length + 1);
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) uax14[b.position] = b.required ? 2 : 1;

  // Random access to grapheme boundaries: only candidate positions are asked (4× faster than listing them all).
  const graphemes = seg.grapheme.segment(text);
  const isGraphemeStart = (p: number): boolean => graphemes.containing(p)!.index === p;

  // Dictionary-script stretches: replace UAX #14's opinion there by word boundaries.
  let dictionary = (_i: number): boolean => false;
  let wordStart: Uint8Array | undefined;
  if (DICTIONARY_SCRIPT_CHAR.test(text)) {
    const scripts = resolveScripts(text, textLanguage(lang).script);
    // Only between letters and marks: at punctuation and spaces UAX #14 keeps the say (no break before ။).
    dictionary = (i) => i >= 0 && i < text.length && usesDictionaryBreaks(scripts[i]!) && LETTER_OR_MARK.test(text[i]!);
    wordStart = new Uint8Array(text.length + 1);
    for (const w of seg.word.segment(text)) wordStart[w.index] = 1;
  }

  const inNumber = new Uint8Array(text.length + 1);
  for (const u of ltrUnits(text)) {
    const end = u.start + keepTogether(text, u);
    for (let i = u.start + 1; i < end; i++) inNumber[i] = 1;
  }

  // Only UAX #14 breaks and dictionary word starts can become opportunities, so only they are visited (every other
  // position is "no break" by both, and the end of the text is always one).
  const out: BreakOpportunity[] = [];
  for (let p = 1; p <= text.length; p++) {
    if (uax14[p] === 0 && (wordStart === undefined || wordStart[p] === 0) && p !== text.length) continue;
    const required = uax14[p] === 2;
    if (required || p === text.length) {
      out.push({ position: p, required: true });
      continue;
    }
    let allowed = uax14[p] !== 0;
    if (wordStart && dictionary(p - 1) && dictionary(p)) allowed = wordStart[p] === 1;
    if (!allowed) continue;
    if (inNumber[p] || !canStartLine(text, p) || !isGraphemeStart(p)) continue;
    out.push({ position: p, required: false });
  }
  return out;
}

/**
 * True unless a line starting at `p` would begin with a combining mark or CJK closing punctuation, or split a
 * no-break space from its neighbour. Also applied to last-resort breaks inside over-long words.
 */
export function canStartLine(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const next = String.fromCodePoint(text.codePointAt(p)!);
  if (COMBINING.test(next) || NO_LINE_START.has(next)) return false;
  return !NO_BREAK_AROUND.has(next) && !NO_BREAK_AROUND.has(text[p - 1]!);
}

/** True for punctuation that may hang past the measure rather than start a line (see NO_LINE_START). */
export function mayHang(ch: string): boolean {
  return NO_LINE_START.has(ch);
}

/** Grapheme cluster boundaries in (0, text.length]: the last-resort break positions for an over-long word. */
export function graphemeBoundaries(text: string, lang: string): number[] {
  const out: number[] = [];
  for (const g of segmentersFor(lang).grapheme.segment(text)) if (g.index > 0) out.push(g.index);
  out.push(text.length);
  return out;
}
