/**
 * HarfBuzz is given each face without `glyf` and `loca` (src/fonts/sfnt.ts) and ink boxes come from the `glyf`
 * headers instead of HarfBuzz. Both are only right if they change nothing: these tests compare, for every face of
 * the manifest, the box of every glyph with HarfBuzz's extents from the whole file, and the shaping of every
 * corpus sentence (and of the face's whole cmap, run by run) with the whole file and with the reduced one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../src/fonts/registry.ts';
import { sfntTables, shapingBytes, TrueTypeBoxes } from '../../../src/fonts/sfnt.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { sentences } from '../text/hb-fixture.ts';

const manifest = readManifest();
const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(join(REPO_ROOT, 'fonts', file)));
const hbFont = (bytes: Uint8Array): hb.Font => new hb.Font(new hb.Face(new hb.Blob(bytes), 0));

/** Glyph ids, clusters, flags and positions of `text` shaped in `font`, HarfBuzz guessing script and direction. */
function shaped(font: hb.Font, text: string, lang?: string): string {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  if (lang) buffer.setLanguage(lang);
  hb.shape(font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  return infos
    .map(
      (g, i) => `${g.codepoint}=${g.cluster}/${g.flags}@${positions[i]!.xOffset},${positions[i]!.yOffset}+${positions[i]!.xAdvance},${positions[i]!.yAdvance}`,
    )
    .join('|');
}

describe('shapingBytes', () => {
  it('drops glyf and loca from every bundled face and keeps the other tables byte for byte', () => {
    for (const face of manifest.faces) {
      const data = bytesOf(face.file);
      const full = sfntTables(data)!;
      const { bytes, boxes } = shapingBytes(data);
      expect(boxes, face.id).toBeDefined();
      const reduced = sfntTables(bytes)!;
      expect([...reduced.keys()], face.id).toEqual([...full.keys()].filter((t) => t !== 'glyf' && t !== 'loca'));
      for (const [tag, t] of reduced) {
        const o = full.get(tag)!;
        expect(t.length, `${face.id} ${tag}`).toBe(o.length);
        expect(Buffer.from(bytes.subarray(t.offset, t.offset + t.length)).equals(data.subarray(o.offset, o.offset + o.length)), `${face.id} ${tag}`).toBe(true);
      }
      expect(bytes.byteLength).toBeLessThan(data.byteLength);
    }
  });

  it('leaves a face with variation tables, or that is no sfnt, whole', () => {
    const data = bytesOf(manifest.faces[0]!.file);
    expect(shapingBytes(new Uint8Array([1, 2, 3])).bytes.byteLength).toBe(3);
    // Rename `prep` to `gvar` in a copy of the directory: a variable face's header boxes are not its extents.
    const copy = data.slice();
    const tables = sfntTables(copy)!;
    const count = new DataView(copy.buffer).getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      if (String.fromCharCode(...copy.subarray(at, at + 4)) === 'prep') copy.set([0x67, 0x76, 0x61, 0x72], at);
    }
    expect(tables.has('prep')).toBe(true);
    const out = shapingBytes(copy);
    expect(out.bytes).toBe(copy);
    expect(out.boxes).toBeUndefined();
  });

  it('gives every glyph of every face the extents HarfBuzz computes from the whole file', () => {
    for (const face of manifest.faces) {
      const data = bytesOf(face.file);
      const font = hbFont(data);
      const tables = sfntTables(data)!;
      const boxes = TrueTypeBoxes.of(data, tables)!;
      const count = new DataView(data.buffer).getUint16(tables.get('maxp')!.offset + 4);
      let checked = 0;
      for (let id = 0; id < count; id++) {
        const want = font.glyphExtents(id) ?? { xBearing: 0, yBearing: 0, width: 0, height: 0 };
        const got = boxes.extents(id);
        if (got.xBearing !== want.xBearing || got.yBearing !== want.yBearing || got.width !== want.width || got.height !== want.height) {
          expect(got, `${face.id} glyph ${id}`).toEqual(want);
        }
        checked++;
      }
      expect(checked, face.id).toBeGreaterThan(400);
    }
  });

  it('shapes the corpus and every cmap character exactly as the whole file does', () => {
    const texts = sentences();
    for (const face of manifest.faces) {
      const data = bytesOf(face.file);
      const full = hbFont(data);
      const reduced = hbFont(shapingBytes(data).bytes);
      for (const s of texts) {
        expect(shaped(reduced, s.text, s.lang), `${face.id} ${s.id}`).toBe(shaped(full, s.text, s.lang));
      }
      // Every character the face maps, 24 at a time in code point order (marks meet the letters before them).
      const cps = [...full.face.collectUnicodes()];
      for (let i = 0; i < cps.length; i += 24) {
        const text = String.fromCodePoint(...cps.slice(i, i + 24));
        expect(shaped(reduced, text), `${face.id} U+${cps[i]!.toString(16)}`).toBe(shaped(full, text));
      }
    }
  });
});
