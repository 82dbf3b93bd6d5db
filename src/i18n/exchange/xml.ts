/**
 * A small, strict XML reader for the XLIFF files rightsprint writes and CAT tools send back: elements,
 * attributes, text, the five predefined entities and character references, CDATA, comments, processing
 * instructions and a DOCTYPE (skipped). No namespaces processing beyond keeping prefixed names, no external
 * entities (so no XXE). Every node keeps its 0-based offset so callers can report line:col.
 */

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  readonly offset: number;
}

export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  readonly offset: number;
}

export type XmlNode = XmlElement | XmlText;

/** A syntax error with the offset where reading stopped. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
/** A character reference as XML 1.0 writes it: `&#` decimal digits `;` or `&#x` hex digits `;` (production [66]). */
const CHAR_REF = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/u;
/**
 * A character outside XML 1.0's Char production [2]: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. With the `u` flag a surrogate pair is one code point, so only lone surrogates match.
 */
const NOT_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u;

/** Whether code point `cp` is an XML 1.0 Char (production [2]). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The character a reference's body (`#x41`, `#65`) stands for; throws XmlError at `at` unless it is a Char. */
function charRef(ref: string, at: number): string {
  const m = CHAR_REF.exec(ref);
  if (!m) throw new XmlError(`&${ref}; is not a character reference (write &#x followed by hex digits, or &# followed by decimal digits)`, at);
  const digits = m[1] ?? m[2] ?? '';
  // Long digit strings overflow to a huge number, which the range check below refuses like any other.
  const cp = digits.length > 8 ? Infinity : parseInt(digits, m[1] !== undefined ? 16 : 10);
  if (!isXmlChar(cp))
    throw new XmlError(
      `&${ref}; refers to a character XML 1.0 does not allow (control characters other than tab and line ends, U+FFFE/U+FFFF, surrogates, or above U+10FFFF)`,
      at,
    );
  return String.fromCodePoint(cp);
}

/** Parses `text` (already with line ends normalised to `\n`) into its root element. Throws XmlError. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new XmlError(message, i);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (/\s/u.test(text[i] ?? '')) i++;
      if (text.startsWith('<?', i)) i = endOf('?>');
      else if (text.startsWith('<!--', i)) i = endOf('-->');
      else if (text.startsWith('<!DOCTYPE', i)) i = endOf('>');
      else return;
    }
  };
  const endOf = (close: string): number => {
    const at = text.indexOf(close, i);
    if (at < 0) fail(`"${close}" never comes`);
    return at + close.length;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail('expected a name');
    i += m?.[0].length ?? 0;
    return m?.[0] ?? '';
  };
  /** Expands references in `raw`, which starts at offset `at`; errors point at the `&` that is wrong. */
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s<]*);?/gu, (whole: string, ref: string, index: number) => {
      const where = at + index;
      if (!whole.endsWith(';')) throw new XmlError('"&" must be written &amp;', where);
      if (ref.startsWith('#')) return charRef(ref, where);
      const out = ENTITIES[ref];
      if (out === undefined) throw new XmlError(`unknown entity &${ref};`, where);
      return out;
    });
  const element = (): XmlElement => {
    const offset = i;
    i++; // <
    const tag = name();
    const attrs = new Map<string, string>();
    for (;;) {
      while (/\s/u.test(text[i] ?? '')) i++;
      if (text.startsWith('/>', i)) {
        i += 2;
        return { kind: 'element', name: tag, attrs, children: [], offset };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (i >= text.length) fail(`<${tag}> is not closed`);
      const attr = name();
      while (/\s/u.test(text[i] ?? '')) i++;
      if (text[i] !== '=') fail(`attribute ${attr} needs ="…"`);
      i++;
      while (/\s/u.test(text[i] ?? '')) i++;
      const q = text[i];
      if (q !== '"' && q !== "'") fail(`attribute ${attr} needs a quoted value`);
      const end = text.indexOf(q ?? '"', i + 1);
      if (end < 0) fail(`attribute ${attr} is not closed`);
      attrs.set(attr, decode(text.slice(i + 1, end), i + 1).replace(/[\t\n]/gu, ' '));
      i = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (i >= text.length) fail(`<${tag}> is never closed`);
      if (text.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        while (/\s/u.test(text[i] ?? '')) i++;
        if (text[i] !== '>') fail('expected ">"');
        i++;
        return { kind: 'element', name: tag, attrs, children, offset };
      }
      if (text.startsWith('<!--', i)) i = endOf('-->');
      else if (text.startsWith('<![CDATA[', i)) {
        const start = i;
        i = endOf(']]>');
        children.push({ kind: 'text', text: text.slice(start + 9, i - 3), offset: start });
      } else if (text.startsWith('<?', i)) i = endOf('?>');
      else if (text[i] === '<') children.push(element());
      else {
        const start = i;
        const end = text.indexOf('<', i);
        i = end < 0 ? text.length : end;
        children.push({ kind: 'text', text: decode(text.slice(start, i), start), offset: start });
      }
    }
  };
  // Characters no XML document may contain, even literally (a raw U+0001, NUL, U+FFFF): refused where they are.
  const stray = NOT_CHAR.exec(text);
  if (stray) {
    i = stray.index;
    const cp = (stray[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    fail(`the character U+${cp} is not allowed in XML 1.0`);
  }
  skipMisc();
  if (text[i] !== '<') fail('expected the root element');
  const root = element();
  skipMisc();
  if (i < text.length) fail('text after the root element');
  return root;
}

/** Child elements named `name` (prefix-insensitive: `x:target` matches `target`). */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => c.kind === 'element' && (c.name === name || c.name.endsWith(`:${name}`)));
}

/** Concatenated text content; reports whether any child element (inline markup) was present. */
export function textContent(el: XmlElement): { text: string; inline: boolean } {
  let inline = false;
  const walk = (node: XmlNode): string => {
    if (node.kind === 'text') return node.text;
    inline = true;
    return node.children.map(walk).join('');
  };
  return { text: el.children.map(walk).join(''), inline };
}

/** 1-based line and column of a 0-based offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return { line, col: offset - last };
}
