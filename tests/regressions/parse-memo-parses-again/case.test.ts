import { describe, expect, it, vi } from 'vitest';

/**
 * Bug: the content loader's memo (src/content/parse-memo.ts) looked a file's bytes up only after parsing them,
 * so every reload parsed every YAML file again — the web page reloads the content on each settings change, and a
 * warm rebuild paid for parsing ~600 KB of YAML it had already parsed. The same bytes must not be parsed twice.
 */
const calls = vi.hoisted(() => ({ parse: 0 }));
// Counted at readYaml (decode and parse, by the fast path or the yaml package): the memo must not reach it again.
vi.mock('../../../src/content/read-yaml.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/content/read-yaml.ts')>();
  return {
    ...original,
    readYaml: (...args: Parameters<typeof original.readYaml>) => {
      calls.parse++;
      return original.readYaml(...args);
    },
  };
});

const { parsedFile } = await import('../../../src/content/parse-memo.ts');
const { memorySource } = await import('../../../src/content/source.ts');

describe('regression: the parse memo does not parse the same bytes again', () => {
  it('parses a file once for the same bytes, and again when they change', () => {
    const text = (v: string) => new TextEncoder().encode(`# memo regression ${Math.random()}\nversion: "${v}"\n`);
    const first = text('2026.1');
    const before = calls.parse;
    const a = parsedFile(memorySource(new Map([['project.yaml', first]])), 'project.yaml', 'content/project.yaml');
    const b = parsedFile(memorySource(new Map([['project.yaml', first.slice()]])), 'project.yaml', 'content/project.yaml');
    expect(calls.parse - before).toBe(1);
    expect(b).toBe(a);
    const c = parsedFile(memorySource(new Map([['project.yaml', text('2026.2')]])), 'project.yaml', 'content/project.yaml');
    expect(calls.parse - before).toBe(2);
    expect(c).not.toBe(a);
    expect(c.readable && c.text).toContain('2026.2');
  });
});
