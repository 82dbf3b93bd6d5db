import type { PdfKitDocument } from './pdfkit-internals.ts';

/**
 * pdfkit's `markContent` for the /Span marked content of text lines, without its per-call costs: the same bytes.
 *
 * Every drawn line opens one or more /Span sequences with /ActualText and /Lang (structure.ts), tens of thousands
 * per build. pdfkit 0.20.2 builds a dictionary of String objects for each and converts it with PDFObject.convert,
 * which turns each string into a byte array (UTF-16BE or Latin-1), back into a string and through an escaping
 * regex: about a fifth of the marking's time. Here the same dictionary text is written directly, and each string's
 * PDF form is kept (a card sheet repeats a line's texts on every copy; /Lang takes few values).
 */

/** The options of a /Span that the fast path writes itself (what structure.ts's spanOptions gives, plus mcid). */
interface SpanOptions {
  readonly mcid?: number;
  /** A string or a String object (an empty replacement text, which pdfkit writes only as an object). */
  readonly lang?: unknown;
  readonly actual?: unknown;
}

/** One open marked-content sequence as pdfkit keeps it on the page (`page.markings`). */
interface Marking {
  readonly tag: string;
  readonly options?: unknown;
  readonly structContent?: unknown;
}

const FAST_KEYS = new Set(['mcid', 'lang', 'actual']);

/**
 * Makes `doc.markContent('Span', options)` (also as called by pdfkit's markStructureContent) write its operator
 * itself when the options are only /MCID, /Lang and /ActualText; any other call goes to pdfkit's. The bookkeeping
 * is pdfkit's, step by step: the sequences it closes first (a structure or artifact sequence is open when an MCID
 * is given), the marking it pushes on the page, the dictionary's keys in pdfkit's order (MCID, Lang, ActualText),
 * one per line.
 */
export function fastSpanMarking(doc: PdfKitDocument): void {
  const original = doc.markContent.bind(doc);
  doc.markContent = (tag, options) => {
    if (tag !== 'Span' || !options || Object.keys(options).some((k) => !FAST_KEYS.has(k))) return original(tag, options);
    const span = options as SpanOptions;
    const page = doc.page as unknown as { markings: Marking[] };
    if (span.mcid) {
      // pdfkit tests `options.mcid` for truth: MCID 0 closes nothing.
      let toClose = 0;
      for (const marking of page.markings) if (toClose || marking.structContent || marking.tag === 'Artifact') toClose++;
      while (toClose--) doc.endMarkedContent();
    }
    page.markings.push({ tag, options });
    let dict = '<<';
    if (span.mcid !== undefined) dict += `\n/MCID ${pdfNumber(span.mcid)}`;
    // pdfkit tests both for truth: '' is left out, a String object (even empty) is written.
    if (span.lang) dict += `\n/Lang ${pdfString(String(span.lang))}`;
    if (span.actual) dict += `\n/ActualText ${pdfString(String(span.actual))}`;
    doc.addContent(`/Span ${dict}\n>> BDC`);
    return doc;
  };
}

/** pdfkit's PDFObject.number as written in a dictionary (6 decimals at most). */
function pdfNumber(n: number): string {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return `${Math.round(n * 1e6) / 1e6}`;
}

/** PDF forms made so far, by text; cleared when it reaches PDF_STRING_MEMO entries. */
const pdfStrings = new Map<string, string>();
/** Distinct texts kept: a document's lines (a build's last few documents), far below a megabyte of strings. */
const PDF_STRING_MEMO = 8192;

/**
 * A text as pdfkit's PDFObject.convert writes a String object: a literal string of its Latin-1 bytes (the low
 * 8 bits of each UTF-16 unit) when every unit is ASCII, else of its UTF-16BE bytes after a BOM; the bytes
 * `( ) \` and five control characters escaped with a backslash, every other byte as the character of that code.
 */
export function pdfString(text: string): string {
  let found = pdfStrings.get(text);
  if (found !== undefined) return found;
  let unicode = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      unicode = true;
      break;
    }
  }
  let out = '(';
  const put = (byte: number) => {
    out += ESCAPED[byte] ?? String.fromCharCode(byte);
  };
  if (unicode) {
    put(0xfe);
    put(0xff);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      put(code >> 8);
      put(code & 0xff);
    }
  } else for (let i = 0; i < text.length; i++) put(text.charCodeAt(i) & 0xff);
  found = `${out})`;
  if (pdfStrings.size >= PDF_STRING_MEMO) pdfStrings.clear();
  pdfStrings.set(text, found);
  return found;
}

/** pdfkit's escapes in literal strings, by byte (undefined: the byte stands for itself). */
const ESCAPED: readonly (string | undefined)[] = (() => {
  const table = new Array<string | undefined>(256).fill(undefined);
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
  for (const [char, escaped] of Object.entries(escapes)) table[char.charCodeAt(0)] = escaped;
  return table;
})();
