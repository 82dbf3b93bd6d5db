import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontRegistry, readManifest } from '../../../src/fonts/registry.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { postHeader } from '../../../src/render/font-embed.ts';
import type { FontkitFontForEmbed } from '../../../src/render/pdfkit-internals.ts';
import { encodeTrueTypeSubset, type SubsetFont, type TrueTypeSubset } from '../../../src/render/ttf-subset.ts';
import { prng } from '../../faults/helpers.ts';

/** Glyph ids whose glyf data is a composite glyph (numberOfContours < 0), read from the raw table. */
function compositeGlyphs(font: SubsetFont & { numGlyphs: number }): number[] {
  const glyf = font.directory.tables.glyf!.offset;
  const bytes = font.stream.buffer;
  const out: number[] = [];
  for (let gid = 0; gid < font.numGlyphs; gid++) {
    const at = glyf + font.loca.offsets[gid]!;
    if (font.loca.offsets[gid + 1]! > font.loca.offsets[gid]! && bytes[at]! & 0x80) out.push(gid);
  }
  return out;
}

const createFont = (fontkit as unknown as { create(data: Uint8Array): SubsetFont }).create;

/** The whole font file of a face, read from disk (the registry may hold a large face's glyph records back). */
const fileOf = (id: string): Uint8Array => readFileSync(join(REPO_ROOT, 'fonts', readManifest().faces.find((f) => f.id === id)!.file));

/**
 * The same glyphs in the same order subset by fontkit's encode() from a font of its own made from the whole file
 * (so that a byte read before the registry has it, or written into the font's bytes, shows) and by ours from the
 * registry's `font`.
 */
function both(font: SubsetFont, file: Uint8Array, gids: readonly number[]): { fontkit: Uint8Array; ours: Uint8Array; size: number } {
  const a = createFont(new Uint8Array(file)).createSubset();
  const b = font.createSubset();
  for (const g of gids) expect(b.includeGlyph(g)).toBe(a.includeGlyph(g));
  const fontkit = a.encode();
  const ours = encodeTrueTypeSubset(b);
  // Components added on the way: the same ones, in the same order.
  expect(b.glyphs).toEqual(a.glyphs);
  return { fontkit, ours, size: a.glyphs.length };
}

describe('encodeTrueTypeSubset', () => {
  const faces = readManifest().faces;

  it.each(faces.map((f) => [f.id]))('writes the same bytes as fontkit for subsets of %s', (id) => {
    const font = fontRegistry().faceById(id).fontkit as unknown as SubsetFont & { numGlyphs: number };
    const file = fileOf(id);
    const rand = prng(id.length * 7919 + id.charCodeAt(0));
    // Not the last glyph: when it is empty, fontkit reads its bounding box past the end of the file and throws.
    const pick = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * (font.numGlyphs - 1)));
    const composites = compositeGlyphs(createFont(file) as SubsetFont & { numGlyphs: number });
    const cases = [
      [],
      pick(1),
      pick(40),
      pick(400),
      // Composite glyphs (accented letters, Arabic with dots, …), mixed with simple ones.
      [...composites.slice(0, 60), ...pick(20)],
      composites.filter(() => rand() < 0.2).slice(0, 200),
    ];
    for (const gids of cases) {
      const before = new Uint8Array(font.stream.buffer);
      const { fontkit, ours } = both(font, file, gids);
      expect(ours.length).toBe(fontkit.length);
      expect(Buffer.from(ours).equals(Buffer.from(fontkit))).toBe(true);
      // The font is the process's, shared by every document: encoding writes nothing into its bytes (a partly read
      // face may only have gained the glyph records asked for, which are the file's).
      const after = font.stream.buffer;
      for (let k = 0; k < after.length; k++) if (after[k] !== before[k] && after[k] !== file[k]) expect.fail(`byte ${k} of ${id} changed`);
    }
  });

  it('falls back to fontkit for a font it cannot copy glyphs from', () => {
    const face = fontRegistry().faceById(faces[0]!.id).fontkit as unknown as SubsetFont;
    let calls = 0;
    // A variable font at a variation: fontkit re-encodes each glyph's outline, so bytes cannot be copied.
    const varied = Object.create(face, { _variationProcessor: { value: {} } }) as SubsetFont;
    const subset = {
      font: varied,
      glyphs: [0, 5],
      includeGlyph: () => 0,
      encode: () => {
        calls++;
        return new Uint8Array([1, 2, 3]);
      },
    } satisfies TrueTypeSubset;
    expect([...encodeTrueTypeSubset(subset)]).toEqual([1, 2, 3]);
    expect(calls).toBe(1);
  });
});

describe('postHeader', () => {
  it.each(readManifest().faces.map((f) => [f.id]))('reads the italic angle and fixed pitch fontkit decodes for %s', (id) => {
    const font = fontRegistry().faceById(id).fontkit as unknown as FontkitFontForEmbed & SubsetFont;
    const own = createFont(new Uint8Array(font.stream.buffer)) as unknown as FontkitFontForEmbed;
    expect(postHeader(font)).toEqual({ italicAngle: own.italicAngle, isFixedPitch: own.post.isFixedPitch });
  });

  it('reads a non-zero angle and a fixed pitch where the table has them', () => {
    const font = fontRegistry().faceById(readManifest().faces[0]!.id).fontkit as unknown as SubsetFont;
    const bytes = new Uint8Array(font.stream.buffer);
    const post = font.directory.tables.post!.offset;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setInt32(post + 4, -12 * 65536 - 32768); // -12.5°
    view.setUint32(post + 12, 1);
    const own = createFont(bytes) as unknown as FontkitFontForEmbed;
    expect(postHeader(own)).toEqual({ italicAngle: -12.5, isFixedPitch: 1 });
    expect(postHeader(own)).toEqual({ italicAngle: own.italicAngle, isFixedPitch: own.post.isFixedPitch });
  });
});
