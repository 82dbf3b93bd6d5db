import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { checkSchema, type Schema } from './check-schema.ts';
import type { LanguageHint } from './decode-text.ts';
import { invisibleCharDiagnostics } from './invisible-chars.ts';
import { MAX_CONTENT_FILE_BYTES, readYaml, type YamlFile } from './read-yaml.ts';
import type { ContentSource } from './source.ts';

/**
 * Parsed and schema-checked content files, remembered by their exact bytes: the web page reloads the content on
 * every settings change with only the edition file different, and parsing ~100 KB of YAML again would cost most of
 * a rebuild. Results are plain data the loader never mutates; changed bytes are a new entry.
 * Looked up by where the file is and how it is shown (`rel`, `display`, the language hint: they are in its
 * diagnostics), then by comparing the bytes themselves: a key made of the bytes (decoding ~600 KB of content to a
 * latin1 string per load) cost more than the comparison.
 */
const parsed = new Map<string, { readonly bytes: Uint8Array; readonly file: YamlFile }[]>();
const checked = new WeakMap<YamlFile, Map<Schema, ReturnType<typeof checkSchema>>>();
const invisible = new WeakMap<YamlFile, Map<string | undefined, readonly Diagnostic[]>>();
/** Entries kept at most (a content folder has a few dozen files; edits add one per version of a file). */
const MAX_ENTRIES = 400;
let entries = 0;

/** One content file read through its source and parsed (readYaml), or the same result for the same bytes. */
export function parsedFile(source: ContentSource, rel: string, display: string, hint?: LanguageHint): YamlFile {
  const size = source.size(rel) ?? 0;
  let bytes: Uint8Array | undefined;
  const load = () => (bytes ??= source.read(rel) ?? new Uint8Array());
  const where = `${rel}\0${display}\0${hint?.language ?? ''}\0${hint?.script ?? ''}`;
  // Looked up before parsing: the point of remembering is not to parse the same bytes again. A file over the size
  // limit is left to readYaml, which refuses it without reading it.
  if (size <= MAX_CONTENT_FILE_BYTES) {
    const b = load();
    const hit = parsed.get(where)?.find((e) => sameBytes(e.bytes, b));
    if (hit) return hit.file;
  }
  const file = readYaml(load, size, rel, display, hint);
  // Too large or undecodable: nothing worth remembering (and `load` may not even have run).
  if (!file.readable || bytes === undefined) return file;
  if (entries >= MAX_ENTRIES) {
    parsed.clear();
    entries = 0;
  }
  // A copy: a memory source hands out the arrays it holds, which their owner could change in place later.
  const entry = { bytes: bytes.slice(), file };
  const versions = parsed.get(where);
  if (versions) versions.push(entry);
  else parsed.set(where, [entry]);
  entries++;
  return file;
}

/** Whether two byte arrays hold the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** checkSchema, once per parsed file and schema. */
export function checkedFile(file: YamlFile, schema: Schema): ReturnType<typeof checkSchema> {
  let bySchema = checked.get(file);
  if (!bySchema) checked.set(file, (bySchema = new Map()));
  let result = bySchema.get(schema);
  if (!result) bySchema.set(schema, (result = checkSchema(file, schema)));
  return result;
}

/** invisibleCharDiagnostics, once per parsed file and script (a build loads the files of its languages twice). */
export function invisibleFindings(file: YamlFile, script: string | undefined): readonly Diagnostic[] {
  let byScript = invisible.get(file);
  if (!byScript) invisible.set(file, (byScript = new Map()));
  let result = byScript.get(script);
  if (!result) byScript.set(script, (result = invisibleCharDiagnostics(file, script)));
  return result;
}
