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
 * into one map under `<file>#<path>` keys was a fifth of loading the shipped content, for the handful a build
 * ever asks about (its diagnostics). Also what the build hands to each worker thread: plain fields, so it survives
 * a structured clone (revive it there, see `revive`).
 */
export class ContentSpans implements SpanLookup {
  /** Files in the order they were added: a later file answers for a key first, as a later `set` would in one map. */
  readonly files: [string, FileOffsets][] = [];
  /** Where each file is in `files`, by its key (positions ascending). */
  readonly byRel = new Map<string, number[]>();

  /** Adds one file's offsets under its content-relative key (`rel`). */
  add(
    rel: string,
    file: { readonly display: string; readonly lineCounter: { readonly lineStarts: readonly number[] } },
    offsets: ReadonlyMap<string, number>,
  ): void {
    const at = this.byRel.get(rel);
    if (at) at.push(this.files.length);
    else this.byRel.set(rel, [this.files.length]);
    this.files.push([rel, { display: file.display, lineCounter: { lineStarts: file.lineCounter.lineStarts }, offsets }]);
  }

  get(key: string): SourceSpan | undefined {
    // The file part may itself hold a `#` (a file named so): every split is tried, and the file added last wins.
    let best = -1;
    let offset = 0;
    for (let hash = key.indexOf('#'); hash !== -1; hash = key.indexOf('#', hash + 1)) {
      const positions = this.byRel.get(key.slice(0, hash));
      if (!positions) continue;
      const path = key.slice(hash + 1);
      for (let i = positions.length - 1; i >= 0 && positions[i]! > best; i--) {
        const found = this.files[positions[i]!]![1].offsets.get(path);
        if (found === undefined) continue;
        best = positions[i]!;
        offset = found;
        break;
      }
    }
    return best < 0 ? undefined : spanAt(this.files[best]![1], offset);
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
