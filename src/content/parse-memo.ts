import { checkSchema, type Schema } from './check-schema.ts';
import { parseYaml, type YamlFile } from './read-yaml.ts';

/**
 * Parsed and schema-checked content files, remembered by their exact text: the web page reloads the content on
 * every settings change with only the edition file different, and parsing ~100 KB of YAML again would cost most of
 * a rebuild. Results are plain data never mutated by the loader; a changed text is a new entry.
 */
const memo = new Map<string, { readonly file: YamlFile; readonly checked: ReturnType<typeof checkSchema> }>();
/** Entries kept at most (a content folder has a few dozen files; edits add one per version of a file). */
const MAX_ENTRIES = 400;

export function parsedFile(text: string, rel: string, display: string, schema: Schema): { readonly file: YamlFile; readonly checked: ReturnType<typeof checkSchema> } {
  const key = `${rel}\0${display}\0${text}`;
  let hit = memo.get(key);
  if (!hit) {
    const file = parseYaml(text, rel, display);
    hit = { file, checked: checkSchema(file, schema) };
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(key, hit);
  }
  return hit;
}
