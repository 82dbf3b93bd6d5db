import { Document, isMap, isScalar, Pair, parseDocument, Scalar, YAMLMap, type Node } from 'yaml';
import type { ReviewStatus } from './types.ts';

/** One string to set in a translation file. */
export interface TranslationChange {
  readonly key: string;
  readonly text: string;
  /** 8-hex source hash to stamp. */
  readonly source: string;
  /** Per-string review: a value sets it, `null` removes the field, absent leaves it as it is. */
  readonly review?: ReviewStatus | null;
  /** Who reviewed the string (`accept --by`); same rule: a value sets it, `null` removes it, absent leaves it. */
  readonly reviewedBy?: string | null;
  /** When it was reviewed, `YYYY-MM-DD`; same rule as `reviewedBy`. */
  readonly reviewedOn?: string | null;
}

/** The schema comment every translation file starts with, so editors validate and autocomplete it. */
const SCHEMA_COMMENT = '# yaml-language-server: $schema=../../schema/translation.schema.json';
/** Never fold long lines: a re-wrapped translation would show as changed in review. */
const STRINGIFY = { lineWidth: 0, minContentWidth: 0 } as const;

/**
 * Applies `changes` to the text of `translations/<lang>.yaml` and returns the new text. Pure.
 * Only the entries that change are rewritten, in place (their key, position, comments around them and every
 * other line stay byte-identical); new keys are inserted after the nearest preceding key of `keyOrder`
 * (the source order). With no effective change the input is returned unchanged. `existing` undefined → a new file.
 */
export function writeTranslation(existing: string | undefined, lang: string, changes: readonly TranslationChange[], keyOrder: readonly string[]): string {
  if (existing === undefined || existing.trim() === '') return newFile(lang, changes, keyOrder);
  const doc = parseDocument(existing, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new Error(`cannot rewrite a translation file with YAML errors: ${doc.errors[0]?.message}`);
  const strings = doc.get('strings', true);
  if (!isMap(strings) || strings.flow || !strings.range) return wholeDocument(doc, changes, keyOrder);

  const pairs = new Map<string, Pair<Node, Node>>();
  for (const pair of strings.items as Pair<Node, Node>[]) if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
  const indentUnit = detectIndent(existing, strings.items as Pair<Node, Node>[]);
  const splices: { start: number; end: number; text: string }[] = [];

  for (const change of changes) {
    const pair = pairs.get(change.key);
    if (!pair?.key.range || !pair.value?.range) continue;
    const updated = applyChange(pair.clone() as Pair<Node, Node>, change);
    if (!updated) continue;
    const start = pair.key.range[0];
    const end = pair.value.range[1];
    const col = start - lineStart(existing, start);
    let text = indentAfterFirst(stringifyPair(updated, indentUnit), col);
    if (!existing.slice(start, end).endsWith('\n')) text = text.replace(/\n$/u, '');
    splices.push({ start, end, text });
  }

  const added = changes.filter((c) => !pairs.has(c.key));
  if (added.length > 0) {
    const first = strings.items[0] as Pair<Node, Node> | undefined;
    const col = first?.key.range ? first.key.range[0] - lineStart(existing, first.key.range[0]) : 2;
    const byAnchor = new Map<number, string[]>();
    const order = [...keyOrder, ...added.map((c) => c.key).filter((k) => !keyOrder.includes(k))];
    for (const change of [...added].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))) {
      const anchor = anchorOffset(existing, change.key, order, pairs, first);
      const neighbour = neighbourFlow(change.key, order, pairs);
      const pair = applyChange(new Pair(new Scalar(change.key)) as Pair<Node, Node>, change, neighbour);
      if (!pair) continue;
      const text = ' '.repeat(col) + indentAfterFirst(stringifyPair(pair, indentUnit), col);
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), text.endsWith('\n') ? text : `${text}\n`]);
    }
    for (const [at, texts] of byAnchor) splices.push({ start: at, end: at, text: texts.join('') });
  }

  if (splices.length === 0) return existing;
  let out = existing;
  for (const s of splices.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/**
 * Sets text/source/review on a `key: {…}` pair. Returns undefined when nothing would change.
 * `flow` chooses `{ text: …, source: … }` for a new single-line entry whose neighbour is written that way.
 */
function applyChange(pair: Pair<Node, Node>, change: TranslationChange, flow = false): Pair<Node, Node> | undefined {
  let map = pair.value;
  let changed = false;
  if (!isMap(map)) {
    map = new YAMLMap();
    (map as YAMLMap).flow = flow && !change.text.includes('\n');
    pair.value = map;
    changed = true;
  }
  const m = map as YAMLMap<Scalar, Node>;
  const textNode: unknown = m.get('text', true);
  if (!isScalar(textNode) || textNode.value !== change.text) {
    const scalar: Scalar = isScalar(textNode) ? textNode : new Scalar(change.text);
    scalar.value = change.text;
    // Multi-line text reads best as a literal block; flow maps cannot hold one, so it is double-quoted there.
    if (change.text.includes('\n')) scalar.type = m.flow ? 'QUOTE_DOUBLE' : 'BLOCK_LITERAL';
    else if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') delete scalar.type;
    m.set(new Scalar('text'), scalar);
    changed = true;
  }
  const sourceNode = m.get('source', true);
  const storedSource = isScalar(sourceNode) ? (sourceNode.source ?? String(sourceNode.value)) : undefined;
  if (storedSource !== change.source) {
    // A fresh scalar: the library quotes it when plain text would read back as a number (e.g. 00012345, 1e234567).
    const fresh = new Scalar(change.source);
    if (isScalar(sourceNode) && sourceNode.comment) fresh.comment = sourceNode.comment;
    m.set(new Scalar('source'), fresh);
    changed = true;
  }
  for (const field of REVIEW_FIELDS) {
    const value = change[field];
    if (value === null && m.has(field)) {
      m.delete(field);
      changed = true;
    } else if (value && scalarValue(m, field) !== value) {
      // A fresh scalar, quoted by the library where plain text would not read back as this string.
      m.set(new Scalar(field), new Scalar(value));
      changed = true;
    }
  }
  return changed ? pair : undefined;
}

/** Optional per-string fields a change can set or remove, in the order they are written after text and source. */
const REVIEW_FIELDS = ['review', 'reviewedBy', 'reviewedOn'] as const;

function scalarValue(map: YAMLMap<Scalar, Node>, field: string): unknown {
  const node = map.get(field, true);
  return isScalar(node) ? node.value : undefined;
}

/** `key: value` as YAML at column 0, without the comment lines above the key (they stay in the file). */
function stringifyPair(pair: Pair<Node, Node>, indent: number): string {
  const key = pair.key as Node & { commentBefore?: string | null; spaceBefore?: boolean };
  key.commentBefore = null;
  key.spaceBefore = false;
  if (isMap(pair.value) && pair.value.flow) (pair.value as YAMLMap).comment = null;
  const doc = new Document(new YAMLMap());
  (doc.contents as YAMLMap).items.push(pair);
  return doc.toString({ ...STRINGIFY, indent });
}

function indentAfterFirst(text: string, col: number): string {
  const pad = ' '.repeat(col);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where a new key goes: after the nearest preceding existing key in source order, else before the first key. */
function anchorOffset(
  text: string,
  key: string,
  order: readonly string[],
  pairs: ReadonlyMap<string, Pair<Node, Node>>,
  first: Pair<Node, Node> | undefined,
): number {
  for (let i = order.indexOf(key) - 1; i >= 0; i--) {
    const range = pairs.get(order[i] ?? '')?.value?.range;
    if (range) {
      const end = range[1];
      if (text[end - 1] === '\n') return end;
      const nl = text.indexOf('\n', end);
      return nl < 0 ? text.length : nl + 1;
    }
  }
  return first?.key.range ? lineStart(text, first.key.range[0]) : text.length;
}

function neighbourFlow(key: string, order: readonly string[], pairs: ReadonlyMap<string, Pair<Node, Node>>): boolean {
  for (let i = order.indexOf(key) - 1; i >= 0; i--) {
    const value = pairs.get(order[i] ?? '')?.value;
    if (value) return isMap(value) && !!value.flow;
  }
  const firstValue = [...pairs.values()][0]?.value;
  return isMap(firstValue) && !!firstValue.flow;
}

/** Indentation step used inside block-map entries of `strings` (2 when none is found). */
function detectIndent(text: string, items: readonly Pair<Node, Node>[]): number {
  for (const pair of items) {
    const value = pair.value;
    if (isMap(value) && !value.flow && pair.key.range) {
      const inner = (value.items[0] as Pair<Node, Node> | undefined)?.key.range?.[0];
      if (inner !== undefined) {
        const step = inner - lineStart(text, inner) - (pair.key.range[0] - lineStart(text, pair.key.range[0]));
        if (step > 0) return step;
      }
    }
  }
  return 2;
}

/** Fallback for unusual files (flow-style `strings`): edit through the Document API and re-print it. */
function wholeDocument(doc: Document, changes: readonly TranslationChange[], keyOrder: readonly string[]): string {
  let strings = doc.get('strings', true);
  if (!isMap(strings)) {
    strings = new YAMLMap();
    doc.set('strings', strings);
  }
  const map = strings as YAMLMap<Scalar, Node>;
  for (const change of [...changes].sort((a, b) => keyOrder.indexOf(a.key) - keyOrder.indexOf(b.key))) {
    const existing = map.items.find((p) => isScalar(p.key) && String(p.key.value) === change.key) as Pair<Node, Node> | undefined;
    const pair = existing ?? (new Pair(new Scalar(change.key)) as Pair<Node, Node>);
    if (applyChange(pair, change, !!map.flow) && !existing) map.items.push(pair as Pair<Scalar, Node>);
  }
  return doc.toString(STRINGIFY);
}

function newFile(lang: string, changes: readonly TranslationChange[], keyOrder: readonly string[]): string {
  const sorted = [...changes].sort((a, b) => keyOrder.indexOf(a.key) - keyOrder.indexOf(b.key));
  const doc = new Document({ language: lang, strings: {} });
  doc.commentBefore = SCHEMA_COMMENT.slice(1);
  const map = doc.get('strings', true) as YAMLMap<Scalar, Node>;
  for (const change of sorted) {
    const pair = applyChange(new Pair(new Scalar(change.key)) as Pair<Node, Node>, change);
    if (pair) map.items.push(pair as Pair<Scalar, Node>);
  }
  return doc.toString(STRINGIFY);
}
