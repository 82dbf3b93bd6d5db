/**
 * The one table of diagnostic codes (src/diagnostics/codes.ts) stays the only one, and every code in it is
 * declared once, in its namespace's range, documented in the README and emitted by at least one test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, RETIRED_CODES, type CodeNamespace } from '../../../src/diagnostics/codes.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SELF = relative(ROOT, import.meta.filename);

/** Each namespace's range: a code outside it is in the wrong group (or collides with another helper's block). */
const RANGES: Record<CodeNamespace, RegExp> = {
  content: /^RP10\d\d$/u,
  i18n: /^RP20[0-5]\d$/u,
  exchange: /^RP26\d\d$/u,
  layout: /^RP3\d{3}$/u,
  fonts: /^RP4\d{3}$/u,
  policy: /^RP5\d{3}$/u,
  render: /^RP6\d{3}$/u,
  output: /^RP7\d{3}$/u,
  web: /^RP80\d{2}$/u,
};

const declared = Object.entries(CODES).flatMap(([ns, table]) =>
  Object.entries(table).map(([name, code]) => ({ ns: ns as CodeNamespace, name, code: code as string })),
);

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter(keep);
}

/** Source text without its comments (which may cite codes in backticks). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/^\s*\/\/.*$/gmu, '');
}

/** The code column of every README table row that starts with a code (the main table and the RP26xx one). */
function readmeRows(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| *(RP[^ |]*) *\|/gmu)].map((m) => m[1]!);
}

describe('diagnostic codes', () => {
  it("are declared once each, well-formed, in their namespace's range, and never a retired code", () => {
    const seen = new Map<string, string>();
    for (const { ns, name, code } of declared) {
      expect(code, `${ns}.${name}`).toMatch(RANGES[ns]);
      expect(seen.get(code), `${code} declared as ${seen.get(code)} and as ${ns}.${name}`).toBeUndefined();
      seen.set(code, `${ns}.${name}`);
      expect(RETIRED_CODES, `${ns}.${name} reuses retired ${code}`).not.toContain(code);
    }
    expect(seen.size).toBeGreaterThan(70);
  });

  it('are declared in no other source file (no module keeps its own table or a code literal)', () => {
    const offenders = files('src', (p) => /\.(ts|mjs|js)$/u.test(p) && p !== join('src', 'diagnostics', 'codes.ts')).flatMap((p) =>
      [...withoutComments(readFileSync(join(ROOT, p), 'utf8')).matchAll(/['"`]RP\d{4}['"`]/gu)].map((m) => `${p}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('each have exactly one row in the README, and every README row is a declared code', () => {
    // A block row such as `RP26xx` only points at the section that lists that block code by code.
    const rows = readmeRows().filter((r) => !/^RP\d\dxx$/u.test(r));
    for (const row of rows) expect(row, `README row ${row} is one code, not a range`).toMatch(/^RP\d{4}$/u);
    const codes = declared.map((d) => d.code);
    expect(
      rows.filter((r) => !codes.includes(r)),
      'README rows that are not declared codes',
    ).toEqual([]);
    for (const code of codes) expect(rows.filter((r) => r === code).length, `README rows for ${code}`).toBe(1);
  });

  it('are each emitted by at least one test (asserted by their code or by their symbolic name)', () => {
    // Comments do not count: a code must appear in a test's code (an assertion, an expected output, a filter).
    const tests = files('tests', (p) => /\.(ts|mjs)$/u.test(p) && p !== SELF).map((p) => withoutComments(readFileSync(join(ROOT, p), 'utf8')));
    const corpus = tests.join('\n');
    const unemitted = declared
      .filter(({ ns, name, code }) => !new RegExp(`\\b${code}\\b`, 'u').test(corpus) && !corpus.includes(`CODES.${ns}.${name}`))
      .map(({ ns, name, code }) => `${code} (${ns}.${name})`);
    expect(unemitted).toEqual([]);
  });
});
