import type { Block, Inline } from './markup-types.ts';

/** A list line: `- ` at the start (after optional indentation). */
const LIST_LINE = /^[ \t]*- /u;
/** A blank line (only spaces or tabs) separates blocks. */
const BLOCK_SEPARATOR = /\n[ \t]*\n/u;
/** `{{name}}` interpolation, with optional spaces inside the braces as i18next allows. */
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/gu;

/**
 * Brackets around an interpolated value between `interpolateMarked` and `parseMarkup`: U+FDD0 and U+FDD1 are
 * Unicode noncharacters, set aside by the standard for a program's internal use — never assigned, left alone by
 * NFC, not whitespace and not markup, so blocks, lists and bold are parsed exactly as without them.
 */
const VALUE_OPEN = '\uFDD0';
const VALUE_CLOSE = '\uFDD1';
const VALUE_MARK = /([\uFDD0\uFDD1])/u;
/** A value (line) with a letter in any script is text in a language; digits, spaces and punctuation are not. */
const HAS_LETTER = /\p{L}/u;

/**
 * Parses a guidance string (already interpolated) into blocks: blank line = new block, a run of `- ` lines =
 * one list, other lines = one paragraph whose single newlines stay as forced breaks. `**` toggles bold; an
 * unmatched trailing `**` is kept as literal text (validation reports it, RP2009). Pure; expects NFC text.
 * Values bracketed by `interpolateMarked` (and markers bracketed by `markBracketed`) become inlines of their own
 * with `lang: valueLang` (the brackets are removed; without `valueLang` they are just removed).
 */
export function parseMarkup(text: string, valueLang?: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/gu, '\n').trim().split(BLOCK_SEPARATOR)) {
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length > 0) blocks.push({ kind: 'para', inlines: parseInlines(para.join('\n'), valueLang) });
      para = [];
    };
    const flushList = () => {
      if (items.length > 0) blocks.push({ kind: 'list', items: items.map((item) => parseInlines(item, valueLang)) });
      items = [];
    };
    for (const line of chunk.split('\n')) {
      if (LIST_LINE.test(line)) {
        flushPara();
        items.push(line.replace(LIST_LINE, '').trim());
      } else if (items.length > 0 && /^[ \t]+\S/u.test(line)) {
        // An indented line right after a list item continues that item.
        items[items.length - 1] += ` ${line.trim()}`;
      } else if (line.trim() !== '') {
        flushList();
        para.push(line.trim());
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/**
 * Splits text at `**` markers into bold and regular runs; empty runs are dropped. Stretches bracketed by
 * `interpolateMarked` get `lang: valueLang` (a bracket pair may straddle a `**`); neighbours with the same
 * weight and language merge.
 */
export function parseInlines(text: string, valueLang?: string): Inline[] {
  const parts = text.split('**');
  // An odd number of markers leaves the last one unmatched: glue it back as literal text.
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? '';
    parts[parts.length - 1] += `**${last}`;
  }
  const inlines: Inline[] = [];
  const push = (part: string, bold: boolean, lang: string | undefined): void => {
    if (part.length === 0) return;
    const prev = inlines[inlines.length - 1];
    const inline: Inline = lang === undefined ? { text: part, bold } : { text: part, bold, lang };
    if (prev && prev.bold === bold && prev.lang === lang) inlines[inlines.length - 1] = { ...inline, text: prev.text + part };
    else inlines.push(inline);
  };
  // Bracket pairs nest (a value interpolated inside a `[PLACEHOLDER …]` marker): count depth, never below zero.
  let depth = 0;
  parts.forEach((part, i) => {
    const bold = i % 2 === 1;
    for (const piece of part.split(VALUE_MARK)) {
      if (piece === VALUE_OPEN) depth += 1;
      else if (piece === VALUE_CLOSE) depth = Math.max(0, depth - 1);
      else push(piece, bold, depth > 0 ? valueLang : undefined);
    }
  });
  return inlines;
}

/** Text without markup: paragraphs' runs joined, list items one per line, blocks separated by a blank line. */
export function plainText(blocks: readonly Block[]): string {
  const inline = (runs: readonly Inline[]) => runs.map((r) => r.text).join('');
  return blocks.map((b) => (b.kind === 'para' ? inline(b.inlines) : b.items.map(inline).join('\n'))).join('\n\n');
}

/** The `{{variables}}` a string uses, sorted and unique. */
export function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))].sort();
}

/** Replaces `{{name}}` with `values[name]`; unknown names are left as written (validation reports them). */
export function interpolate(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}

/**
 * `interpolate`, with each value's text bracketed for `parseMarkup(…, valueLang)` so it can be marked as being in
 * the language settings are written in. Per line of the value: only lines with a letter are bracketed (a phone
 * number is not in any language: it gets no /Lang; that it prints left to right as one unit in RTL text, brackets
 * and `+` included, is the text engine's job, text/ltr-units.ts, which finds it in any paragraph — a value marked
 * here or not, or a number typed into a translation), and the brackets go inside the line's leading and trailing
 * whitespace, so trimming sees the same text as with `interpolate`. The one difference: a value that starts with `- ` stays
 * text instead of turning its line into a list item (a setting is a name or a number, never markup).
 */
export function interpolateMarked(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return value.replace(/[^\n]+/gu, (line) => {
      if (!HAS_LETTER.test(line)) return line;
      const core = line.trim();
      const at = line.indexOf(core);
      return `${line.slice(0, at)}${VALUE_OPEN}${core}${VALUE_CLOSE}${line.slice(at + core.length)}`;
    });
  });
}

/**
 * Brackets each `[marker …]` stretch (from `[marker` to the next `]` on the same line, brackets included) for
 * `parseMarkup(…, valueLang)`, exactly as `interpolateMarked` brackets values: text a translator keeps in the source
 * language, like the lawyer-check `[PLACEHOLDER: verify … (Policing and Crime Act 2017 ss.159–160)]` inside an
 * Arabic sentence, becomes an inline in the source language (so the text engine isolates it as one LTR unit and
 * the PDF marks it /Lang en). Call it before `interpolateMarked`; a value inside the marker nests. A marker with no
 * `]` on its line is left unmarked. Without `valueLang` the brackets are simply removed again.
 */
export function markBracketed(text: string, marker: string): string {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return text.replace(new RegExp(`\\[${escaped}[^\\]\\n]*\\]`, 'gu'), (m) => `${VALUE_OPEN}${m}${VALUE_CLOSE}`);
}

/** The structure a translation must keep from its source: bold spans, list items, paragraphs. */
export interface MarkupShape {
  readonly boldSpans: number;
  readonly listItems: number;
  readonly paragraphs: number;
  /** Whether every `**` has a partner. */
  readonly balanced: boolean;
}

/**
 * The shape of a guidance string as parseMarkup reads it, counted without building its blocks and runs: validation
 * asks for the shape of every string of every translation (and of its source, once per translation), and building
 * the runs was most of validating a content folder. It follows parseMarkup line by line (tests/unit/content/markup
 * compares the two on every shipped string and on generated text).
 */
export function markupShape(text: string): MarkupShape {
  let markers = 0;
  for (let at = text.indexOf('**'); at !== -1; at = text.indexOf('**', at + 2)) markers++;
  let listItems = 0;
  let paragraphs = 0;
  for (const chunk of text.replace(/\r\n?/gu, '\n').trim().split(BLOCK_SEPARATOR)) {
    // As parseMarkup's `para` and `items` being non-empty.
    let inPara = false;
    let inList = false;
    for (const line of chunk.split('\n')) {
      if (LIST_LINE.test(line)) {
        if (inPara) paragraphs++;
        inPara = false;
        listItems++;
        inList = true;
      } else if (inList && /^[ \t]+\S/u.test(line)) {
        // Continues the list item.
      } else if (line.trim() !== '') {
        inList = false;
        inPara = true;
      }
    }
    if (inPara) paragraphs++;
  }
  return { boldSpans: Math.floor(markers / 2), listItems, paragraphs, balanced: markers % 2 === 0 };
}
