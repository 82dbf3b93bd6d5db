import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { parseYaml } from '../../../src/content/read-yaml.ts';
import { fastParse } from '../../../src/content/yaml-fast-path.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { prng } from '../../faults/helpers.ts';

/** What the loader reads from a Document: node kinds, values, scalar types and all three range offsets. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isMap(node)) return { map: node.range, flow: node.flow ?? false, items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { seq: node.range, flow: node.flow ?? false, items: node.items.map((item) => shape(item)) };
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
    ['a flow mapping', 'a: {b: c}\n'],
    ['an empty flow mapping (an edition without settings)', 'title: "T"\nsettings: {}\n'],
    ['flow sequences and mappings nested, with spaces and a comment after', 'a: { b: c , d: [e, "f, g"] , h: [] }  # x\nz: [ x ,y ]\n'],
    [
      'a block sequence of flow mappings (project languages)',
      'languages:\n  - { code: sq, review: draft }\n  - { code: pl, review: reviewed, reviewedBy: Example reviewer, reviewedOn: "2026-11-20" }\nm: x\n',
    ],
    ['a sequence at its key’s indentation, then the next key', 'a:\n- x\n- "y"\nb: c\n'],
    ['a sequence in a nested mapping, closed by a dedent', 'a:\n  b:\n    - [x]\n    - y # c\nd: e\n'],
    ['an indented comment before a key at its indentation', 'a:\n  # c\n  b: c\n  # d\n  # e\n  f: g\n'],
    ['an indented comment before a key that closes a deeper mapping', 'a:\n  b:\n    x: y\n  # c\n  d: e\n'],
    ['an indented comment between sequence items', 'a:\n  - x\n  # c\n  - y\n'],
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
    ['a flow collection over several lines', 'a: [x,\n  y]\n'],
    ['a trailing comma in a flow collection', 'a: [x, y,]\n'],
    ['key:value in a flow mapping', 'a: {b:c}\n'],
    ['a key without a value in a flow mapping', 'a: {b}\n'],
    ['a number in a flow collection', 'a: [1, x]\n'],
    ['a colon in plain text in a flow collection', 'a: [https://x.org]\n'],
    ['an empty sequence item', 'a:\n  -\n  - x\n'],
    ['a mapping in a sequence item', 'a:\n  - b: c\n'],
    ['a block scalar as a sequence item', 'a:\n  - |\n    x\n'],
    ['a sequence at the top level', '- a\n- b\n'],
    ['a comment just before a sequence at its key’s indentation ends (its range takes the comment in)', 'a:\n- x\n# c\nb: y\n'],
    ['an indented comment just before its mapping ends', 'a:\n  b: c\n  # c\nd: e\n'],
    ['an indented comment at the end of the file', 'a:\n  b: c\n  # c\n'],
    ['an indented comment more indented than the value before it', 'a: b\n  # c\nd: e\n'],
    ['an indented comment before a key at another indentation', 'a:\n  b: c\n # c\n  d: e\n'],
    ['an anchor and alias', 'a: &x y\nb: *x\n'],
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

/**
 * Random documents in the shapes project and edition files take (nested mappings, block sequences, one-line flow
 * collections, quoted and plain text, comments at every indentation, blank lines, trailing spaces and comments),
 * with LF and CRLF line ends: whenever the fast path takes one, its Document must be the yaml package's.
 */
describe('YAML fast path: generated documents with sequences, flow collections and comments', () => {
  const random = prng(Number(process.env.RIGHTSPRINT_YAML_SEED ?? 1111));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const words = [
    'code',
    'ar',
    'zh-Hans',
    'draft',
    'card.title',
    'street_body',
    'Example reviewer',
    'Home Office',
    'two  spaces',
    'x',
    'null',
    'true',
    '12',
    'a-b',
  ];
  const scalar = (inFlow: boolean): string => {
    const r = random();
    if (r < 0.2) return `"${pick(['q', 'with, comma', 'say \\"hi\\"', '', 'é', '[x]', 'a: b'])}"`;
    if (r < 0.3) return `'${pick(['s', "it''s", '', '{y}'])}'`;
    if (!inFlow && r < 0.4) return pick(['plain text here', 'https://example.org/#x', 'a, b']);
    return pick(words);
  };
  const sp = () => pick(['', ' ', ' ', '  ']);
  const flowValue = (depth: number): string => {
    if (depth < 2 && chance(0.25)) return flowCollection(depth + 1);
    return scalar(true);
  };
  const flowCollection = (depth: number): string => {
    const n = pick([0, 1, 2, 3]);
    if (chance(0.5))
      return `[${sp()}${Array.from({ length: n }, () => flowValue(depth)).join(`${sp()},${sp()}`)}${n > 0 ? sp() : ''}]${chance(0.05) ? ',' : ''}`;
    const pairs = Array.from({ length: n }, () => `${pick(['a', 'b', 'heading', 'code', 'review'])}:${pick([' ', ' ', '  ', ''])}${flowValue(depth)}`);
    return `{${sp()}${pairs.join(`${sp()},${sp()}`)}${n > 0 ? sp() : ''}}`;
  };
  const comment = () => (chance(0.3) ? ` # ${pick(['c', 'note: x', '#'])}` : '');
  const inlineValue = (): string => {
    const r = random();
    if (r < 0.4) return flowCollection(0);
    return scalar(false);
  };
  /** Lines of a block mapping at `indent`. */
  const mapping = (indent: number, depth: number): string[] => {
    const lines: string[] = [];
    const pad = ' '.repeat(indent);
    const n = 1 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) {
      if (chance(0.25)) lines.push(`${' '.repeat(pick([0, indent, indent, indent + 2, Math.max(0, indent - 1)]))}# comment`);
      if (chance(0.15)) lines.push(pick(['', '  ']));
      const key = `${pick(['k', 'title', 'sections', 'languages', 'settings'])}${k}`;
      const r = random();
      if (depth < 3 && r < 0.25) {
        lines.push(`${pad}${key}:${chance(0.1) ? '  ' : ''}`);
        lines.push(...mapping(indent + pick([2, 2, 4]), depth + 1));
      } else if (depth < 3 && r < 0.5) {
        lines.push(`${pad}${key}:`);
        const itemIndent = indent + pick([0, 2, 2]);
        const items = 1 + Math.floor(random() * 3);
        for (let i = 0; i < items; i++) {
          if (chance(0.2)) lines.push(`${' '.repeat(pick([0, itemIndent, itemIndent + 2]))}# item comment`);
          lines.push(`${' '.repeat(itemIndent)}-${pick([' ', ' ', '  '])}${inlineValue()}${comment()}${chance(0.1) ? ' ' : ''}`);
        }
      } else if (r < 0.55) {
        lines.push(`${pad}${key}: ${pick(['|', '|-', '>'])}`, `${pad}  line one`, `${pad}  line two`);
      } else {
        lines.push(`${pad}${key}:${pick([' ', ' ', '  '])}${inlineValue()}${comment()}${chance(0.1) ? '  ' : ''}`);
      }
    }
    return lines;
  };

  /** Shapes a taken document should have, counted so the test shows it is not only taking the easy ones. */
  const FEATURES: Record<string, RegExp> = {
    'block sequence': /^ *- /mu,
    'sequence at its key’s indentation': /^(?<i> *)[a-z]+\d:\r?\n\k<i>- /mu,
    'flow sequence': /\[[^\]]/u,
    'flow mapping': /\{ *[a-z]+: /u,
    'nested flow collection': /[[{][^\]}\n]*[[{]/u,
    'indented comment line': /^ +# /mu,
    'comment after a flow collection': /[\]}] +# /u,
    'multi-word plain text in a flow collection': /[[{,] *(?:[a-z]+: +)?(?:Example reviewer|Home Office|two {2}spaces) *[,\]}]/u,
  };

  it('documents the fast path takes are the yaml package’s, node for node (LF and CRLF)', () => {
    let taken = 0;
    let generated = 0;
    const stats: Record<string, number> = {};
    for (let n = 0; n < 3000; n++) {
      const lines = mapping(0, 0);
      if (chance(0.2)) lines.push('# trailing');
      const lf = `${lines.join('\n')}${chance(0.9) ? '\n' : ''}`;
      for (const text of [lf, lf.replaceAll('\n', '\r\n')]) {
        generated++;
        const fast = fastParse(text);
        if (!fast) continue;
        const lc = new LineCounter();
        parseYaml(text, lc);
        const expected = full(text);
        expect(expected.doc.errors, text).toEqual([]);
        expect(view(fast, lc), JSON.stringify(text)).toEqual(view(expected.doc, expected.lineCounter));
        taken++;
        for (const [k, re] of Object.entries(FEATURES)) if (re.test(text)) stats[k] = (stats[k] ?? 0) + 1;
      }
    }
    if (process.env.RIGHTSPRINT_YAML_STATS) console.log({ generated, taken, stats });
    // Not vacuous: a good share of the generated documents take the fast path, with each of the shapes.
    expect(taken).toBeGreaterThan(generated / 5);
    for (const k of Object.keys(FEATURES)) expect(stats[k] ?? 0, k).toBeGreaterThan(20);
  });
});
