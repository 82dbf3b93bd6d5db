/**
 * jsonPieces: `JSON.stringify(value, replacer)` handed out in pieces whose concatenation is exactly that string,
 * for hashing a document's spec (pdf.ts, fileId) without building it whole.
 *
 * Why: a spec's JSON is up to ~1 MB of UTF-16 (every glyph of every line). Built whole, V8 makes it as a rope that
 * hashing must flatten, and a replacer function is called for each of its ~100 000 values; together that was a
 * sixth of renderPdf's time. Here the top levels are walked in JS, and each subtree below SPLIT_DEPTH is one
 * native JSON.stringify call — without the replacer when the subtree holds no byte array and no toJSON, where
 * a replacer that changes only byte arrays cannot change a byte.
 */

/** A JSON.stringify replacer that returns every value but a typed array (fileId's: a byte array) unchanged. */
export type PlainPreservingReplacer = (key: string, value: unknown) => unknown;

/**
 * Levels of plain objects and arrays written piece by piece; deeper subtrees go whole to JSON.stringify
 * (measured on the 18 documents of bench/render.ts: 6 halves the time of whole-document stringify + hash,
 * deeper levels only add calls).
 */
const SPLIT_DEPTH = 6;

/** Pieces are joined up to this many UTF-16 units before being handed out, so hashing gets few, mid-sized calls. */
const PIECE_UNITS = 1 << 14;

/**
 * Calls `emit` with consecutive pieces of `JSON.stringify(value, replacer)`. `replacer` must return every value
 * but a typed array unchanged (fileId's turns only byte arrays into text). `value` must be a plain object or
 * array (as a DocumentSpec is), so the result is never undefined.
 */
export function jsonPieces(value: unknown, replacer: PlainPreservingReplacer, emit: (piece: string) => void): void {
  let pending = '';
  const out = (s: string) => {
    pending += s;
    if (pending.length >= PIECE_UNITS) {
      emit(pending);
      pending = '';
    }
  };
  write(value, SPLIT_DEPTH, replacer, out);
  if (pending) emit(pending);
}

function write(value: unknown, depth: number, replacer: PlainPreservingReplacer, out: (s: string) => void): void {
  if (depth > 0 && isPlainArray(value)) {
    out('[');
    // Index loop, not forEach: JSON writes holes (and undefined, functions, symbols) as null.
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out(',');
      write(value[i], depth - 1, replacer, out);
    }
    out(']');
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    out('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      // JSON leaves such properties out of objects.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      write(v, depth - 1, replacer, out);
    }
    out('}');
    return;
  }
  // Below SPLIT_DEPTH, or anything not a plain object or array (a byte array, a Date, a boxed string): one call,
  // with the replacer only where it could change something.
  out((replacerIsIdentity(value) ? JSON.stringify(value) : JSON.stringify(value, replacer)) ?? 'null');
}

/** An object JSON writes by its own enumerable keys, with no toJSON. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasToJSON(value);
}

/** An array JSON writes item by item (no toJSON). */
function isPlainArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && !hasToJSON(value);
}

const hasToJSON = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/**
 * Whether JSON.stringify would meet neither a typed array nor a toJSON method anywhere in `value`: then it visits
 * exactly the own enumerable values walked here, none of them a byte array, and the replacer changes nothing.
 * (for…in also walks inherited enumerable keys: only more values checked, never fewer.)
 */
function replacerIsIdentity(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (ArrayBuffer.isView(value) || hasToJSON(value)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!replacerIsIdentity(value[i])) return false;
    return true;
  }
  for (const key in value) if (!replacerIsIdentity((value as Record<string, unknown>)[key])) return false;
  return true;
}
