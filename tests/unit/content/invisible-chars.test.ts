import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPair, isScalar, LineCounter, parseDocument, visit, type Node, type Pair } from 'yaml';
import { invisibleCharDiagnostics, scalarFindings } from '../../../src/content/invisible-chars.ts';
import type { YamlFile } from '../../../src/content/read-yaml.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { prng } from '../../faults/helpers.ts';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.ts';

function yamlFile(text: string, display = 'x.yaml'): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return { rel: display, display, text, doc, lineCounter, diagnostics: [], readable: true, fastPath: false };
}

/**
 * The check as it was written over the yaml package's `visit` (before the plain walk with its key stack and the
 * whole-file pre-check): the per-value findings are shared (scalarFindings); how scalars are reached and labelled,
 * which is what changed, is the old code's. The new one must give the same diagnostics in the same order.
 */
function reference(file: YamlFile, script?: string): Diagnostic[] {
  const labelOf = (path: readonly unknown[]) => {
    const keys = path.filter((p): p is Pair<Node, unknown> => isPair(p)).map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
    if (keys[0] === 'strings' && keys.length >= 2) return `\`${keys[1]}\`${keys.length > 2 && keys[2] !== 'text' ? ` (${keys.slice(2).join('.')})` : ''}`;
    return keys.length > 0 ? `\`${keys.join('.')}\`` : 'The file';
  };
  const out: Diagnostic[] = [];
  visit(file.doc, {
    Scalar(_key, node, path) {
      scalarFindings(file, node, () => labelOf(path), script, out);
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
