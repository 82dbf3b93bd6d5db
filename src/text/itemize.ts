import bidiFactory from 'bidi-js';
import type { Bidi } from 'bidi-js';
import { textLanguage } from './language.ts';
import { ltrUnits } from './ltr-units.ts';
import { COMMON, INHERITED, isNeutralScript, scriptOf } from './scripts.ts';
import type { Direction, Item, Paragraph, StyledSpan, Weight } from './types.ts';

/**
 * Itemize: split a paragraph into maximal stretches of one bidi level, one script, one language and one weight.
 * Items come out in logical order and cover the text except forced breaks (`\n`), which are not drawn.
 */

// bidi-js's default export is its factory (CommonJS module.exports under Node, the ES default in a bundle).
const bidi = (bidiFactory as unknown as () => Bidi)();

/** U+2066 LEFT-TO-RIGHT ISOLATE, U+2067 RIGHT-TO-LEFT ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, only ever inserted into the bidi input. */
const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, NKo, … and their presentation forms). */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDD00-\uDD5F]/u;

/**
 * Every UTF-16 code unit whose bidi class can give a character of a left-to-right paragraph a level above 0:
 * R, AL, AN and the explicit embedding, override and isolate controls (LRE RLE LRO RLO PDF LRI RLI FSI PDI).
 * Without any of them UAX #9 resolves every level to 0 (EN after L or sos is L by W7; neutrals between L and
 * sos/eos are L), so bidiLevels skips the algorithm. bidi-js classifies code units, so surrogates never count.
 * tests/unit/text/itemize.test.ts checks this covers every BMP code unit bidi-js puts in one of those classes.
 */
export const LEVEL_RAISING = /[\u0590-\u08FF\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Text made only of UTF-16 code units whose bidi class is R, AL, NSM, BN, B, S, WS, ON, CS, ES or ET: Hebrew and
 * Arabic letters and marks, ASCII and general punctuation, spaces, ZWSP/ZWNJ/ZWJ, RLM, no-break spaces, `\n`.
 * In a right-to-left paragraph with no isolates, UAX #9 resolves every such character to level 1: AL becomes R
 * (W3); without EN or AN, ES/ET/CS become ON (W4–W6); every neutral then lies between R, sos and eos, which are R
 * at an odd paragraph level (N1); NSM takes its neighbour's R (W1); and R stays at level 1 (I2). Most Arabic and
 * Persian paragraphs without digits or Latin words are such text, and bidiLevels skips the algorithm for them.
 * No L, EN, AN or explicit embedding, override or isolate control is in the set; tests/unit/text/itemize.test.ts
 * checks every BMP code unit it matches against bidi-js's classes.
 */
export const ALL_LEVEL_ONE_IN_RTL =
  /^[\t\n -/:-@[-`{-~\u00A0\u00AB\u00BB\u0590-\u05FF\u0606-\u065F\u066A\u066D-\u06DC\u06DE-\u06EF\u06FA-\u06FF\u0750-\u077F\u200B-\u200D\u200F\u2010-\u2027\u202F\uFB1D-\uFDCF\uFDF0-\uFDFF\uFE70-\uFEFC]*$/;

/** A stretch of the paragraph that the bidi algorithm sees as one isolate (UTF-16 offsets, end exclusive). */
export interface IsolateRange {
  readonly start: number;
  readonly end: number;
  /** LTR → LRI…PDI, RTL → RLI…PDI. */
  readonly direction: Direction;
  /**
   * Every character inside takes the isolate's own level, as if an LRO…PDF override sat inside the LRI…PDI: set
   * on phone numbers and addresses (ltr-units.ts), which are left to right as a whole whatever their characters'
   * bidi classes. It matters for Arabic-Indic digits (`٠٢٠ ٧١٢٣`, class AN): inside a mere LTR isolate UAX #9
   * still treats them like R, so the spaces and brackets between their groups resolve right to left and the
   * groups come out in reverse order.
   */
  readonly override?: true;
}

/**
 * What `bidiLevels` wraps in isolates (UAX #9 X5a–X5c, what a browser does for `<bdi>`), so each is laid out as
 * one unit in its own direction and its neutrals (spaces, brackets, dashes) resolve inside it:
 *
 * - styled spans whose language (locales/languages.json `dir`) runs the other way from the paragraph: the English
 *   `[PLACEHOLDER: … (… ss.159–160)]` marker or an interpolated name inside Arabic gets LRI…PDI, so its brackets
 *   stay LTR with its letters on every line (plain UAX #9 resolves them to the RTL embedding direction and a
 *   wrapped `]` shows mirrored as `[` at the left of the next line); Arabic inside an English paragraph gets
 *   RLI…PDI. Touching spans of the same direction are one isolate (a marker with a bold word inside stays one
 *   unit), and an isolate stops at a forced break (`\n` is a UAX #9 paragraph separator);
 * - phone numbers (and other grouped numbers), web and e-mail addresses (ltr-units.ts) get LRI…PDI whenever the
 *   paragraph is RTL or contains RTL characters, so their groups, brackets, `+`, `/` and `.` stay in reading order
 *   (`(020) 7123 4567`, not `7123 4567 (020)`). A unit inside an RTL span isolate nests in it; one inside an LTR
 *   span isolate (already LTR there: an interpolated URL marked English) or crossing a span isolate's edge gets
 *   none of its own.
 *
 * Sorted by start, outer before inner; ranges nest properly.
 */
export function isolateRanges(text: string, base: Direction, spans: readonly StyledSpan[] = []): IsolateRange[] {
  const pieces: IsolateRange[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.lang === undefined) continue;
    const direction = textLanguage(s.lang).direction;
    if (direction === base) continue;
    // Split at forced breaks, leaving the `\n` itself outside.
    let from = Math.max(0, s.start);
    const end = Math.min(text.length, s.end);
    for (let i = from; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === 0x0a) {
        if (i > from) {
          const last = pieces[pieces.length - 1];
          if (last && last.end === from && last.direction === direction) pieces[pieces.length - 1] = { ...last, end: i };
          else pieces.push({ start: from, end: i, direction });
        }
        from = i + 1;
      }
    }
  }
  const units = base === 'rtl' || RTL_CHAR.test(text) ? ltrUnits(text) : [];
  // A unit needs its own isolate only inside RTL text: inside an RTL span isolate it nests, inside an LTR one it
  // is already LTR (nesting would only raise its level to 4 and split items); across a span's edge the span decides.
  const needed = (g: { start: number; end: number }): boolean =>
    pieces.every((r) => g.end <= r.start || g.start >= r.end || (r.start <= g.start && g.end <= r.end && r.direction === 'rtl'));
  const numbers = units.filter(needed).map((g): IsolateRange => ({ start: g.start, end: g.end, direction: 'ltr', override: true }));
  return [...pieces, ...numbers].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * UAX #9 embedding levels per UTF-16 code unit, with `base` as the paragraph direction and `isolateRanges` (other-
 * direction spans, phone numbers and addresses) wrapped in isolates in the bidi input; the inserted controls are
 * dropped again from the returned levels, which index the original text.
 */
export function bidiLevels(text: string, base: Direction, spans: readonly StyledSpan[] = []): Uint8Array {
  const isolates = isolateRanges(text, base, spans);
  // Most paragraphs (and every one in a left-to-right language without quoted RTL) are all level 0.
  if (base === 'ltr' && isolates.length === 0 && !LEVEL_RAISING.test(text)) return new Uint8Array(text.length);
  if (base === 'rtl' && isolates.length === 0 && ALL_LEVEL_ONE_IN_RTL.test(text)) return new Uint8Array(text.length).fill(1);
  let input = text;
  let map: Int32Array | undefined; // original offset -> offset in `input`
  if (isolates.length > 0) {
    map = new Int32Array(text.length);
    const opensAt = new Map<number, IsolateRange[]>();
    const closesAt = new Uint16Array(text.length + 1);
    for (const r of isolates) {
      opensAt.set(r.start, [...(opensAt.get(r.start) ?? []), r]); // already outer-first
      closesAt[r.end]! += 1;
    }
    const parts: string[] = [];
    let length = 0;
    let from = 0; // start of the plain text not yet copied
    const copyTo = (to: number): void => {
      for (let i = from; i < to; i++) map![i] = length + (i - from);
      parts.push(text.slice(from, to));
      length += to - from;
      from = to;
    };
    const boundaries = [...new Set(isolates.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
    for (const at of boundaries) {
      copyTo(at);
      // Close the isolates ending here before opening the ones starting here.
      for (let k = 0; k < closesAt[at]!; k++) parts.push(PDI);
      for (const r of opensAt.get(at) ?? []) parts.push(r.direction === 'ltr' ? LRI : RLI);
      length += closesAt[at]! + (opensAt.get(at)?.length ?? 0);
    }
    copyTo(text.length);
    input = parts.join('');
  }
  const resolved = bidi.getEmbeddingLevels(input, base).levels;
  const levels = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) levels[i] = resolved[map ? map[i]! : i]!;
  overrideLevels(levels, isolates, base);
  // bidi-js classifies UTF-16 code units; a low surrogate takes the level of its high surrogate.
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) levels[i] = levels[i - 1]!;
    }
  }
  return levels;
}

/**
 * Gives every character of an `override` isolate the isolate's embedding level (UAX #9 X5a–X5b: the least level
 * above the enclosing one with the isolate's parity), which an LRO…PDF inside it would give: strong L, no neutral
 * resolution, no I1/I2 raise. `isolates` are sorted outer before inner and nest properly.
 */
function overrideLevels(levels: Uint8Array, isolates: readonly IsolateRange[], base: Direction): void {
  const open: { end: number; level: number }[] = [];
  for (const r of isolates) {
    while (open.length > 0 && open[open.length - 1]!.end <= r.start) open.pop();
    const outer = open[open.length - 1]?.level ?? (base === 'rtl' ? 1 : 0);
    const parity = r.direction === 'rtl' ? 1 : 0;
    const level = outer + 1 + ((outer + 1) % 2 === parity ? 0 : 1);
    open.push({ end: r.end, level });
    if (r.override) levels.fill(level, r.start, r.end);
  }
}

/**
 * Whether `value` (no right-to-left letters), printed between words of a `base`-direction paragraph as a setting
 * is, is displayed with its characters in typing order from left to right, as one unit: true for phone numbers and
 * addresses (isolated above) and for plain Latin names; false for a value the bidi algorithm splits, such as
 * `0800 RIGHTS`, `020/7123 4567` or two numbers joined by ` / ` (UAX #9 L2 reorders its parts).
 */
export function displaysInOrder(value: string, base: Direction): boolean {
  // A strong character of the paragraph's direction on both sides, as the words of the sentence around it.
  const strong = base === 'rtl' ? '\u05D0' : 'a';
  const text = `${strong} ${value} ${strong}`;
  const levels = bidiLevels(text, base);
  // UAX #9 L1–L2 (bidi-js): the visual order of the code units under the engine's levels.
  const paragraph = { start: 0, end: text.length - 1, level: base === 'rtl' ? 1 : 0 };
  const order = bidi.getReorderedIndices(text, { levels, paragraphs: [paragraph] }, 0, text.length - 1);
  const shown = order.filter((i) => i >= 2 && i < 2 + value.length);
  return shown.every((o, k) => k === 0 || o > shown[k - 1]!);
}

/** Paired brackets for script resolution (UAX #24 §5.1: a closing bracket takes its opening bracket's script). */
const BRACKETS: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '«': '»',
  '‹': '›',
  '“': '”',
  '‘': '’',
  '（': '）',
  '［': '］',
  '｛': '｝',
  '「': '」',
  '『': '』',
  '【': '】',
  '〔': '〕',
  '〈': '〉',
  '《': '》',
  '〖': '〗',
  '⁅': '⁆',
};
const CLOSERS = new Set(Object.values(BRACKETS));
/** Placeholder while resolving: a neutral whose script is decided by the text after it. */
const PENDING = '?';

/**
 * Script per UTF-16 code unit with Common and Inherited characters resolved (UAX #24 §5.2): a combining mark or a
 * Common character takes the script of the preceding character; a closing bracket takes the script of its
 * opening bracket; leading Common characters take the first following script; text with no script at all takes
 * `fallbackScript` (the language's script).
 */
export function resolveScripts(text: string, fallbackScript: string, levels?: Uint8Array): string[] {
  const out: string[] = new Array<string>(text.length);
  const open: { closer: string; script: string; at: number }[] = [];
  // Bracket pairs whose opening bracket started a new bidi run: the closer copies the opener once it is resolved.
  const pairs: [number, number][] = [];
  let current = '';
  let firstReal = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let sc = scriptOf(cp);
    if (isNeutralScript(sc)) {
      // Only neutrals are looked up as brackets: no string per character otherwise.
      const ch = text.slice(i, i + width);
      if (sc === COMMON && BRACKETS[ch] !== undefined) {
        // An opening bracket that starts a new bidi run (the `[` of an isolated English `[PLACEHOLDER: …]` inside
        // Arabic) belongs with the text it opens, like any neutral there: resolved below.
        sc = levels && i > 0 && levels[i] !== levels[i - 1] ? PENDING : current || COMMON;
        open.push({ closer: BRACKETS[ch]!, script: sc, at: i });
      } else if (sc === COMMON && CLOSERS.has(ch)) {
        let at = open.length - 1;
        while (at >= 0 && open[at]!.closer !== ch) at--;
        if (at >= 0) {
          sc = open[at]!.script;
          if (sc === PENDING) pairs.push([open[at]!.at, i]);
          open.length = at; // pop it and any unclosed brackets inside it
          if (sc !== COMMON && sc !== PENDING) current = sc; // what follows `(Home Office)` continues the text around the brackets
        } else sc = current || COMMON;
      } else if (levels && i > 0 && levels[i] !== levels[i - 1]) {
        // A neutral that starts a new bidi run (the space in `Home Office کے`) belongs with what follows it on
        // its level, not with the other-direction text before it: resolved below.
        sc = PENDING;
      } else sc = current || sc;
    } else {
      current = sc;
      if (firstReal < 0) firstReal = i;
    }
    for (let k = 0; k < width; k++) out[i + k] = sc;
    i += width;
  }
  // Pending neutrals take the script of the next character on the same level; failing that (the `.` ending an
  // Arabic sentence after `Home Office`), of the nearest earlier character on the same level; else the previous one.
  for (let i = text.length - 1; i >= 0; i--) {
    if (out[i] !== PENDING) continue;
    const next = i + 1 < text.length && levels![i + 1] === levels![i] ? out[i + 1] : undefined;
    let earlier: string | undefined;
    for (let k = i - 1; k >= 0 && earlier === undefined; k--) {
      if (levels![k] === levels![i] && out[k] !== PENDING) earlier = out[k];
    }
    out[i] = next && next !== PENDING ? next : (earlier ?? (i > 0 && out[i - 1] !== PENDING ? out[i - 1]! : COMMON));
  }
  for (const [opener, closer] of pairs) out[closer] = out[opener]!;
  // Leading neutrals (and brackets opened before any real script) take the first real script.
  const lead = firstReal >= 0 ? out[firstReal]! : fallbackScript;
  for (let i = 0; i < text.length; i++) {
    if (out[i] === COMMON || out[i] === INHERITED) out[i] = lead;
  }
  return out;
}

/** Weight and language per code unit from the spans (spans may be empty: whole paragraph regular). */
function styleAt(spans: readonly StyledSpan[], length: number): { weight: Uint16Array; lang: (string | undefined)[] } {
  const weight = new Uint16Array(length).fill(400);
  const lang = new Array<string | undefined>(length).fill(undefined);
  for (const s of spans) {
    for (let i = Math.max(0, s.start); i < Math.min(length, s.end); i++) {
      weight[i] = s.weight;
      lang[i] = s.lang;
    }
  }
  return { weight, lang };
}

/**
 * Items of `p` in logical order. `direction` defaults to the paragraph language's direction from
 * locales/languages.json — never guessed from the text.
 */
export function itemize(p: Paragraph, direction: Direction = textLanguage(p.lang).direction): Item[] {
  const { text } = p;
  const levels = bidiLevels(text, direction, p.spans);
  const scripts = resolveScripts(text, textLanguage(p.lang).script, levels);
  const style = styleAt(p.spans, text.length);
  const items: Item[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start >= 0 && end > start) {
      items.push({
        start,
        end,
        level: levels[start]!,
        script: scripts[start]!,
        lang: style.lang[start] ?? p.lang,
        weight: style.weight[start] as Weight,
      });
    }
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      close(i);
      continue;
    }
    if (
      start >= 0 &&
      (levels[i] !== levels[start] || scripts[i] !== scripts[start] || style.weight[i] !== style.weight[start] || style.lang[i] !== style.lang[start])
    ) {
      close(i);
    }
    if (start < 0) start = i;
  }
  close(text.length);
  return items;
}
