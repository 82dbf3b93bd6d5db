import { Document, Pair, Scalar, YAMLMap } from 'yaml';

/**
 * A direct reader for the plain shape of hand-written content files — nested block mappings of simple keys whose
 * values are one-line plain, "double-quoted" or 'single-quoted' text, or `|`, `|-`, `>`, `>-` blocks — that builds the
 * same Document the `yaml` package's parseDocument builds (same values, node types and ranges), about ten times
 * faster: the package's generator pipeline took over a second for a 2 MB file of 20 000 keys and half a second for
 * one 2 MB quoted string (issue #11). Anything else (flow collections, sequences, anchors, aliases, tags, kept blocks,
 * multi-line flow scalars, tabs, a CR that ends no line, non-text plain values, a doubtful indentation, any error) returns
 * undefined and the file goes through parseDocument, which reports it as before. The equivalence is tested on all
 * shipped content and on edge cases (tests/unit/content/yaml-fast-path.test.ts).
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
    } else if (node instanceof Scalar) move(node);
  };
  walk(doc.contents);
  doc.range = [shift(doc.range[0]), shift(doc.range[1]), shift(doc.range[2])];
}

function parseLf(text: string): Document.Parsed | undefined {
  // Characters the fast path leaves to the full parser: tabs (indentation errors), lone CRs, BOM (a document marker
  // to the lexer), other C0 controls, and flow or document indicators anywhere at a line start.
  if (SPECIAL.test(text)) return undefined;
  const doc = new Document() as unknown as Document.Parsed;
  const nonText = nonTextTests(doc);
  /** Open mappings, outermost first; `end` is where the last value ended (range[2]). */
  const stack: { indent: number; map: YAMLMap; end: number }[] = [];
  /** A key whose value is a nested mapping still to come (`key:` at the end of its line). */
  let pending: { indent: number; pair: Pair<Scalar, YAMLMap | Scalar | null> } | undefined;
  /** The indentation of the last key with a one-line value: a more-indented line after it continues the value. */
  let lastInline = -1;
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
      // Only comments at the start of a line between entries: where the full parser attaches the others changes
      // the ranges of the mappings around them.
      if (pending || indent !== 0) return undefined;
      pos = next;
      continue;
    }
    if (indent > lastInline && lastInline >= 0 && !pending) return undefined;
    const keyEnd = simpleKeyEnd(text, i, eol);
    if (keyEnd < 0) return undefined;
    const keyText = text.slice(i, keyEnd);
    if (nonText(keyText)) return undefined;
    // Place the key: a nested mapping opens under a pending key; otherwise it continues the mapping at its indent.
    if (pending) {
      if (indent <= pending.indent) return undefined;
      const map = new YAMLMap(doc.schema);
      map.range = [i, i, i];
      pending.pair.value = map;
      stack.push({ indent, map, end: i });
      pending = undefined;
    } else if (stack.length === 0) {
      if (indent !== 0) return undefined;
      const map = new YAMLMap(doc.schema);
      map.range = [i, i, i];
      doc.contents = map as YAMLMap.Parsed;
      stack.push({ indent, map, end: i });
    } else {
      while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) close(stack);
      if (stack.length === 0 || stack[stack.length - 1]!.indent !== indent) return undefined;
    }
    const top = stack[stack.length - 1]!;
    const keyNode = new Scalar(keyText);
    keyNode.range = [i, i + keyText.length, i + keyText.length];
    keyNode.source = keyText;
    keyNode.type = 'PLAIN';
    const pair = new Pair<Scalar, YAMLMap | Scalar | null>(keyNode, null);
    top.map.items.push(pair);
    let v = i + keyText.length + 1;
    while (v < eol && text.charCodeAt(v) === 32) v++;
    if (v === eol) {
      pending = { indent, pair };
      lastInline = -1;
      pos = next;
      continue;
    }
    const c = text[v]!;
    let value: Scalar;
    let end: number;
    if (c === '"' || c === "'") {
      const close = closingQuote(text, v, eol, c);
      if (close < 0) return undefined;
      const inner = text.slice(v + 1, close);
      const resolved = c === '"' ? unescapeDouble(inner) : inner.replaceAll("''", "'");
      if (resolved === undefined || !restIsComment(text, close + 1, eol)) return undefined;
      value = new Scalar(resolved);
      value.range = [v, close + 1, next];
      value.type = c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      end = next;
      lastInline = indent;
    } else if (c === '|' || c === '>') {
      const b = block(text, v, eol, indent);
      if (!b) return undefined;
      value = new Scalar(b.value);
      value.range = [v, b.end, b.end];
      value.type = b.folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
      end = b.end;
      lastInline = -1;
      pos = b.end;
    } else {
      if (INDICATOR.includes(c)) return undefined;
      // Within the line: searching the rest of the file for every value would be quadratic.
      const hash = text.slice(v, eol).indexOf(' #');
      const stop = hash === -1 ? eol : v + hash;
      let e = stop;
      while (e > v && text.charCodeAt(e - 1) === 32) e--;
      const plain = text.slice(v, e);
      if (plain.includes(': ') || plain.endsWith(':') || nonText(plain)) return undefined;
      value = new Scalar(plain);
      value.range = [v, e, next];
      value.type = 'PLAIN';
      end = next;
      lastInline = indent;
    }
    value.source = value.value as string;
    pair.value = value;
    top.end = end;
    if (c !== '|' && c !== '>') pos = next;
  }
  if (pending || stack.length === 0) return undefined;
  while (stack.length > 1) close(stack);
  const root = stack[0]!;
  root.map.range = [root.map.range![0], root.end, root.end];
  doc.range = [root.map.range![0], root.end, n];
  return doc;
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

/** Ends the innermost open mapping: its range ends where its last value ended, and so does its parent's value. */
function close(stack: { indent: number; map: YAMLMap; end: number }[]): void {
  const done = stack.pop()!;
  done.map.range = [done.map.range![0], done.end, done.end];
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
