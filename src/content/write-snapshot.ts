import { Document, Scalar } from 'yaml';
import type { HistorySnapshot } from './types.ts';

/** Never fold long lines, and write multi-line texts as literal blocks: the snapshot reads like the guidance file. */
const STRINGIFY = { lineWidth: 0, minContentWidth: 0, blockQuote: 'literal' } as const;

/**
 * The text of `history/<version>.yaml` for a snapshot. Pure and deterministic: keys in the guidance's order,
 * version and date double-quoted (an unquoted 2026.1 is a number, and YAML 1.1 tools read an unquoted date as a
 * timestamp). Every string reads back exactly (the snapshot test round-trips tabs, quotes, bullets and blank lines).
 */
export function writeSnapshot(snapshot: HistorySnapshot, sourceFile: string): string {
  const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });
  const doc = new Document({ version: quoted(snapshot.version), date: quoted(snapshot.date), language: snapshot.language, strings: { ...snapshot.strings } });
  doc.commentBefore = [
    ' yaml-language-server: $schema=../../schema/history.schema.json',
    '',
    ` The source guidance (${sourceFile}) as it was at content version ${snapshot.version}, written by`,
    ' `rightsprint snapshot`. Do not edit: `status`, `export` and `import` find the old source text of a stale',
    ' translation here by its stored hash, and `rightsprint diff --since <version>` compares against it.',
  ].join('\n');
  return doc.toString(STRINGIFY);
}
