import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * A direct reader for the shapes hand-written content files have — nested block mappings of simple keys whose
 * values are one-line plain, "double-quoted" or 'single-quoted' text, `|`, `|-`, `>`, `>-` blocks, one-line flow
 * collections (`[a, b]`, `{ code: ar, review: draft }`, nested) and block sequences of such values, with comment
 * lines between entries — that builds the same Document the `yaml` package's parseDocument builds (same values,
 * node types, flow flags and ranges), about ten times faster: the package's generator pipeline took over a second
 * for a 2 MB file of 20 000 keys and half a second for one 2 MB quoted string (issue #11), and ~20 ms of every
 * command's start for project.yaml and the edition files, whose flow collections it used to decline (issue #12).
 * Anything else (multi-line flow collections or scalars, mappings inside sequences, anchors, aliases, tags, kept
 * blocks, tabs, a CR that ends no line, non-text plain values, a doubtful indentation, a comment where the parser
 * would stretch a range over it, any error) returns undefined and the file goes through parseDocument, which
 * reports it as before. The equivalence is tested on all shipped content, on edge cases and on generated
 * documents (tests/unit/content/yaml-fast-path.test.ts).
 */
export function fastParse(text: string): Document.Parsed | undefined {
  if (!text.includes('\r')) return parseLf(text);
  // Windows line ends (Notepad's default): read the text with LF line ends, then move every offset past the CRs
  // before it. A CR anywhere but before a LF goes to the full parser.
  if (/\r(?!\n)/u.test(text)) return undefined;
  const doc = parseLf(text.replaceAll('\r\n', '\n'));
  if (doc) shiftPastCrs(doc, text);
  return doc;
}

/**
 * Moves a Document read from `text` with its CRLFs made LFs back onto `text`: an offset gains one for each CRLF line
 * end before it (a value that ends a line ends before its CR, the next line starts after its LF).
 */
function shiftPastCrs(doc: Document.Parsed, text: string): void {
  /** For each line end, in LF-text offsets: where it is, and how many CRs precede it and it (cumulative). */
  const lfAt: number[] = [];
  const crs: number[] = [];
  let cr = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    if (text.charCodeAt(nl - 1) === 13) cr++;
    lfAt.push(nl - cr);
    crs.push(cr);
  }
  const shift = (o: number): number => {
    // Line ends before `o` in the LF text (binary search), and the CRs that went with them.
    let lo = 0;
    let hi = lfAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lfAt[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return o + (lo === 0 ? 0 : crs[lo - 1]!);
  };
  const move = (node: { range?: [number, number, number] | null | undefined } | null | undefined): void => {
    if (node?.range) node.range = [shift(node.range[0]), shift(node.range[1]), shift(node.range[2])];
  };
  const walk = (node: unknown): void => {
    if (node instanceof YAMLMap) {
      move(node);
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (node instanceof YAMLSeq) {
      move(node);
      for (const item of node.items) walk(item);
    } else if (node instanceof Scalar) move(node);
  };
  walk(doc.contents);
  doc.range = [shift(doc.range[0]), shift(doc.range[1]), shift(doc.range[2])];
}

/** An open block collection: a mapping of `key: value` lines or a sequence of `- item` lines. */
interface Open {
  readonly indent: number;
  readonly node: YAMLMap | YAMLSeq;
  /** Where its last value ended (that value's range[2]): the collection's range[1] and range[2] when it closes. */
  end: number;
}

function parseLf(text: string): Document.Parsed | undefined {
  // Characters the fast path leaves to the full parser: tabs (indentation errors), lone CRs, BOM (a document marker
  // to the lexer), other C0 controls, and flow or document indicators anywhere at a line start.
  if (SPECIAL.test(text)) return undefined;
  const doc = new Document() as unknown as Document.Parsed;
  const nonText = nonTextTests(doc);
  /** Open block collections, outermost first. */
  const stack: Open[] = [];
  /** A key whose value is a nested mapping or sequence still to come (`key:` at the end of its line). */
  let pending: { indent: number; pair: Pair<Scalar, Node | null> } | undefined;
  /** The indentation of the last key or `-` with a one-line value: a more-indented line after it continues the value. */
  let lastInline = -1;
  /**
   * The indentation of indented comment lines since the last entry, or -1: the fast path takes them only before an
   * entry at their own indentation (a comment more indented than a one-line value before it belongs to that value).
   */
  let commentIndent = -1;
  /**
   * The largest indentation of the comment lines since the last entry (0 included), or -1. The full parser extends
   * the range of a collection that ends right after comments at least as indented as it over them: such a file is
   * left to it.
   */
  let commentDepth = -1;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = n;
    const next = eol === n ? n : eol + 1;
    let i = pos;
    while (i < eol && text.charCodeAt(i) === 32) i++;
    const indent = i - pos;
    if (i === eol) {
      pos = next;
      continue;
    }
    if (text.charCodeAt(i) === 35 /* # */) {
      // A comment at the start of a line between entries (not inside a value, not between a key and its nested
      // value: where the full parser attaches the others changes the ranges of the collections around them).
      if (indent === 0) {
        if (pending || commentIndent !== -1) return undefined;
      } else if ((commentIndent !== -1 && commentIndent !== indent) || (lastInline >= 0 && indent > lastInline)) return undefined;
      else commentIndent = indent;
      commentDepth = Math.max(commentDepth, indent);
      pos = next;
      continue;
    }
    if (commentIndent !== -1 && indent !== commentIndent) return undefined;
    commentIndent = -1;
    /** Ends the innermost collection, unless comments just before this line would extend its range. */
    const closeOne = () => {
      if (commentDepth >= stack[stack.length - 1]!.indent) return false;
      close(stack);
      return true;
    };
    if (indent > lastInline && lastInline >= 0 && !pending) return undefined;
    const item = text.charCodeAt(i) === 45 /* - */ && text.charCodeAt(i + 1) === 32;
    // Place the line: a nested collection opens under a pending key; otherwise it continues the collection at its
    // indentation (a sequence may sit at its key's own indentation, and ends at the next key there).
    if (pending) {
      if (item ? indent < pending.indent : indent <= pending.indent) return undefined;
      const node = item ? new YAMLSeq(doc.schema) : new YAMLMap(doc.schema);
      node.range = [i, i, i];
      pending.pair.value = node;
      stack.push({ indent, node, end: i });
      pending = undefined;
    } else if (stack.length === 0) {
      if (indent !== 0 || item) return undefined;
      const map = new YAMLMap(doc.schema);
      map.range = [i, i, i];
      doc.contents = map as YAMLMap.Parsed;
      stack.push({ indent, node: map, end: i });
    } else {
      while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) if (!closeOne()) return undefined;
      const top = stack[stack.length - 1];
      if (top && !item && top.indent === indent && top.node instanceof YAMLSeq && !closeOne()) return undefined;
      const at = stack[stack.length - 1];
      if (!at || at.indent !== indent || at.node instanceof YAMLSeq !== item) return undefined;
    }
    commentDepth = -1;
    const top = stack[stack.length - 1]!;
    let v: number;
    let pair: Pair<Scalar, Node | null> | undefined;
    if (item) {
      v = i + 2;
    } else {
      const keyEnd = simpleKeyEnd(text, i, eol);
      if (keyEnd < 0) return undefined;
      const keyText = text.slice(i, keyEnd);
      if (nonText(keyText)) return undefined;
      pair = new Pair<Scalar, Node | null>(plainScalar(keyText, i, keyEnd, keyEnd), null);
      (top.node as YAMLMap).items.push(pair);
      v = keyEnd + 1;
    }
    while (v < eol && text.charCodeAt(v) === 32) v++;
    if (v === eol) {
      // `key:` alone: its value is a nested collection on the next lines. An empty item is left to the parser.
      if (!pair) return undefined;
      pending = { indent, pair };
      lastInline = -1;
      pos = next;
      continue;
    }
    const c = text[v]!;
    let value: Node;
    let end: number;
    if (c === '"' || c === "'") {
      const q = quoted(text, v, eol);
      if (!q || !restIsComment(text, q.end, eol)) return undefined;
      value = q.scalar;
      value.range = [v, q.end, next];
      end = next;
      lastInline = indent;
    } else if (c === '[' || c === '{') {
      const f = flow(text, v, eol, nonText, doc.schema);
      if (!f || !restIsComment(text, f.end, eol)) return undefined;
      value = f.node;
      value.range = [v, f.end, next];
      end = next;
      lastInline = indent;
    } else if ((c === '|' || c === '>') && pair) {
      const b = block(text, v, eol, indent);
      if (!b) return undefined;
      const scalar = new Scalar(b.value);
      scalar.range = [v, b.end, b.end];
      scalar.type = b.folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
      scalar.source = b.value;
      value = scalar;
      end = b.end;
      lastInline = -1;
    } else {
      if (INDICATOR.includes(c)) return undefined;
      // Within the line: searching the rest of the file for every value would be quadratic.
      const hash = text.slice(v, eol).indexOf(' #');
      const stop = hash === -1 ? eol : v + hash;
      let e = stop;
      while (e > v && text.charCodeAt(e - 1) === 32) e--;
      const plain = text.slice(v, e);
      if (plain.includes(': ') || plain.endsWith(':') || nonText(plain)) return undefined;
      value = plainScalar(plain, v, e, next);
      end = next;
      lastInline = indent;
    }
    if (pair) pair.value = value;
    else (top.node as YAMLSeq).items.push(value);
    top.end = end;
    pos = c === '|' || c === '>' ? end : next;
  }
  if (pending || commentIndent !== -1 || stack.length === 0) return undefined;
  // The end of the file closes every collection; comments after the last entry belong to the document, not to the
  // top-level mapping, but to any other collection as indented as they are.
  while (stack.length > 1) {
    if (commentDepth >= stack[stack.length - 1]!.indent) return undefined;
    close(stack);
  }
  const root = stack[0]!;
  root.node.range = [root.node.range![0], root.end, root.end];
  doc.range = [root.node.range![0], root.end, n];
  return doc;
}

/** A plain scalar as the parser makes it: its text is its value and its source. */
function plainScalar(text: string, start: number, end: number, after: number): Scalar {
  const s = new Scalar(text);
  s.range = [start, end, after];
  s.source = text;
  s.type = 'PLAIN';
  return s;
}

/** A one-line "double-quoted" or 'single-quoted' scalar opening at `open`; `end` is just after its closing quote. */
function quoted(text: string, open: number, eol: number): { scalar: Scalar; end: number } | undefined {
  const q = text[open]!;
  const close = closingQuote(text, open, eol, q);
  if (close < 0) return undefined;
  const inner = text.slice(open + 1, close);
  const resolved = q === '"' ? unescapeDouble(inner) : inner.replaceAll("''", "'");
  if (resolved === undefined) return undefined;
  const scalar = new Scalar(resolved);
  scalar.range = [open, close + 1, close + 1];
  scalar.type = q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  scalar.source = resolved;
  return { scalar, end: close + 1 };
}

/**
 * A flow collection that opens at `open` (`[` or `{`) and closes on the same line: sequences and mappings of
 * plain words (a letter or `_`, then letters, digits, `_`, `.`, `-`: codes and guidance keys), one-line quoted
 * text and nested flow collections, `key: value` pairs in mappings. `end` is just after the closing bracket; the
 * caller sets the collection's range. Anything else (multi-line, several words, an empty entry, a trailing comma,
 * `key:value`, a value-less key, a comment) is left to the full parser. A value's range runs over the spaces after
 * it, as the parser's does.
 */
function flow(
  text: string,
  open: number,
  eol: number,
  nonText: (s: string) => boolean,
  schema: Document['schema'],
): { node: YAMLMap | YAMLSeq; end: number } | undefined {
  const isMap = text[open] === '{';
  const closer = isMap ? 125 /* } */ : 93; /* ] */
  const node = isMap ? new YAMLMap(schema) : new YAMLSeq(schema);
  node.flow = true;
  const skip = (from: number) => {
    let k = from;
    while (k < eol && text.charCodeAt(k) === 32) k++;
    return k;
  };
  /** One value at `at`: its node and where it ends, before the spaces after it (range[2] takes those in). */
  const entry = (at: number): { node: Node; end: number } | undefined => {
    const c = text[at];
    if (c === '"' || c === "'") {
      const q = quoted(text, at, eol);
      return q && { node: q.scalar, end: q.end };
    }
    if (c === '[' || c === '{') {
      const f = flow(text, at, eol, nonText, schema);
      if (!f) return undefined;
      f.node.range = [at, f.end, f.end];
      return f;
    }
    const e = flowPlainEnd(text, at, eol);
    if (e < 0 || nonText(text.slice(at, e))) return undefined;
    return { node: plainScalar(text.slice(at, e), at, e, e), end: e };
  };
  const widen = (value: Node, to: number) => {
    value.range = [value.range![0], value.range![1], to];
  };
  let k = skip(open + 1);
  if (text.charCodeAt(k) === closer) return { node, end: k + 1 };
  for (;;) {
    if (isMap) {
      const e = wordEnd(text, k, eol);
      if (e < 0 || text.charCodeAt(e) !== 58 /* : */ || text.charCodeAt(e + 1) !== 32) return undefined;
      const keyText = text.slice(k, e);
      if (nonText(keyText)) return undefined;
      const key = plainScalar(keyText, k, e, e);
      const value = entry(skip(e + 1));
      if (!value) return undefined;
      k = skip(value.end);
      widen(value.node, k);
      (node as YAMLMap).items.push(new Pair(key, value.node));
    } else {
      const value = entry(k);
      if (!value) return undefined;
      k = skip(value.end);
      widen(value.node, k);
      (node as YAMLSeq).items.push(value.node);
    }
    const c = text.charCodeAt(k);
    if (c === closer) return { node, end: k + 1 };
    if (c !== 44 /* , */) return undefined;
    k = skip(k + 1);
    if (k >= eol || text.charCodeAt(k) === closer) return undefined;
  }
}

/**
 * Where plain text in a flow collection starting at `i` ends (before the spaces after it): words of anything but
 * YAML's indicators and quotes, separated by spaces, up to a `,`, `]` or `}`; -1 for anything else (an indicator or
 * a quote first, a `:` or `#` inside, the end of the line).
 */
function flowPlainEnd(text: string, i: number, eol: number): number {
  if (INDICATOR.includes(text[i]!) || text[i] === '"' || text[i] === "'" || text.charCodeAt(i) === 32) return -1;
  let j = i;
  let end = i;
  for (; j < eol; j++) {
    const c = text[j]!;
    if (c === ',' || c === ']' || c === '}') return end;
    if (FLOW_PLAIN_STOP.includes(c)) return -1;
    if (c !== ' ') end = j + 1;
  }
  return -1;
}
/** Characters that end plain text in a flow collection in ways the fast path leaves to the full parser. */
const FLOW_PLAIN_STOP = ':#[{"\'';

/** Where a plain word starting at `i` ends (a letter or `_`, then letters, digits, `_`, `.` or `-`); -1 if none starts there. */
function wordEnd(text: string, i: number, eol: number): number {
  let j = i;
  for (; j < eol; j++) {
    const c = text.charCodeAt(j);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (letter || (j > i && ((c >= 48 && c <= 57) || c === 46 || c === 45))) continue;
    break;
  }
  return j === i ? -1 : j;
}

/** Longest key the fast path takes; the full parser refuses implicit keys over 1024 characters. */
const MAX_KEY = 200;
/**
 * Where the simple key starting at `i` ends (at its colon): a letter or `_`, then letters, digits, `_`, `.` or `-`,
 * at most MAX_KEY of them, then `:` and a space or the end of the line; -1 for anything else. A character loop,
 * not a regular expression: its match arrays were the largest allocation of reading a 20 000-key file.
 */
function simpleKeyEnd(text: string, i: number, eol: number): number {
  const limit = Math.min(eol, i + MAX_KEY);
  let j = i;
  for (; j < limit; j++) {
    const c = text.charCodeAt(j);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (letter || (j > i && ((c >= 48 && c <= 57) || c === 46 || c === 45))) continue;
    break;
  }
  if (j === i || text.charCodeAt(j) !== 58 /* : */) return -1;
  return j + 1 === eol || text.charCodeAt(j + 1) === 32 ? j : -1;
}
/** Characters that start something other than plain text (YAML's indicators). */
const INDICATOR = '-?:,[]{}#&*!|>%@`';
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\x00-\x09\x0b-\x1f\x7f\ufeff]|^(?:---|\.\.\.|%)/mu;

/** Ends the innermost open collection: its range ends where its last value ended, and so does its parent's value. */
function close(stack: Open[]): void {
  const done = stack.pop()!;
  done.node.range = [done.node.range![0], done.end, done.end];
  stack[stack.length - 1]!.end = done.end;
}

/** The offset of the quote closing the one at `open`, on the same line; -1 if there is none. */
function closingQuote(text: string, open: number, eol: number, q: string): number {
  let i = open + 1;
  for (;;) {
    const at = text.indexOf(q, i);
    if (at === -1 || at >= eol) return -1;
    if (q === "'") {
      if (text[at + 1] === "'") {
        i = at + 2;
        continue;
      }
      return at;
    }
    let backslashes = 0;
    for (let b = at - 1; b > open && text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return at;
    i = at + 1;
  }
}

/** After a quoted value: only spaces, then nothing or a comment (a `#` after a space). */
function restIsComment(text: string, from: number, eol: number): boolean {
  let i = from;
  while (i < eol && text.charCodeAt(i) === 32) i++;
  return i === eol || (i > from && text.charCodeAt(i) === 35);
}

/** YAML's double-quote escapes (as the yaml package resolves them); undefined for one the fast path leaves alone. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
function unescapeDouble(s: string): string | undefined {
  if (!s.includes('\\')) return s;
  let ok = true;
  const out = s.replace(/\\(?:([xuU])([0-9a-fA-F]*)|([\s\S]))/gu, (m, kind: string | undefined, hex: string, ch: string | undefined) => {
    if (kind) {
      const len = kind === 'x' ? 2 : kind === 'u' ? 4 : 8;
      const code = hex.length >= len ? parseInt(hex.slice(0, len), 16) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) {
        ok = false;
        return m;
      }
      return String.fromCodePoint(code) + hex.slice(len);
    }
    const e = ESCAPES[ch!];
    if (e === undefined) ok = false;
    return e ?? m;
  });
  return ok ? out : undefined;
}

/**
 * A `|`, `|-`, `>` or `>-` block after a key indented `parent` spaces: its lines are those indented at least as
 * much as its first line, and empty lines. A folded block joins adjacent lines with a space and keeps one line
 * break per empty line between them. Lines of only spaces, more-indented lines in a folded block (kept unfolded),
 * indentation indicators, `|+`/`>+`, comments on the header line and a first line that is more indented than a
 * later one are left to the full parser.
 */
function block(text: string, header: number, eol: number, parent: number): { value: string; folded: boolean; end: number } | undefined {
  const h = text.slice(header, eol);
  if (h !== '|' && h !== '|-' && h !== '>' && h !== '>-') return undefined;
  const strip = h.endsWith('-');
  const folded = h.startsWith('>');
  const n = text.length;
  let pos = eol + 1;
  if (pos > n) return undefined;
  let indent = -1;
  let body = '';
  let lines = 0;
  let end = pos;
  let blank = 0;
  while (pos < n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    if (lineEnd === pos) {
      blank++;
      pos = lineEnd + 1;
      continue;
    }
    let i = pos;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    if (i === lineEnd) return undefined;
    const ind = i - pos;
    if (indent === -1) {
      if (ind <= parent) return undefined;
      indent = ind;
    } else if (ind < indent) break;
    if (folded && ind > indent) return undefined;
    const line = text.slice(pos + indent, lineEnd);
    if (lines === 0) body = '\n'.repeat(blank) + line;
    else if (folded) body += (blank > 0 ? '\n'.repeat(blank) : ' ') + line;
    else body += '\n'.repeat(blank + 1) + line;
    blank = 0;
    lines++;
    end = lineEnd === n ? n : lineEnd + 1;
    pos = end;
  }
  if (indent === -1) return undefined;
  return { value: strip ? body : `${body}\n`, folded, end };
}

/**
 * Whether a plain scalar would be read as something other than text (null, a boolean, a number) by the core
 * schema, by the schema's own tests. Those all start with one of MAYBE_NON_TEXT (null, true, false, digits,
 * signs, `.inf`, `~`), so other scalars skip them: the keys of a 20 000-key file are tested once each.
 */
function nonTextTests(doc: Document.Parsed): (s: string) => boolean {
  const tests = doc.schema.tags.flatMap((t) => ('test' in t && t.default && t.test ? [t.test] : []));
  return (s) => s === '' || (MAYBE_NON_TEXT.test(s) && tests.some((t) => t.test(s)));
}
const MAYBE_NON_TEXT = /^[-+.0-9~nNtTfF]/u;
