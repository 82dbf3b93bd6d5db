import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';

/** One parsed YAML file, with what is needed to turn offsets into `file:line:col`. */
export interface YamlFile {
  /** Path relative to the content folder, with forward slashes, e.g. `translations/ar.yaml`. */
  readonly rel: string;
  /** Path as shown to the user (the content folder as given on the command line, joined with `rel`). */
  readonly display: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Syntax and duplicate-key problems. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Where an offset of the file is, as editors count (1-based line and column). */
export function spanAt(file: Pick<YamlFile, 'display' | 'lineCounter'>, offset: number): SourceSpan {
  const { line, col } = file.lineCounter.linePos(offset);
  return { file: file.display, line, col };
}

/** Where a node starts; the start of the file for a node the parser could not place. */
export function spanOf(file: Pick<YamlFile, 'display' | 'lineCounter'>, node: Node | null | undefined): SourceSpan {
  return spanAt(file, node?.range?.[0] ?? 0);
}

/**
 * Parses one YAML file's text (the loader reads it through a ContentSource). Keys must be unique (a repeated key is reported, not silently overwritten).
 * Syntax errors become diagnostics at the parser's position; the partial document is still returned so the
 * rest of the file can be checked in the same run.
 */
export function parseYaml(text: string, rel: string, display: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const file = { rel, display, lineCounter };
  const diagnostics = [...doc.errors, ...doc.warnings].map((e): Diagnostic => {
    const span = spanAt(file, e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/u, '');
    if (e.code === 'DUPLICATE_KEY') {
      const key = text.slice(e.pos[0]).split('\n')[0]!.split(':')[0]?.trim().replace(/^["']|["']$/gu, '');
      return error(CODES.duplicateKey, `Duplicate key${key ? ` \`${key}\`` : ''}: the same key appears twice in one mapping.`, span, [
        'Delete or rename one of them; YAML would otherwise silently keep only the last value.',
      ]);
    }
    return error(CODES.yamlSyntax, `YAML syntax error: ${message}`, span, yamlHints(e.code, message));
  });
  return { ...file, text, doc, diagnostics };
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
      return ['A text containing ": " or starting with a special character must be quoted, or written as a block: `key: |` then the text indented on the next lines.'];
    case 'TAB_AS_INDENT':
      return ['Replace the tab with spaces.'];
    default:
      return ['Quote text that contains ": ", "#", or starts with *, &, !, [, {, > or |.'];
  }
}
