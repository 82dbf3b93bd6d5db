import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { decodeText, type LanguageHint } from './decode-text.ts';
import { fastParse } from './yaml-fast-path.ts';
import { spanAt } from './content-spans.ts';

export { spanAt };

/** One parsed YAML file, with what is needed to turn offsets into `file:line:col`. */
export interface YamlFile {
  /** Path relative to the content folder, with forward slashes, e.g. `translations/ar.yaml`. */
  readonly rel: string;
  /** Path as shown to the user (the content folder as given on the command line, joined with `rel`). */
  readonly display: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Encoding, syntax and duplicate-key problems. */
  readonly diagnostics: readonly Diagnostic[];
  /** False when the bytes could not be decoded (not UTF-8, too large): `doc` is empty and must not be checked. */
  readonly readable: boolean;
  /** Whether yaml-fast-path.ts read the file (the yaml package's parser was not needed); for tests and benches. */
  readonly fastPath: boolean;
}

/** Where a node starts; the start of the file for a node the parser could not place. */
export function spanOf(file: Pick<YamlFile, 'display' | 'lineCounter'>, node: Node | null | undefined): SourceSpan {
  return spanAt(file, node?.range?.[0] ?? 0);
}

/**
 * Largest content file the loader reads, bytes. The shipped translations are 7–14 KB; a file of several MB is
 * not hand-written guidance (a log, an export, a wrong file) and would only make every command slow.
 */
export const MAX_CONTENT_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Parses one YAML file from its bytes (read through the content's ContentSource, only when `size` is allowed). The bytes must be UTF-8 (decode-text.ts: anything else is an error, never
 * U+FFFD on a card). Keys must be unique (a repeated key is reported, not silently overwritten).
 * Syntax errors become diagnostics at the parser's position; the partial document is still returned so the
 * rest of the file can be checked in the same run. `readable` is false when the file could not be decoded at
 * all: its (empty) document must not be checked further.
 */
export function readYaml(bytes: () => Uint8Array, size: number, rel: string, display: string, hint?: LanguageHint): YamlFile {
  const lineCounter = new LineCounter();
  const file = { rel, display, lineCounter };
  // Size first (the ContentSource knows it without reading): a wrong multi-gigabyte file must not be read into
  // memory to be refused.
  if (size > MAX_CONTENT_FILE_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const d = error(
      CODES.content.fileTooLarge,
      `The file is ${mb(size)} MB; content files may be at most ${mb(MAX_CONTENT_FILE_BYTES)} MB.`,
      { file: display, line: 1, col: 1 },
      ['Check this is the right file: guidance and translation files are a few kilobytes. Split very long text into several keys.'],
    );
    return unreadable(file, d);
  }
  const decoded = decodeText(bytes(), display, hint);
  if (decoded.text === undefined) return unreadable(file, ...decoded.diagnostics);
  const text = decoded.text;
  const { doc, fastPath } = parseYaml(text, lineCounter);
  const diagnostics = [...doc.errors, ...doc.warnings].map((e): Diagnostic => {
    const span = spanAt(file, e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/u, '');
    return error(CODES.content.yamlSyntax, `YAML syntax error: ${message}`, span, yamlHints(e.code, message));
  });
  diagnostics.push(...duplicateKeys(doc, file));
  return { ...file, text, doc, diagnostics, readable: true, fastPath };
}

/**
 * The Document of a file's text, with `lineCounter` filled: from the fast path when the file has the plain shape
 * content files have (the same Document, several times faster: issue #11), otherwise from the yaml package.
 * uniqueKeys is checked by duplicateKeys in linear time: the yaml package compares each key with every earlier
 * one, which took 10 s for a 2 MB file of 20 000 keys.
 */
export function parseYaml(text: string, lineCounter: LineCounter): { doc: Document.Parsed; fastPath: boolean } {
  const fast = fastParse(text);
  if (!fast) return { doc: parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false }), fastPath: false };
  lineCounter.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lineCounter.addNewLine(nl + 1);
  return { doc: fast, fastPath: true };
}

/** A file that could not be decoded: an empty document and the reason. */
function unreadable(file: Pick<YamlFile, 'rel' | 'display' | 'lineCounter'>, ...diagnostics: Diagnostic[]): YamlFile {
  return { ...file, text: '', doc: parseDocument(''), diagnostics, readable: false, fastPath: false };
}

/**
 * Every key that repeats an earlier key of the same mapping, at the repeat, mappings in document order (as the yaml
 * package's `visit` would go: a mapping before its keys and values). A plain recursive walk: `visit` builds a frozen
 * path array at every pair, a third of the time of checking a 20 000-key file.
 */
function duplicateKeys(doc: Document.Parsed, file: Pick<YamlFile, 'display' | 'lineCounter'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      // By value, as the yaml package compares keys: `1` and `"1"` are different keys.
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        out.push(
          error(CODES.content.duplicateKey, `Duplicate key \`${String(key)}\`: the same key appears twice in one mapping.`, spanOf(file, pair.key), [
            'Delete or rename one of them; YAML would otherwise silently keep only the last value.',
          ]),
        );
      }
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      // A pair as a sequence item (`- a: b` inside a flow sequence, `[a: b]`).
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  return out;
}

/** A hint for the syntax errors people make most often in hand-written content files. */
function yamlHints(code: string, message: string): string[] {
  if (/quote/iu.test(message)) return ['Close the quoted text with the same mark it opens with (" or \'); inside "…" write \\" for a quote mark.'];
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return ['Check the indentation: nested fields use two more spaces than their parent, and tabs are not allowed.'];
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return [
        'A text containing ": " or starting with a special character must be quoted, or written as a block: `key: |` then the text indented on the next lines.',
      ];
    case 'TAB_AS_INDENT':
      return ['Replace the tab with spaces.'];
    default:
      return ['Quote text that contains ": ", "#", or starts with *, &, !, [, {, > or |.'];
  }
}
