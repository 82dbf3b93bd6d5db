import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { spanOf, type YamlFile } from './read-yaml.ts';

/**
 * The subset of JSON Schema draft-07 that schema/*.schema.json use. The loader checks content with those same
 * files, so what VS Code underlines and what `rightsprint check` reports cannot drift apart.
 */
export interface Schema {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly propertyNames?: { readonly pattern: string };
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly minLength?: number;
  /** Longest text allowed, in UTF-16 code units (JSON Schema counts code points; the two agree except for astral characters, where ours is stricter). */
  readonly maxLength?: number;
  readonly definitions?: Readonly<Record<string, Schema>>;
}

/** The schema keywords the checker understands; a schema using any other is a programming error (tested). */
export const SUPPORTED_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'definitions',
]);

export interface SchemaResult {
  /** Plain value with every invalid part left out; strings NFC-normalised. */
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Dotted path within the file → the offset where its value starts (`<path>#key`: where its key starts), placed
   * as `file:line:col` only when asked (content-spans.ts): a diagnostic needs a few, the file has hundreds.
   */
  readonly offsets: ReadonlyMap<string, number>;
}

/** Checks a parsed YAML file against a schema, collecting every problem, and returns the usable value. */
export function checkSchema(file: YamlFile, root: Schema): SchemaResult {
  const diagnostics: Diagnostic[] = [];
  const offsets = new Map<string, number>();
  const resolve = (s: Schema): Schema => {
    if (!s.$ref) return s;
    let resolved = resolvedRefs(root).get(s);
    if (resolved) return resolved;
    const name = s.$ref.replace('#/definitions/', '');
    const target = root.definitions?.[name];
    if (!target) throw new Error(`schema ${root.$ref ?? ''}: unknown $ref ${s.$ref}`);
    // Keywords next to $ref (description, maxItems) refine the referenced schema.
    const { $ref: _ref, ...rest } = s;
    resolved = { ...resolve(target), ...rest };
    resolvedRefs(root).set(s, resolved);
    return resolved;
  };
  // A value is named by its dotted path (`last`, its own key or index, is undefined for the file's root).
  const describe = (last: string | undefined, dotted: string) => (last === undefined ? 'The file' : `\`${dotted}\``);
  const wrongTypeAt = (node: Node | null, last: string | undefined, dotted: string, expected: string, hints: string[] = []) => {
    diagnostics.push(error(CODES.content.wrongType, `${describe(last, dotted)} must be ${expected}, but is ${found(node)}.`, spanOf(file, node), hints));
    return undefined;
  };

  // `dotted` is the keys down to the value joined with `.`, built once per key (a file of 20 000 keys spent most of
  // its check joining paths), and no array of them is made: only a diagnostic needs the path, and `dotted` is it.
  const visit = (node: Node | null, schemaIn: Schema, last: string | undefined, dotted: string): unknown => {
    const schema = resolve(schemaIn);
    // Where the value is, placed only for a diagnostic (spanOf): most values have none.
    offsets.set(dotted, node?.range?.[0] ?? 0);
    switch (schema.type) {
      case 'object': {
        if (!isMap(node)) return wrongTypeAt(node, last, dotted, 'a mapping of `field: value` lines');
        const out: Record<string, unknown> = {};
        for (const pair of node.items as Pair<Node, Node | null>[]) {
          const keyNode = pair.key;
          const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
          if (key === undefined) {
            diagnostics.push(error(CODES.content.wrongType, `${describe(last, dotted)} has a key that is not plain text.`, spanOf(file, keyNode), []));
            continue;
          }
          const childDotted = last === undefined ? key : `${dotted}.${key}`;
          let childSchema = schema.properties?.[key];
          if (!childSchema) {
            if (schema.additionalProperties === false) {
              const known = Object.keys(schema.properties ?? {});
              const suggestion = didYouMean(key, known);
              diagnostics.push(
                error(
                  CODES.content.unknownField,
                  `Unknown field \`${childDotted}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : '.'}`,
                  spanOf(file, keyNode),
                  [suggestion ? `Rename it to \`${suggestion}\`.` : `Allowed here: ${known.join(', ')}.`],
                ),
              );
              continue;
            }
            childSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
          }
          if (schema.propertyNames && !compiled(schema.propertyNames.pattern).test(key)) {
            diagnostics.push(
              error(CODES.content.badValue, `Key \`${key}\` in ${describe(last, dotted)} has characters keys cannot use.`, spanOf(file, keyNode), [
                'Keys use letters, digits, `_`, `-` and `.` only, e.g. `street.heading`.',
              ]),
            );
            continue;
          }
          offsets.set(`${childDotted}#key`, keyNode?.range?.[0] ?? 0);
          const value = visit(pair.value, childSchema, key, childDotted);
          if (value !== undefined) out[key] = value;
        }
        for (const name of schema.required ?? []) {
          if (!(node.items as Pair<Node, unknown>[]).some((p) => isScalar(p.key) && String(p.key.value) === name)) {
            const fieldDescription = resolve(schema.properties?.[name] ?? {}).description;
            diagnostics.push(
              error(
                CODES.content.missingField,
                `${describe(last, dotted)} is missing the required field \`${name}\`.`,
                spanOf(file, node),
                fieldDescription ? [`Add \`${name}:\` — ${fieldDescription}`] : [`Add \`${name}:\`.`],
              ),
            );
          }
        }
        return out;
      }
      case 'array': {
        if (!isSeq(node)) return wrongTypeAt(node, last, dotted, 'a list (lines starting with `- `, or `[a, b]`)');
        const items = node.items as (Node | null)[];
        if (schema.minItems !== undefined && items.length < schema.minItems) {
          diagnostics.push(
            error(
              CODES.content.badValue,
              `${describe(last, dotted)} has ${items.length} entr${items.length === 1 ? 'y' : 'ies'}; it needs at least ${schema.minItems}.`,
              spanOf(file, node),
              [`Add entries${schema.description ? ` (${schema.description})` : ''}.`],
            ),
          );
        }
        if (schema.maxItems !== undefined && items.length > schema.maxItems) {
          diagnostics.push(
            error(CODES.content.badValue, `${describe(last, dotted)} has ${items.length} entries; at most ${schema.maxItems} fit.`, spanOf(file, node), [
              `Remove entries${schema.description ? ` (${schema.description})` : ''}.`,
            ]),
          );
        }
        return items
          .map((item, i) => visit(item, schema.items ?? {}, String(i), last === undefined ? String(i) : `${dotted}.${i}`))
          .filter((v) => v !== undefined);
      }
      case 'string': {
        if (!isScalar(node) || node.value === null)
          return wrongTypeAt(
            node,
            last,
            dotted,
            'text',
            node === null || (isScalar(node) && node.value === null) ? ['Write the value after the colon, or delete the line.'] : [],
          );
        if (typeof node.value !== 'string') {
          const raw = node.range ? file.text.slice(node.range[0], node.range[1]) : String(node.value);
          return wrongTypeAt(node, last, dotted, 'text', [`Quote it: \`${last ?? 'value'}: "${raw}"\` (YAML reads ${raw} as a ${typeof node.value}).`]);
        }
        const value = node.value.normalize('NFC');
        if (schema.enum && !schema.enum.includes(value)) {
          const suggestion = didYouMean(value, schema.enum);
          diagnostics.push(
            error(
              CODES.content.badValue,
              `${describe(last, dotted)} is \`${value}\`; allowed: ${schema.enum.join(', ')}.`,
              spanOf(file, node),
              suggestion ? [`Did you mean \`${suggestion}\`?`] : [],
            ),
          );
          return undefined;
        }
        if (schema.minLength !== undefined && value.length < schema.minLength) {
          diagnostics.push(
            error(CODES.content.badValue, `${describe(last, dotted)} is empty.`, spanOf(file, node), [
              'Write the value, or delete the line if the field is optional.',
            ]),
          );
          return undefined;
        }
        if (schema.maxLength !== undefined && value.length > schema.maxLength) {
          // The value is kept: dropping it would add "missing" errors for a text that is there, only too long.
          diagnostics.push(
            error(
              CODES.content.stringTooLong,
              `${describe(last, dotted)} is ${value.length} characters long; at most ${schema.maxLength} are allowed.`,
              spanOf(file, node),
              schema.description ? [schema.description] : [],
            ),
          );
        }
        if (schema.pattern && !compiled(schema.pattern).test(value)) {
          diagnostics.push(
            error(
              CODES.content.badValue,
              `${describe(last, dotted)} is \`${value}\`, which does not have the expected form.`,
              spanOf(file, node),
              schema.description ? [schema.description] : [],
            ),
          );
          return undefined;
        }
        return value;
      }
      default:
        return node === null ? null : (node as { toJSON?: () => unknown }).toJSON?.();
    }
  };
  const value = visit(file.doc.contents as Node | null, root, undefined, '');
  return { value, diagnostics, offsets };
}

/**
 * Each `$ref` schema of a root resolved once: a translation file refers to its entry definition once per string, and
 * spreading the definition into a new object each time was much of checking a file. Schemas are never changed.
 */
const refs = new WeakMap<Schema, WeakMap<Schema, Schema>>();
function resolvedRefs(root: Schema): WeakMap<Schema, Schema> {
  let m = refs.get(root);
  if (!m) refs.set(root, (m = new WeakMap()));
  return m;
}

const patterns = new Map<string, RegExp>();
/** A schema pattern, compiled once (a translation file tests its key pattern once per string). */
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

function found(node: Node | null): string {
  if (node === null) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    return typeof node.value === 'string'
      ? `the text "${node.value.length > 30 ? `${node.value.slice(0, 30)}…` : node.value}"`
      : `the ${typeof node.value} ${String(node.value)}`;
  }
  return 'something else';
}
