/**
 * Test helper: in which order a stretch of a paragraph is DRAWN, left to right. A phone number, URL or e-mail
 * address must be drawn as one block with its characters in logical (typing) order from left to right, whatever
 * the direction of the text around it. Used by tests/unit/text/ltr-units.test.ts and the regression
 * tests/regressions/rtl-bracketed-phone/.
 */
import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import type { Direction, Line } from '../../../src/text/types.ts';

const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();

/**
 * Paragraph offsets of a laid-out line's glyphs in drawing order: runs are in visual order, and each run's glyphs
 * in HarfBuzz order, which is left to right for RTL runs too; a glyph stands for the cluster it belongs to.
 */
export function drawnOffsets(line: Line): number[] {
  return line.runs.flatMap((r) => r.glyphs.map((g) => r.start + g.cluster));
}

/**
 * Offsets of `text` in visual order (UAX #9 L2, per code unit) for embedding levels `levels` — those of
 * itemize's `bidiLevels`, or bidi-js's plain UAX #9 when `levels` is omitted (what the engine did for numbers
 * it did not isolate).
 */
export function reorderedOffsets(text: string, base: Direction, levels?: Uint8Array): number[] {
  const plain = bidi.getEmbeddingLevels(text, base);
  const embedding = levels ? { ...plain, levels } : plain;
  return bidi.getReorderedIndices(text, embedding, 0, text.length - 1);
}

/**
 * What is wrong with how [from, to) of `text` is drawn in `drawn` (offsets in drawing order), or undefined. It
 * must be one block (nothing else drawn inside it), in logical order left to right, from its first character to
 * its last (`lastSlack` code units may be hidden in the last glyph: a ligature).
 */
export function orderProblem(text: string, drawn: readonly number[], from: number, to: number, lastSlack = 0): string | undefined {
  const at = drawn.flatMap((o, i) => (o >= from && o < to ? [i] : []));
  const value = text.slice(from, to);
  if (at.length === 0) return `"${value}" is not drawn`;
  const offsets = at.map((i) => drawn[i]!);
  const shown = offsets
    .filter((o, k) => k === 0 || o !== offsets[k - 1])
    .map((o) => text[o])
    .join('');
  if (at.some((i, k) => k > 0 && i !== at[k - 1]! + 1)) return `"${value}" has other text drawn inside it (drawn: "${shown}")`;
  if (offsets.some((o, k) => k > 0 && o < offsets[k - 1]!)) return `"${value}" is drawn as "${shown}"`;
  if (offsets[0] !== from) return `"${value}" does not start with its first character (drawn: "${shown}")`;
  if (offsets.at(-1)! < to - 1 - lastSlack) return `"${value}" is cut short (drawn: "${shown}")`;
  return undefined;
}
