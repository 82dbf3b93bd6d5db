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

/**
 * Keys already made, per paragraph object: a material makes its paragraphs once and sets each at every size it
 * tries (a card side at up to 11, a poster at up to 27), so the same object is asked for its key over and over.
 * Paragraphs are read-only plain data, so an object's key never changes; a WeakMap lets them go with the build.
 */
const keyOf = new WeakMap<Paragraph, string>();

/** Key of `p` (text by number, then language, source language and spans as JSON). */
export function paragraphKey(p: Paragraph): string {
  let key = keyOf.get(p);
  if (key === undefined) {
    let id = textIds.get(p.text);
    if (id === undefined) {
      if (textIds.size >= MAX_TEXTS) textIds.clear();
      id = nextId++;
      textIds.set(p.text, id);
    }
    key = `${id}\u0000${p.lang}\u0000${p.sourceLang ?? ''}\u0000${p.spans.length === 0 ? '' : JSON.stringify(p.spans)}`;
    keyOf.set(p, key);
  }
  return key;
}
