import type { Paragraph } from './types.ts';

/**
 * A short memo key for everything a paragraph's layout depends on besides the options: text, language, source
 * language and spans. The layout memos (remembered-layout.ts, layoutParagraph's prepared paragraphs) look a
 * key up for every paragraph a material sets, thousands of times a build; serialising the whole text into each
 * key (JSON) and hashing it again was a visible part of a build. The text is numbered instead: a number is
 * given to a text once and never to another (ids only grow, also after the table is emptied), so equal keys
 * still mean equal paragraphs.
 */

/** Texts remembered before the table starts afresh (a build sets a few hundred distinct ones). */
const MAX_TEXTS = 8000;
const textIds = new Map<string, number>();
let nextId = 0;

/** Key of `p` (text by number, then language, source language and spans as JSON). */
export function paragraphKey(p: Paragraph): string {
  let id = textIds.get(p.text);
  if (id === undefined) {
    if (textIds.size >= MAX_TEXTS) textIds.clear();
    id = nextId++;
    textIds.set(p.text, id);
  }
  return `${id}\u0000${p.lang}\u0000${p.sourceLang ?? ''}\u0000${p.spans.length === 0 ? '' : JSON.stringify(p.spans)}`;
}
