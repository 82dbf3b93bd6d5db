import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Folder imports run one way (docs/architecture.md, "Folders and what they may import"). This table is the rule;
 * the doc repeats it and a test below keeps the two the same. Rows run top to bottom: a folder may import only
 * folders of later rows, and only those named in its row. "(types only)" allows `import type` / `export type`
 * and nothing that runs. Type-only imports count like any other import: they couple folders just the same.
 *
 * Not folder edges: packages and `node:*`; `#platform`, the host seam (package.json `imports`: Node or browser),
 * which any folder may import; and data files outside src/, which must be JSON (schema/, locales/, fonts/).
 * One module outside src/ is code, imported from one folder only (SHARED_SCRIPTS).
 */

/**
 * Plain-JavaScript modules outside src/ that a src/ folder may import, and which folder. scripts/src-stamp.mjs
 * runs in bin/ before any TypeScript can (it picks the bundle or tsx); build/ takes its stamp as the engine hash
 * from the same module instance, so the source files are looked at once per process.
 */
const SHARED_SCRIPTS: ReadonlyMap<string, string> = new Map([['scripts/src-stamp.mjs', 'build']]);
const LAYERS: readonly (readonly [folder: string, mayImport: string])[] = [
  ['cli', 'build, materials, render, print, i18n, layout, text, platform, fonts, content, diagnostics'],
  ['web', 'engine, build, platform, fonts, content, diagnostics'],
  ['engine', 'build, materials, render, i18n, fonts, content, diagnostics'],
  ['build', 'materials, render, i18n, platform, fonts, content, diagnostics'],
  ['materials', 'print, i18n, layout, text, content, diagnostics'],
  ['render', 'layout (types only), text (types only), fonts, content, diagnostics'],
  ['print', 'layout, diagnostics'],
  ['i18n', 'text, platform, content, diagnostics'],
  ['layout', 'text (types only), content, diagnostics'],
  ['text', 'fonts, content, diagnostics'],
  ['platform', 'fonts, content, diagnostics'],
  ['fonts', 'content, diagnostics'],
  ['content', 'diagnostics'],
  ['diagnostics', '—'],
  ['types', '—'],
];

const ROOT = resolve(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

interface Rule {
  readonly rank: number;
  /** Folder → true when only type imports are allowed. */
  readonly allowed: ReadonlyMap<string, boolean>;
}

function parseRules(layers: typeof LAYERS): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  layers.forEach(([folder, cell], rank) => {
    const allowed = new Map<string, boolean>();
    for (const part of cell === '—' ? [] : cell.split(',')) {
      const m = /^\s*([a-z0-9-]+)( \(types only\))?\s*$/u.exec(part);
      if (!m) throw new Error(`bad cell in the row of ${folder}: ${part}`);
      allowed.set(m[1]!, m[2] !== undefined);
    }
    rules.set(folder, { rank, allowed });
  });
  return rules;
}

/** One module specifier of a file and whether the import is types only (erased when compiled). */
interface Specifier {
  readonly spec: string;
  readonly typeOnly: boolean;
}

/** Every import, re-export, dynamic import() and import('…') type of one file, read with the TypeScript parser. */
function specifiersOf(fileName: string, text: string): Specifier[] {
  const kind = fileName.endsWith('.ts') || fileName.endsWith('.mts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const out: Specifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      const typeOnly = node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ spec: node.argument.literal.text, typeOnly: true });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push({ spec: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The first folder under src/ of an absolute path, or undefined outside src/ (or a file directly in src/: ''). */
function folderOf(abs: string): string | undefined {
  const rel = relative(SRC, abs);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.includes(sep) ? rel.split(sep)[0]! : '';
}

/** Every import of `files` (absolute path → text) that the table does not allow, as `file → specifier: why`. */
function violations(files: ReadonlyMap<string, string>, layers = LAYERS): string[] {
  const rules = parseRules(layers);
  const found: string[] = [];
  for (const [abs, text] of files) {
    const from = folderOf(abs)!;
    const rule = rules.get(from);
    const name = relative(ROOT, abs).split(sep).join('/');
    if (!rule) {
      found.push(`${name}: folder src/${from} has no row in the import table`);
      continue;
    }
    for (const { spec, typeOnly } of specifiersOf(abs, text)) {
      if (spec === '#platform') continue;
      if (spec.startsWith('#')) {
        found.push(`${name} → ${spec}: unknown package import alias`);
        continue;
      }
      if (!spec.startsWith('.')) continue; // a package or node:*
      const target = resolve(dirname(abs), spec);
      const to = folderOf(target);
      if (to === undefined) {
        const shared = SHARED_SCRIPTS.get(relative(resolve(SRC, '..'), target).split(sep).join('/'));
        if (!spec.endsWith('.json') && shared !== from) found.push(`${name} → ${spec}: only JSON data may be imported from outside src/`);
        continue;
      }
      if (to === from) continue;
      const allowed = rule.allowed.get(to);
      if (allowed === undefined) found.push(`${name} → ${spec}: ${from}/ may not import ${to || 'src/'}`);
      else if (allowed && !typeOnly) found.push(`${name} → ${spec}: ${from}/ may import only types from ${to}/`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(m?ts|m?js)$/u.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The rows of the table under the doc's "Folders and what they may import" heading: folder → may-import cell. */
function docTable(): [string, string][] {
  const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const section = doc.split(/^## /mu).find((s) => s.startsWith('Folders and what they may import'));
  if (!section) throw new Error('docs/architecture.md has no section "Folders and what they may import"');
  return section
    .split('\n')
    .filter((l) => /^\| `[a-z0-9-]+\/` \|/u.test(l))
    .map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      return [cells[1]!.replace(/`|\//gu, ''), cells[2]!.replace(/`|\//gu, '')];
    });
}

describe('folder imports', () => {
  it('every import in src/ is one the table allows', () => {
    const files = new Map(sourceFiles(SRC).map((f) => [f, readFileSync(f, 'utf8')]));
    expect(files.size).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });

  it('every folder of src/ has a row, and the table lets imports run one way only', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(LAYERS.map(([f]) => f).sort()).toEqual(folders);
    const rules = parseRules(LAYERS);
    for (const [folder, rule] of rules) {
      for (const to of rule.allowed.keys()) {
        expect(rules.has(to), `${folder} → ${to}: no such row`).toBe(true);
        expect(rules.get(to)!.rank, `${folder} may import ${to}, which is not below it`).toBeGreaterThan(rule.rank);
      }
    }
  });

  it('docs/architecture.md states the same table', () => {
    expect(docTable()).toEqual(LAYERS.map(([f, c]) => [f, c]));
  });

  it('reports an upward import, a value import where only types are allowed, and a file outside the table', () => {
    const files = new Map([
      [join(SRC, 'text/a.ts'), "import { materials } from '../materials/index.ts';\nimport type { Frame } from '../layout/frame.ts';"],
      [
        join(SRC, 'render/b.ts'),
        "import type { Frame } from '../layout/frame.ts';\nimport { type Line } from '../text/types.ts';\nimport { mm } from '../layout/units.ts';",
      ],
      [
        join(SRC, 'layout/c.ts'),
        "export { languageInfo } from '../content/languages.ts';\nconst m = import('../build/job.ts');\nimport data from '../../package.json' with { type: 'json' };",
      ],
      [
        join(SRC, 'fonts/d.ts'),
        "let x: import('../text/types.ts').Line;\nimport { readFontFile } from '#platform';\nimport x from '#other';\nimport y from '../../bin/cli.mjs';\nimport { stampOnce } from '../../scripts/src-stamp.mjs';",
      ],
      [join(SRC, 'newfolder/e.ts'), "import { x } from '../content/load.ts';"],
    ]);
    expect(violations(files)).toEqual([
      'src/text/a.ts → ../materials/index.ts: text/ may not import materials',
      'src/text/a.ts → ../layout/frame.ts: text/ may not import layout',
      'src/render/b.ts → ../layout/units.ts: render/ may import only types from layout/',
      'src/layout/c.ts → ../build/job.ts: layout/ may not import build',
      'src/fonts/d.ts → ../text/types.ts: fonts/ may not import text',
      'src/fonts/d.ts → #other: unknown package import alias',
      'src/fonts/d.ts → ../../bin/cli.mjs: only JSON data may be imported from outside src/',
      'src/fonts/d.ts → ../../scripts/src-stamp.mjs: only JSON data may be imported from outside src/',
      'src/newfolder/e.ts: folder src/newfolder has no row in the import table',
    ]);
  });
});
