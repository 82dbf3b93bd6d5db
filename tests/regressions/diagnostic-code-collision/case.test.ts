import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Regression: the PDF writer and the print policy were both given RP5001–RP5005, so `RP5003` meant both
 * "placeholder setting" and "unsupported SVG". Codes are stable identifiers users search for; each must be
 * declared once, under one name, across every code table in src/.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('diagnostic codes', () => {
  it('each RPnnnn code is declared by exactly one named constant', () => {
    const declared = new Map<string, string[]>();
    for (const file of sourceFiles(join(import.meta.dirname, '../../../src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(\w+):\s*'(RP\d{4})'/g)) {
        const where = `${file.split('/src/')[1]}:${m[1]}`;
        declared.set(m[2]!, [...(declared.get(m[2]!) ?? []), where]);
      }
    }
    expect(declared.size).toBeGreaterThan(20);
    const clashes = [...declared].filter(([, names]) => names.length > 1);
    expect(clashes).toEqual([]);
  });
});
