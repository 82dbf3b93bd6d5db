import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { parseYaml } from '../../../src/content/read-yaml.ts';
import { fastParse } from '../../../src/content/yaml-fast-path.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';

/** What the loader reads from a Document: node kinds, values, scalar types and all three range offsets. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isMap(node)) return { map: node.range, items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isScalar(node)) return { value: node.value, type: node.type, range: node.range, source: node.source };
  return { other: String(node) };
}
const full = (text: string) => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  return { doc, lineCounter };
};
const view = (doc: Document.Parsed, lc: LineCounter) => ({
  contents: shape(doc.contents),
  range: doc.range,
  errors: doc.errors.length + doc.warnings.length,
  json: doc.toJSON() as unknown,
  lines: lc.lineStarts,
});

/** Asserts the fast path gives exactly what parseDocument gives, or declines; returns whether it took the file. */
function same(text: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const lineCounter = new LineCounter();
  const { doc: viaRead, fastPath } = parseYaml(text, lineCounter);
  expect(fastPath).toBe(true);
  const expected = full(text);
  expect(expected.doc.errors).toEqual([]);
  expect(view(viaRead, lineCounter)).toEqual(view(expected.doc, expected.lineCounter));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/u.test(f))
    .map((f) => join(dir, f));
}

describe('YAML fast path (issue #11): the same Document as the yaml package, or none', () => {
  it('every shipped content, locale and fixture file: identical values, types, ranges and line starts', () => {
    const files = ['content', 'locales', 'tests/fixtures'].flatMap((d) => yamlFiles(join(REPO_ROOT, d)));
    const taken = files.filter((f) => same(readFileSync(f, 'utf8'))).map((f) => relative(REPO_ROOT, f));
    // Not vacuous: the guidance and every translation (the files that grow) take the fast path.
    expect(taken).toContain('content/guidance/en.yaml');
    const translations = readdirSync(join(REPO_ROOT, 'content/translations'));
    expect(translations.length).toBeGreaterThan(40);
    for (const t of translations) expect(taken).toContain(`content/translations/${t}`);
  });

  it('the same files saved with Windows line ends (CRLF): identical Documents, offsets counted in the CRLF text', () => {
    const files = ['content', 'locales', 'tests/fixtures'].flatMap((d) => yamlFiles(join(REPO_ROOT, d)));
    const crlf = (f: string) => readFileSync(f, 'utf8').replace(/\r?\n/gu, '\r\n');
    const taken = files.filter((f) => same(crlf(f))).map((f) => relative(REPO_ROOT, f));
    expect(taken).toContain('content/guidance/en.yaml');
    for (const t of readdirSync(join(REPO_ROOT, 'content/translations'))) expect(taken).toContain(`content/translations/${t}`);
  });

  const taken: [string, string][] = [
    ['CRLF line ends', 'a: b\r\nc:\r\n  d: "x"\r\n  e: |-\r\n    l1\r\n\r\n    l2\r\n  f: >\r\n    x\r\n    y\r\ng: h'],
    ['mixed CRLF and LF line ends', 'a: b\r\nc: d\ne: |\r\n  x\n  y\r\n'],
    ['trailing spaces and comments', 'a: b  \nc:\n  d: "x y" # c\n  e: |-\n    l1\n\n    l2\n\n  f: plain # x\n# end\n\n'],
    ['no final newline after plain', 'a: b'],
    ['no final newline after a block', 'a: |\n  x\n  y'],
    ['clip block with trailing blank lines', 'a: |\n  x\n\n\nb: c\n'],
    ['block with leading blank lines and deeper lines', 'a: |-\n\n  x\n    y\n  z\nb: c\n'],
    ['folded blocks: lines joined, empty lines kept, clip and strip', 'a: >-\n  one\n  two \n\n\n  three\n  four\nb: >\n\n  x\n  y\n\nc: d\n'],
    ['nested maps closing two levels at once', 'a:\n  b:\n    c: d\n    e: f\ng: h\n'],
    ['comment lines between entries and before the first key', '# head\n\na:\n  b: c\n# mid\n  d: e\n'],
    ['a comment at the start of a line after a block, inside a nested mapping', 'a:\n  b: |-\n    text\n# comment\n  c: d\n'],
    ['line and paragraph separators, NEL and no-break spaces are text', 'a: x\u2028y\u0085z\u00a0\nb: "x\u2029y"\nc: |\n  x\u2028y\n'],
    ['escapes in double quotes', 'a: "q\\" \\\\ \\n \\t \\u00e9 \\U0001F600 \\x41 \\/ \\_ \\N \\0"\n'],
    ['single quotes with doubled quote', "a: 'it''s # not a comment'\n"],
    ['plain text with colons, hashes and brackets inside', 'a: see https://x.org/#a, [b] {c} fine:ok\n'],
    ['non-ASCII keys are left alone, values kept', 'a: حقوقك\nb: "ردّ"\n'],
    ['a repeated key (reported later by duplicateKeys)', 'a: b\na: c\n'],
    ['keys with dots, dashes and underscores', 'card.rights: x\nzh-Hans: y\n_k: z\n'],
  ];
  it.each(taken)('takes and matches: %s', (_name, text) => {
    expect(same(text)).toBe(true);
  });

  const declined: [string, string][] = [
    ['a number', 'a: 12\n'],
    ['a boolean', 'a: true\n'],
    ['null', 'a: ~\n'],
    ['an empty value', 'a:\nb: c\n'],
    ['a float-looking version', 'version: 2026.1\n'],
    ['a numeric key', '1: a\n'],
    ['a key named null', 'null: a\n'],
    ['a tag', 'a: !!js/function "x"\n'],
    ['an anchor and alias', 'a: &x y\nb: *x\n'],
    ['a flow mapping', 'a: {b: c}\n'],
    ['a sequence', 'a:\n  - b\n'],
    ['a folded block with a more-indented line', 'a: >-\n  x\n    y\n'],
    ['a keep block', 'a: |+\n  x\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a comment on a block header', 'a: |- # c\n  x\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line double-quoted scalar', 'a: "b\n  c"\n'],
    ['an unclosed quote', 'a: "b\n'],
    ['text after a closing quote', 'a: "b" c\n'],
    ['a comment without a space before it', 'a: "b"#c\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['a mapping in a plain value', 'a: b: c\n'],
    ['a tab', 'a:\tb\n'],
    ['a CR that ends no line', 'a: b\rc: d\n'],
    ['a byte-order mark', '\ufeffa: b\n'],
    ['a document marker', '---\na: b\n'],
    ['a bad dedent', 'a:\n    b: c\n  d: e\n'],
    ['an indented comment', 'a:\n  # c\n  b: c\n'],
    ['a block line of spaces only', 'a: |\n  x\n   \n  y\n'],
    ['a top level that is not a mapping', 'just text\n'],
    ['an empty file', ''],
    ['an over-long key', `${'k'.repeat(300)}: v\n`],
  ];
  it.each(declined)('declines: %s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('the bench shapes take the fast path (smaller here: a long double-quoted string and many keys)', () => {
    const words = 'You can stay silent and ask for a lawyer '.repeat(50);
    expect(same(`language: en\nstrings:\n  card.rights: "${words.repeat(100)}"\n`)).toBe(true);
    expect(same(`language: en\nstrings:\n${Array.from({ length: 2000 }, (_, i) => `  k${i}: "${words.slice(0, 90)}"`).join('\n')}\n`)).toBe(true);
  });
});
