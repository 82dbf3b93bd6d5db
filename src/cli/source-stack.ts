import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A place in the compiled CLI (dist/bundle/<name>.cjs, see scripts/bundle.mjs; .mjs for an ES module bundle) as a
 * stack frame writes it: a file URL or path, then line and column (both from 1).
 */
const BUNDLE_FRAME = /((?:file:\/\/)?[^\s()]*\/dist\/bundle\/[^\s()/]+\.[cm]js):(\d+):(\d+)/gu;

/** One source map per compiled file, read the first time a stack names it; null when it has none. */
const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

/**
 * A stack (or any text) with every place in the compiled CLI replaced by the TypeScript file, line and column it was
 * compiled from, as Node's own source-map support writes them, so an internal error (exit 3) names src/ lines.
 * Node's support (`process.setSourceMapsEnabled`) reads and indexes the map of every module as it loads (~0.4 MB
 * for the content loader alone), on every run; this reads a map only when an internal error is printed. Places
 * that have no mapping are left as they are.
 */
export function sourceStack(text: string): string {
  return text.replace(BUNDLE_FRAME, (whole: string, where: string, line: string, column: string) => {
    const url = where.startsWith('file://');
    const file = url ? fileURLToPath(where) : where;
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1) as
      | { originalSource?: string; originalLine?: number; originalColumn?: number }
      | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return whole;
    const original = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(dirname(file), entry.originalSource);
    return `${url ? pathToFileURL(original).href : original}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
