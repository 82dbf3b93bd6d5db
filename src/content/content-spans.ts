import type { SourceSpan } from '../diagnostics/diagnostic.ts';

/** What ContentDoc.spans answers: where a value is, by `<file>#<dotted path>` (`translations/ar.yaml#strings.title.text`). */
export type SpanLookup = Pick<ReadonlyMap<string, SourceSpan>, 'get' | 'has'>;

/** One checked file's value offsets (check-schema.ts `offsets`) and what turns an offset into `file:line:col`. */
interface FileOffsets {
  readonly display: string;
  readonly lineCounter: { readonly lineStarts: readonly number[] };
  readonly offsets: ReadonlyMap<string, number>;
}

/**
 * The spans of a loaded content folder, kept per file as offsets and placed only when asked. A translation file
 * has a few hundred values; placing every one of them (a binary search and an object each) and copying them all
 * into one map under `<file>#<path>` keys was a third of loading the shipped content, for the handful a build
 * ever asks about (its diagnostics). Also what the build hands to each worker thread: plain fields, so it survives
 * a structured clone (revive it there, see `revive`).
 */
export class ContentSpans implements SpanLookup {
  /** Files in the order they were added: a later file answers for a key first, as a later `set` would in one map. */
  readonly files: [string, FileOffsets][] = [];

  /** Adds one file's offsets under its content-relative key (`rel`). */
  add(
    rel: string,
    file: { readonly display: string; readonly lineCounter: { readonly lineStarts: readonly number[] } },
    offsets: ReadonlyMap<string, number>,
  ): void {
    this.files.push([rel, { display: file.display, lineCounter: { lineStarts: file.lineCounter.lineStarts }, offsets }]);
  }

  get(key: string): SourceSpan | undefined {
    // The file part may itself hold a `#` (a file named so), so every split is tried, the last file added first.
    for (let f = this.files.length - 1; f >= 0; f--) {
      const [rel, file] = this.files[f]!;
      if (key.length <= rel.length || key.charCodeAt(rel.length) !== 35 /* # */ || !key.startsWith(rel)) continue;
      const offset = file.offsets.get(key.slice(rel.length + 1));
      if (offset !== undefined) return spanAt(file, offset);
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A ContentSpans again after a structured clone (which keeps the fields, not the class). */
  static revive(spans: SpanLookup): SpanLookup {
    return typeof spans.get === 'function' ? spans : (Object.setPrototypeOf(spans, ContentSpans.prototype) as ContentSpans);
  }
}

/** Where an offset of the file is, as editors count (1-based line and column). */
export function spanAt(file: { readonly display: string; readonly lineCounter: { readonly lineStarts: readonly number[] } }, offset: number): SourceSpan {
  // LineCounter.linePos's search, without its intermediate object.
  const starts = file.lineCounter.lineStarts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (starts[low] === offset) return { file: file.display, line: low + 1, col: 1 };
  if (low === 0) return { file: file.display, line: 0, col: offset };
  return { file: file.display, line: low, col: offset - starts[low - 1]! + 1 };
}
