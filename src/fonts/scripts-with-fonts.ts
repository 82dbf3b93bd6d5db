import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../i18n/languages.ts';

let cached: ReadonlySet<string> | undefined;

/**
 * ISO 15924 scripts that have a default font stack in fonts/manifest.json, read without opening any font: what
 * content validation needs to tell "this language's script has no font" before anything is laid out.
 */
export function scriptsWithFonts(): ReadonlySet<string> {
  cached ??= new Set(
    Object.entries((JSON.parse(readFileSync(join(REPO_ROOT, 'fonts', 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> }).stacks)
      .filter(([, families]) => Array.isArray(families))
      .map(([script]) => script),
  );
  return cached;
}
