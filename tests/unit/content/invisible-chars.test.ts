import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPair, isScalar, LineCounter, parseDocument, visit, type Node, type Pair } from 'yaml';
import { INVISIBLE_CHARS, invisibleCharDiagnostics } from '../../../src/content/invisible-chars.ts';
import { spanAt, type YamlFile } from '../../../src/content/read-yaml.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { prng } from '../../faults/helpers.ts';
import { error, warning, type Diagnostic } from '../../../src/diagnostics/diagnostic.ts';
import { CODES } from '../../../src/diagnostics/codes.ts';

function yamlFile(text: string, display = 'x.yaml'): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return { rel: display, display, text, doc, lineCounter, diagnostics: [], readable: true, fastPath: false };
}

/**
 * The check as it was written over the yaml package's `visit` (before the plain walk and the whole-file pre-check),
 * copied as it was: the new one must give the same diagnostics in the same order.
 */
function reference(file: YamlFile, script?: string): Diagnostic[] {
  const CHECKED = new RegExp(
    `[${INVISIBLE_CHARS.filter((c) => c.action !== 'allow')
      .map((c) => `\\u{${c.from.toString(16)}}-\\u{${c.to.toString(16)}}`)
      .join('')}]`,
    'gu',
  );
  const entryFor = (cp: number) => INVISIBLE_CHARS.find((c) => cp >= c.from && cp <= c.to);
  const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const labelOf = (path: readonly unknown[]) => {
    const keys = path.filter((p): p is Pair<Node, unknown> => isPair(p)).map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
    if (keys[0] === 'strings' && keys.length >= 2) return `\`${keys[1]}\`${keys.length > 2 && keys[2] !== 'text' ? ` (${keys.slice(2).join('.')})` : ''}`;
    return keys.length > 0 ? `\`${keys.join('.')}\`` : 'The file';
  };
  const out: Diagnostic[] = [];
  visit(file.doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'string' || !node.range) return;
      CHECKED.lastIndex = 0;
      const any = CHECKED.test(node.value);
      CHECKED.lastIndex = 0;
      if (!any) return;
      const [start, end] = node.range;
      const raw = file.text.slice(start, end);
      const found = new Map<number, { offset: number; count: number }>();
      for (const m of raw.matchAll(CHECKED)) {
        const cp = m[0].codePointAt(0)!;
        const seen = found.get(cp);
        if (seen) seen.count += 1;
        else found.set(cp, { offset: start + m.index, count: 1 });
      }
      for (const m of node.value.matchAll(CHECKED)) {
        const cp = m[0].codePointAt(0)!;
        if (found.has(cp)) continue;
        const hex = cp.toString(16);
        const escape = new RegExp(`\\\\(?:u${hex.padStart(4, '0')}|U${hex.padStart(8, '0')})`, 'iu').exec(raw);
        found.set(cp, { offset: start + (escape?.index ?? 0), count: 0 });
      }
      const label = labelOf(path);
      for (const [cp, { offset, count }] of found) {
        const entry = entryFor(cp)!;
        if (entry.allowedIn && script !== undefined && entry.allowedIn.includes(script)) continue;
        const times = count > 1 ? `${count} × ` : '';
        const what = `${times}${codePoint(cp)} ${entry.name}`;
        const span = spanAt(file, offset);
        if (entry.action === 'error') {
          out.push(
            error(CODES.content.bidiControl, `${label} contains ${what}, an invisible bidi control: ${entry.why}.`, span, [
              `Delete it (in VS Code: Find with regular expressions on, search \\u${cp.toString(16)}). rightsprint sets the direction of mixed-script text itself.`,
            ]),
          );
        } else {
          out.push(
            warning(CODES.content.invisibleChar, `${label} contains ${what}, which a translator cannot see: ${entry.why}.`, span, [
              `Delete it unless you put it there on purpose (in VS Code: Find with regular expressions on, search \\u${cp.toString(16)}).`,
            ]),
          );
        }
      }
    },
  });
  return out;
}

describe('invisible characters: the plain walk reports what the visit-based check reported', () => {
  it('every shipped content file and fixture, with each language script the loader would pass', () => {
    const files = ['content', 'tests/fixtures'].flatMap((d) =>
      readdirSync(join(REPO_ROOT, d), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(REPO_ROOT, d, f)),
    );
    for (const path of files) {
      const file = yamlFile(readFileSync(path, 'utf8'), relative(REPO_ROOT, path));
      for (const script of [undefined, 'Latn', 'Arab', 'Thai', 'Sinh']) {
        const want = reference(file, script);
        expect(invisibleCharDiagnostics(file, script), `${path} ${script}`).toEqual(want);
      }
    }
    expect(files.length).toBeGreaterThan(50);
  });

  it('generated files: characters written and escaped, in keys, values, lists and nested mappings', () => {
    const random = prng(2606);
    const chars = ['\u200B', '\u200C', '\u200D', '\u202E', '\u2067', '\uFEFF', '\u00AD', '\u2060', 'a', ' ', 'ب'];
    const escapes = ['\\u200B', '\\u202e', '\\U00002067', '\\uFEFF', '\\"', '\\\\', '\\n'];
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const text = (n: number, quoted: boolean) => Array.from({ length: n }, () => (quoted && random() < 0.3 ? pick(escapes) : pick(chars))).join('');
    let reported = 0;
    for (let n = 0; n < 300; n++) {
      const value = () => (random() < 0.5 ? `"${text(1 + Math.floor(random() * 6), true)}"` : `x${text(1 + Math.floor(random() * 6), false).trim()}x`);
      const yaml = [
        `language: ${value()}`,
        'strings:',
        `  k${n}:`,
        `    text: ${value()}`,
        `    note: ${value()}`,
        `  "key${pick(chars)}": ${value()}`,
        `list: [${value()}, ${value()}]`,
        'deep:',
        '  - a: { b: ' + value() + ' }',
      ].join('\n');
      const file = yamlFile(`${yaml}\n`);
      if (file.doc.errors.length > 0) continue;
      const script = pick([undefined, 'Arab', 'Thai']);
      const want = reference(file, script);
      reported += want.length;
      expect(invisibleCharDiagnostics(file, script), yaml).toEqual(want);
    }
    expect(reported).toBeGreaterThan(100);
  });
});
