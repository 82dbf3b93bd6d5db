import type { Block, Inline } from './markup-types.ts';

/** A list line: `- ` at the start (after optional indentation). */
const LIST_LINE = /^[ \t]*- /u;
/** A blank line (only spaces or tabs) separates blocks. */
const BLOCK_SEPARATOR = /\n[ \t]*\n/u;
/** `{{name}}` interpolation, with optional spaces inside the braces as i18next allows. */
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/gu;

/**
 * Parses a guidance string (already interpolated) into blocks: blank line = new block, a run of `- ` lines =
 * one list, other lines = one paragraph whose single newlines stay as forced breaks. `**` toggles bold; an
 * unmatched trailing `**` is kept as literal text (validation reports it, RP2009). Pure; expects NFC text.
 */
export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/gu, '\n').trim().split(BLOCK_SEPARATOR)) {
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length > 0) blocks.push({ kind: 'para', inlines: parseInlines(para.join('\n')) });
      para = [];
    };
    const flushList = () => {
      if (items.length > 0) blocks.push({ kind: 'list', items: items.map(parseInlines) });
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

/** Splits text at `**` markers into bold and regular runs; empty runs are dropped. */
export function parseInlines(text: string): Inline[] {
  const parts = text.split('**');
  // An odd number of markers leaves the last one unmatched: glue it back as literal text.
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? '';
    parts[parts.length - 1] += `**${last}`;
  }
  const inlines: Inline[] = [];
  parts.forEach((part, i) => {
    if (part.length === 0) return;
    const bold = i % 2 === 1;
    const prev = inlines[inlines.length - 1];
    if (prev && prev.bold === bold) inlines[inlines.length - 1] = { text: prev.text + part, bold };
    else inlines.push({ text: part, bold });
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

/** The structure a translation must keep from its source: bold spans, list items, paragraphs. */
export interface MarkupShape {
  readonly boldSpans: number;
  readonly listItems: number;
  readonly paragraphs: number;
  /** Whether every `**` has a partner. */
  readonly balanced: boolean;
}

export function markupShape(text: string): MarkupShape {
  const markers = (text.match(/\*\*/gu) ?? []).length;
  const blocks = parseMarkup(text);
  return {
    boldSpans: Math.floor(markers / 2),
    listItems: blocks.reduce((n, b) => n + (b.kind === 'list' ? b.items.length : 0), 0),
    paragraphs: blocks.filter((b) => b.kind === 'para').length,
    balanced: markers % 2 === 0,
  };
}
