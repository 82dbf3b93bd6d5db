import { describe, expect, it } from 'vitest';
import { jsonPieces, type OpenObject } from '../../../src/render/json-pieces.ts';

/** fileId's replacer: byte arrays as a short text, everything else unchanged. */
const bytesAsText = (_key: string, value: unknown) => (value instanceof Uint8Array ? `bytes:${value.join('.')}` : value);

function joined(value: unknown, open?: OpenObject): { text: string; pieces: number } {
  const pieces: string[] = [];
  jsonPieces(value, bytesAsText, (p) => pieces.push(p), open);
  return { text: pieces.join(''), pieces: pieces.length };
}

/** Nested `depth` levels deep, so parts lie both above and below the split depth. */
function nest(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v, i] : { [`k${i}`]: v, n: i };
  return v;
}

describe('jsonPieces', () => {
  it('gives exactly JSON.stringify(value, replacer), at every depth, for what JSON treats specially', () => {
    // A hole (JSON writes null for it), made without a sparse literal.
    const holes: unknown[] = [1];
    holes[2] = 3;
    const tricky = {
      text: 'Arabic لديك الحق, quotes " and \\ and \n, a lone surrogate \ud800, an emoji 🙂',
      numbers: [0, -0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, -1e-7],
      skipped: { u: undefined, f: () => 1, s: Symbol('x'), kept: null },
      inArray: [undefined, () => 1, Symbol('y'), null],
      holes,
      bytes: new Uint8Array([1, 2, 3]),
      buffer: Buffer.from([4, 5]),
      date: new Date(0),
      boxed: [new String('boxed'), new Number(3), new Boolean(false)],
      withToJSON: { toJSON: () => ({ replaced: true }) },
      arrayToJSON: Object.assign([1, 2], { toJSON: () => 'array replaced' }),
      noProto: Object.assign(Object.create(null) as object, { b: 2, a: 1, 2: 'two', 1: 'one' }),
      map: new Map([[1, 2]]),
      instance: new (class {
        readonly bytes = new Uint8Array([9]);
      })(),
      toJSONBytes: { toJSON: () => new Uint8Array([7]) },
    };
    for (let depth = 0; depth <= 10; depth++) {
      const value = { spec: nest(depth, tricky), standard: 'ua' };
      expect(joined(value).text, `depth ${depth}`).toBe(JSON.stringify(value, bytesAsText));
    }
  });

  it('hands a large document out in several pieces', () => {
    const pages = Array.from({ length: 40 }, (_, p) => ({
      items: Array.from({ length: 50 }, (_, i) => ({ x: i, y: p, glyphs: Array.from({ length: 20 }, (_, g) => ({ id: g, ax: 512 })) })),
    }));
    const value = { spec: { pages } };
    const { text, pieces } = joined(value);
    expect(text).toBe(JSON.stringify(value, bytesAsText));
    expect(pieces).toBeGreaterThan(10);
  });

  it('gives the same text when objects met many times are opened at any depth and repeated from their first text', () => {
    let reads = 0;
    const shared = { items: [{ x: 1, bytes: new Uint8Array([5, 6]), nested: nest(5, { items: [1, { deep: true }] }) }] } as { items: unknown[]; width: number };
    Object.defineProperty(shared, 'width', { enumerable: true, get: () => ++reads && 3 });
    const inner = { kind: 'group', frame: shared, clip: true };
    const value = {
      spec: {
        pages: [0, 1, 2].map((p) => ({
          frame: {
            items: [
              { x: p, item: inner },
              { x: p + 1, item: { kind: 'group', frame: shared } },
              { x: 9, item: shared },
            ],
          },
        })),
        tail: nest(8, shared),
        again: [shared, shared, [shared]],
      },
    };
    // Every occurrence within reach of the walk (above the split depth, or an opened object's child).
    const reachable = { a: shared, b: [shared, [shared]], c: { d: shared, e: inner }, f: inner };
    for (const depth of [0, 1, 2, 3, 7]) {
      const open: OpenObject = (v) => (Array.isArray(v.items) || v.kind === 'group' ? depth : undefined);
      expect(joined(value, open).text, `opened at depth ${depth}`).toBe(JSON.stringify(value, bytesAsText));
      const want = JSON.stringify(reachable, bytesAsText);
      reads = 0;
      expect(joined(reachable, open).text, `opened at depth ${depth}`).toBe(want);
      // Written once, then repeated from its text: its properties were read once.
      expect(reads, `opened at depth ${depth}`).toBe(1);
    }
  });

  it('writes an opened object once across calls that share kept texts, each call giving its own exact text', () => {
    let reads = 0;
    const shared = { items: [{ x: 1, bytes: new Uint8Array([5, 6]) }] } as { items: unknown[]; width: number };
    Object.defineProperty(shared, 'width', { enumerable: true, get: () => ++reads && 3 });
    // As fileId opens them: frames, and positioned groups (so a nested frame is reached above the split depth).
    const open: OpenObject = (v) => (Array.isArray(v.items) || (v.item as { kind?: string } | undefined)?.kind === 'group' ? 2 : undefined);
    const home = { spec: { colorMode: 'rgb', pages: [{ frame: shared }] } };
    const press = { spec: { colorMode: 'cmyk', pages: [{ frame: { items: [{ x: -9, item: { kind: 'group', frame: shared } }] } }] } };
    const kept = new WeakMap<object, readonly string[]>();
    let writes = 0;
    for (const value of [home, press, home]) {
      const want = JSON.stringify(value, bytesAsText);
      const pieces: string[] = [];
      reads = 0;
      jsonPieces(value, bytesAsText, (p) => pieces.push(p), open, kept);
      writes += reads;
      expect(pieces.join('')).toBe(want);
    }
    // The shared frame's properties were read by the first call only.
    expect(writes).toBe(1);
  });
});
