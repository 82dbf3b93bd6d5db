/**
 * `rightsprint --help` and a mistyped command must start fast (issue #12: --help ≤ 0.15 s): the CLI's entry loads
 * each command on demand, so what src/cli/main.ts imports statically is all that `--help` evaluates (the bundle
 * keeps the same graph). Walks main.ts's value imports (not `import type`) and checks that none of them reaches
 * the content loader, the engine or a heavy dependency. Before, main.ts imported UsageError from args.ts, which
 * pulled in plan-jobs → localize → the YAML loader and i18next.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');

/** Value imports and re-exports of one file: relative ones resolved to paths, packages by name. */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gmu)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) files.push(resolve(dirname(file), spec));
    else if (!spec.startsWith('node:')) packages.push(spec);
  }
  return { files, packages };
}

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const found = importsOf(file);
    for (const p of found.packages) packages.add(p);
    for (const f of found.files) visit(f);
  };
  visit(entry);
  return { files, packages };
}

describe('the CLI entry', () => {
  it('statically loads no content loader, engine or heavy package (commands load on demand)', () => {
    const { files, packages } = staticGraph(resolve(SRC, 'cli/main.ts'));
    const rel = [...files].map((f) => f.slice(SRC.length + 1)).sort();
    expect(rel).toContain('cli/usage-error.ts');
    expect(rel.filter((f) => /^(content|i18n|text|layout|materials|render|fonts|build)\//u.test(f))).toEqual([]);
    expect([...packages]).toEqual([]);
  });
});
