/**
 * jsonPieces: `JSON.stringify(value, replacer)` handed out in pieces whose concatenation is exactly that string,
 * for hashing a document's spec (pdf.ts, fileId) without building it whole.
 *
 * Why: a spec's JSON is up to ~1 MB of UTF-16 (every glyph of every line). Built whole, V8 makes it as a rope that
 * hashing must flatten, and a replacer function is called for each of its ~100 000 values; together that was a
 * sixth of renderPdf's time. Here the top levels are walked in JS, and each subtree below SPLIT_DEPTH is one
 * native JSON.stringify call — without the replacer when the subtree holds no byte array and no toJSON, where
 * a replacer that changes only byte arrays cannot change a byte. A subtree the value holds many times over (the
 * copies of a card on a sheet share one Frame) is written once and its pieces handed out again (`OpenObject`):
 * fileId of a card sheet took a third of the time.
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
 * Plain objects that the walk opens whatever depth it meets them at, and the depth to write them at (undefined:
 * not one of them). Such an object's text is kept, so another occurrence of the same object (by identity) is
 * written from it. For objects that a value holds many times over: fileId's nested frames (the copies of a card
 * on a sheet are one Frame object, ten times a page).
 */
export type OpenObject = (value: Readonly<Record<string, unknown>>) => number | undefined;

/**
 * Calls `emit` with consecutive pieces of `JSON.stringify(value, replacer)`. `replacer` must return every value
 * but a typed array unchanged (fileId's turns only byte arrays into text). `value` must be a plain object or
 * array (as a DocumentSpec is), so the result is never undefined. `open`: see OpenObject (the text is the same
 * with or without it; the value must not change while it is written).
 */
export function jsonPieces(value: unknown, replacer: PlainPreservingReplacer, emit: (piece: string) => void, open?: OpenObject, kept?: KeptTexts): void {
  new Writer(replacer, emit, open, kept ?? new Map()).write(value, SPLIT_DEPTH);
}

/**
 * The texts of opened objects (OpenObject), as the pieces they were handed out in, by object. jsonPieces keeps
 * its own for one call unless given one: a map shared by several calls (fileId keeps one for the process, weakly)
 * hands out an object's text written by an earlier call again, so those calls must give every object the same
 * text — the same replacer (or ones that agree), and objects that do not change while the map is kept.
 */
export type KeptTexts = Pick<WeakMap<object, readonly string[]>, 'get' | 'set'>;

class Writer {
  /** Text not yet handed out, up to PIECE_UNITS. */
  private pending = '';
  /** While an opened object is written: where its pieces go (kept, then handed on), else undefined. */
  private pieces: string[] | undefined;
  constructor(
    private readonly replacer: PlainPreservingReplacer,
    private readonly emit: (piece: string) => void,
    private readonly open: OpenObject | undefined,
    /**
     * Opened objects' texts, as the pieces they were handed out in: never joined into one string, as hashing a
     * string built of thousands of concatenations (a frame's) took several times as long as making it.
     */
    private readonly written: KeptTexts,
  ) {}

  private hand(piece: string): void {
    if (this.pieces) this.pieces.push(piece);
    else this.emit(piece);
  }

  private out(s: string): void {
    this.pending += s;
    if (this.pending.length >= PIECE_UNITS) this.flush();
  }

  private flush(): void {
    if (this.pending) this.hand(this.pending);
    this.pending = '';
  }

  write(value: unknown, depth: number): void {
    this.value(value, depth);
    this.flush();
  }

  private value(value: unknown, depth: number): void {
    if (depth > 0 && isPlainArray(value)) {
      this.out('[');
      // Index loop, not forEach: JSON writes holes (and undefined, functions, symbols) as null.
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.out(',');
        this.value(value[i], depth - 1);
      }
      this.out(']');
      return;
    }
    if (isPlainObject(value)) {
      const at = this.open?.(value);
      if (at !== undefined) {
        this.flush();
        let pieces = this.written.get(value);
        if (pieces === undefined) {
          const outer = this.pieces;
          const own: string[] = (this.pieces = []);
          this.object(value, at);
          this.flush();
          this.pieces = outer;
          this.written.set(value, (pieces = own));
        }
        for (const piece of pieces) this.hand(piece);
        return;
      }
      if (depth > 0) {
        this.object(value, depth);
        return;
      }
    }
    // Below SPLIT_DEPTH, or anything not a plain object or array (a byte array, a Date, a boxed string): one call,
    // with the replacer only where it could change something.
    this.out((replacerIsIdentity(value) ? JSON.stringify(value) : JSON.stringify(value, this.replacer)) ?? 'null');
  }

  private object(value: Record<string, unknown>, depth: number): void {
    this.out('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      // JSON leaves such properties out of objects.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      this.out(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      this.value(v, depth - 1);
    }
    this.out('}');
  }
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
