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
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/gu, (whole, ref: string) => {
      if (!whole.endsWith(';')) throw new XmlError('"&" must be written &amp;', at);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const out = ENTITIES[ref];
      if (out === undefined) throw new XmlError(`unknown entity &${ref};`, at);
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
      attrs.set(attr, decode(text.slice(i + 1, end), i).replace(/[\t\n]/gu, ' '));
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
  skipMisc();
  if (text[i] !== '<') fail('expected the root element');
  const root = element();
  skipMisc();
  if (i < text.length) fail('text after the root element');
  return root;
}

/** Child elements named `name` (prefix-insensitive: `x:target` matches `target`). */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => c.kind === 'element' && (c.name === name || c.name.endsWith(`:${name}`)),
  );
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
