import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_KEYWORDS, type Schema } from '../../../src/content/check-schema.ts';
import { loadContent, schemaFor, type ContentKind } from '../../../src/content/load.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { FIXTURES } from '../cli/helpers.ts';

const KINDS: ContentKind[] = ['project', 'guidance', 'translation', 'edition', 'history'];

/** Every nested schema object, with its JSON pointer. */
function walk(s: Schema, path = '#'): [string, Schema][] {
  const out: [string, Schema][] = [[path, s]];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...walk(v, `${path}/properties/${k}`));
  for (const [k, v] of Object.entries(s.definitions ?? {})) out.push(...walk(v, `${path}/definitions/${k}`));
  if (s.items) out.push(...walk(s.items, `${path}/items`));
  if (typeof s.additionalProperties === 'object') out.push(...walk(s.additionalProperties, `${path}/additionalProperties`));
  return out;
}

describe('JSON Schemas (schema/*.schema.json)', () => {
  it.each(KINDS)('%s: draft-07, only keywords the loader implements, every property described', (kind) => {
    const schema = schemaFor(kind) as Schema & { $schema?: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    for (const [path, node] of walk(schema)) {
      for (const key of Object.keys(node)) expect(SUPPORTED_KEYWORDS.has(key), `${path}: ${key}`).toBe(true);
      if (node.$ref) expect(schema.definitions?.[node.$ref.replace('#/definitions/', '')], `${path}: ${node.$ref}`).toBeDefined();
    }
    for (const [path, node] of walk(schema)) {
      if (!path.includes('/properties/')) continue;
      const target = node.$ref ? schema.definitions![node.$ref.replace('#/definitions/', '')]! : node;
      expect(node.description ?? target.description ?? (target.type === 'object' ? 'object' : undefined), path).toBeDefined();
    }
  });

  it('the loader model and the project schema agree on required fields and defaults', () => {
    const project = schemaFor('project');
    expect([...(project.required ?? [])].sort()).toEqual(['date', 'languages', 'materials', 'settings', 'sourceLanguage', 'version']);
    // Optional in the schema ⇒ the loader has a default for it.
    const { content } = loadContent(join(FIXTURES, 'content-basic'));
    expect(content?.project.policy).toBeDefined();
    expect(content?.project.officerLanguage).toBe('en');
  });

  it('the fixture and the shipped content validate against the schemas with no RP1xxx problems', () => {
    for (const dir of [join(FIXTURES, 'content-basic'), join(REPO_ROOT, 'content')]) {
      if (!existsSync(join(dir, 'project.yaml'))) continue;
      const { diagnostics } = loadContent(dir);
      expect(
        diagnostics.filter((d) => d.code.startsWith('RP1') || d.severity === 'error'),
        dir,
      ).toEqual([]);
    }
  });

  it('shipped content files point editors at the right schema', () => {
    const root = join(REPO_ROOT, 'content');
    if (!existsSync(join(root, 'project.yaml'))) return;
    const files: [string, ContentKind][] = [
      ['project.yaml', 'project'],
      ['guidance/en.yaml', 'guidance'],
    ];
    const kinds = { translations: 'translation', editions: 'edition', history: 'history' } as const;
    for (const sub of ['translations', 'editions', 'history'] as const) {
      if (!existsSync(join(root, sub))) continue;
      for (const f of readdirSync(join(root, sub)).filter((n) => n.endsWith('.yaml'))) files.push([`${sub}/${f}`, kinds[sub]]);
    }
    for (const [rel, kind] of files) {
      const first = readFileSync(join(root, rel), 'utf8')
        .split('\n')
        .find((l) => l.includes('yaml-language-server'));
      const ref = first?.match(/\$schema=(\S+)/u)?.[1];
      expect(ref, `${rel} has no $schema comment`).toBeDefined();
      expect(resolve(dirname(join(root, rel)), ref!)).toBe(join(REPO_ROOT, 'schema', `${kind}.schema.json`));
    }
  });
});
