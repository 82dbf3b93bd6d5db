import { readFileSync, statSync } from 'node:fs';
import type { LanguageHint } from '../content/decode-text.ts';
import { readYaml, type YamlFile } from '../content/read-yaml.ts';

/** readYaml over a file on disk (benches and tests; the loader reads through its ContentSource). */
export function readYamlFile(absPath: string, rel: string, display: string, hint?: LanguageHint): YamlFile {
  return readYaml(() => readFileSync(absPath), statSync(absPath).size, rel, display, hint);
}
