import { checkSchema, type Schema } from './check-schema.ts';
import type { LanguageHint } from './decode-text.ts';
import { MAX_CONTENT_FILE_BYTES, readYaml, type YamlFile } from './read-yaml.ts';
import type { ContentSource } from './source.ts';

/**
 * Parsed and schema-checked content files, remembered by their exact bytes: the web page reloads the content on
 * every settings change with only the edition file different, and parsing ~100 KB of YAML again would cost most of
 * a rebuild. Results are plain data the loader never mutates; changed bytes are a new entry.
 */
const parsed = new Map<string, YamlFile>();
const checked = new WeakMap<YamlFile, Map<Schema, ReturnType<typeof checkSchema>>>();
/** Entries kept at most (a content folder has a few dozen files; edits add one per version of a file). */
const MAX_ENTRIES = 400;
const latin1 = new TextDecoder('latin1');

/** One content file read through its source and parsed (readYaml), or the same result for the same bytes. */
export function parsedFile(source: ContentSource, rel: string, display: string, hint?: LanguageHint): YamlFile {
  const size = source.size(rel) ?? 0;
  let bytes: Uint8Array | undefined;
  const load = () => (bytes ??= source.read(rel) ?? new Uint8Array());
  const keyOf = (b: Uint8Array) => `${rel}\0${display}\0${hint?.language ?? ''}\0${hint?.script ?? ''}\0${latin1.decode(b)}`;
  // Looked up before parsing: the point of remembering is not to parse the same bytes again. A file over the size
  // limit is left to readYaml, which refuses it without reading it.
  if (size <= MAX_CONTENT_FILE_BYTES) {
    const hit = parsed.get(keyOf(load()));
    if (hit) return hit;
  }
  const file = readYaml(load, size, rel, display, hint);
  // Too large or undecodable: nothing worth remembering (and `load` may not even have run).
  if (!file.readable || bytes === undefined) return file;
  const key = keyOf(bytes);
  if (parsed.size >= MAX_ENTRIES) parsed.clear();
  parsed.set(key, file);
  return file;
}

/** checkSchema, once per parsed file and schema. */
export function checkedFile(file: YamlFile, schema: Schema): ReturnType<typeof checkSchema> {
  let bySchema = checked.get(file);
  if (!bySchema) checked.set(file, (bySchema = new Map()));
  let result = bySchema.get(schema);
  if (!result) bySchema.set(schema, (result = checkSchema(file, schema)));
  return result;
}
