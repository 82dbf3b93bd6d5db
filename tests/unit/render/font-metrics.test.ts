import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontRegistry, readManifest } from '../../../src/fonts/registry.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { horizontalMetrics, type LocaFont, type MetricsFont, preloadLoca } from '../../../src/render/font-metrics.ts';

const createFont = (fontkit as unknown as { create(data: Uint8Array): MetricsFont }).create;

describe('horizontalMetrics', () => {
  it.each(readManifest().faces.map((f) => [f.id]))('gives fontkit’s advance and bearing for the glyphs of %s', (id) => {
    const font = fontRegistry().faceById(id).fontkit as unknown as MetricsFont;
    // fontkit's answers from a font of its own, made from the whole file (the registry may hold a large face's glyph
    // records back), so nothing read here was cached by the registry's.
    const own = createFont(readFileSync(join(REPO_ROOT, 'fonts', readManifest().faces.find((f) => f.id === id)!.file)));
    const metrics = horizontalMetrics(font);
    const count = font.maxp.numGlyphs;
    const pairs = font.hhea.numberOfMetrics;
    // Every glyph of the smaller faces, a spread of the CJK ones, and both sides of the last advance pair.
    const step = Math.max(1, Math.floor(count / 3000));
    const ids = new Set([0, pairs - 1, pairs, pairs + 1, count - 2]);
    for (let gid = 0; gid < count - 1; gid += step) ids.add(gid);
    // Not the last glyph: when it is empty, fontkit reads its bounding box past the end of the file and throws.
    for (const gid of [...ids].filter((g) => g >= 0 && g < count - 1)) {
      const glyph = own.getGlyph(gid);
      expect([gid, metrics.advance(gid), metrics.bearing(gid)]).toEqual([gid, glyph.advanceWidth, glyph._getMetrics().leftBearing]);
    }
  });

  it('reads advances past the last pair and bearings from the table of bearings', () => {
    // A face with fewer advance pairs than glyphs (as CJK faces often have), made by lowering numberOfMetrics.
    const face = fontRegistry().faceById(readManifest().faces[0]!.id).fontkit as unknown as MetricsFont;
    const bytes = new Uint8Array(face.stream.buffer);
    const hhea = face.directory.tables.hhea!.offset;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint16(hhea + 34, 10);
    const font = createFont(bytes);
    const own = createFont(new Uint8Array(bytes));
    expect(font.hhea.numberOfMetrics).toBe(10);
    const metrics = horizontalMetrics(font);
    for (const gid of [0, 9, 10, 11, 50, 200]) {
      expect([gid, metrics.advance(gid), metrics.bearing(gid)]).toEqual([gid, own.getGlyph(gid).advanceWidth, own.getGlyph(gid)._getMetrics().leftBearing]);
    }
    expect(metrics.advance(50)).toBe(metrics.advance(9));
  });
});

describe('preloadLoca', () => {
  const faces = readManifest().faces;
  it.each(faces.map((f) => [f.id, f.file]))('puts the loca table fontkit decodes for %s into its cache', (id, file) => {
    const bytes = readFileSync(join(REPO_ROOT, 'fonts', file));
    const font = createFont(bytes) as unknown as LocaFont & { loca: unknown };
    const own = createFont(new Uint8Array(bytes)) as unknown as LocaFont & { loca: { version: number; offsets: number[] } };
    preloadLoca(font);
    expect('loca' in font._tables).toBe(true);
    // Same fields, values and key order (version, offsets, and _processed after a short table's doubling).
    expect(JSON.stringify(font.loca)).toBe(JSON.stringify(own.loca));
    expect(own.loca.offsets.length).toBeGreaterThan(font.maxp.numGlyphs);
    // The registry's face, whose glyph records may be read in part: its loca bytes are all there.
    const registered = fontRegistry().faceById(id).fontkit as unknown as LocaFont & { loca: unknown };
    preloadLoca(registered);
    expect(JSON.stringify(registered.loca)).toBe(JSON.stringify(own.loca));
  });

  it('leaves a table fontkit already decoded as it is', () => {
    const font = createFont(readFileSync(join(REPO_ROOT, 'fonts', faces[0]!.file))) as unknown as LocaFont & { loca: unknown };
    const decoded = font.loca;
    preloadLoca(font);
    expect(font.loca).toBe(decoded);
  });
});
