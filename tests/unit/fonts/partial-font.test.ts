/**
 * Large faces keep their glyph records on disk until a glyph is used (src/platform/node-fonts.ts, PartialFontBytes
 * in src/fonts/registry.ts). That is only right if (1) a font that differs from the manifest is still refused,
 * anywhere in the file, before anything is set in it; (2) a font edited in place after it was checked is refused
 * when a glyph is read, never set; (3) everything fontkit and the ink-box reader see is the file's own bytes: the
 * subset pdfkit embeds (composite glyphs with their components) and the boxes equal those of the whole file.
 */
import { mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontRegistry, readManifest, type ManifestFace, type PartialFontBytes } from '../../../src/fonts/registry.ts';
import { sfntTables, TrueTypeBoxes } from '../../../src/fonts/sfnt.ts';
import { LAZY_GLYF_BYTES, openVerifiedFont } from '../../../src/platform/node-fonts.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { userDiagnostic } from '../../faults/helpers.ts';

const manifest = readManifest();
const faceOf = (id: string): ManifestFace => manifest.faces.find((f) => f.id === id)!;
const bytesOf = (m: ManifestFace): Buffer => readFileSync(join(REPO_ROOT, 'fonts', m.file));

interface Subsettable {
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
  glyphForCodePoint(cp: number): { id: number };
}
const whole = (data: Uint8Array) => (fontkit as unknown as { create(d: Uint8Array): Subsettable }).create(data);

/** A copy of one face under a throw-away root, as openVerifiedFont finds it (`<root>/fonts/<file>`). */
function copyFace(m: ManifestFace, bytes: Uint8Array = bytesOf(m)): { root: string; path: string } {
  const root = mkdtempSync(join(tmpdir(), 'rp-partial-'));
  const path = join(root, 'fonts', m.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return { root, path };
}

const partial = (given: Uint8Array | PartialFontBytes): PartialFontBytes => {
  if (given instanceof Uint8Array) throw new Error('expected a partly read face');
  return given;
};

describe('partly read fonts', () => {
  it('reads a Chinese face without its glyph records, and small faces whole', () => {
    const sc = faceOf('noto-sans-sc-regular');
    const file = bytesOf(sc);
    const glyf = sfntTables(file)!.get('glyf')!;
    expect(glyf.length).toBeGreaterThanOrEqual(LAZY_GLYF_BYTES);
    const { data } = partial(openVerifiedFont(REPO_ROOT, sc));
    expect(data.byteLength).toBe(file.byteLength);
    expect(Buffer.from(data.subarray(0, glyf.offset)).equals(file.subarray(0, glyf.offset))).toBe(true);
    expect(Buffer.from(data.subarray(glyf.offset + glyf.length)).equals(file.subarray(glyf.offset + glyf.length))).toBe(true);
    expect(data.subarray(glyf.offset, glyf.offset + glyf.length).every((b) => b === 0)).toBe(true);
    expect(openVerifiedFont(REPO_ROOT, faceOf('noto-naskh-arabic-regular'))).toBeInstanceOf(Uint8Array);
  });

  it('a byte changed inside the glyph records is refused when the face is opened (RP4002, both sha256s); a folder is RP4003', () => {
    const m = faceOf('noto-sans-regular');
    const bytes = Buffer.from(bytesOf(m));
    const glyf = sfntTables(bytes)!.get('glyf')!;
    bytes[glyf.offset + Math.floor(glyf.length / 2)]! ^= 1;
    const { root } = copyFace(m, bytes);
    const d = userDiagnostic(() => openVerifiedFont(root, m, 0));
    expect(d.code).toBe('RP4002');
    expect(d.message).toContain(`the manifest says ${m.sha256.slice(0, 12)}…`);
    expect(d.place).toBe(`fonts/${m.file}`);
    // A folder where the file belongs cannot be read: RP4003, like a missing file.
    const folder = mkdtempSync(join(tmpdir(), 'rp-partial-'));
    mkdirSync(join(folder, 'fonts', m.file), { recursive: true });
    expect(userDiagnostic(() => openVerifiedFont(folder, m, 0)).message).toContain('cannot be read (EISDIR)');
    const cut = copyFace(m, bytesOf(m).subarray(0, glyf.offset + 5000));
    expect(userDiagnostic(() => openVerifiedFont(cut.root, m, 0)).message).toContain(`(${glyf.offset + 5000} bytes read)`);
  });

  it('a font edited in place after it was checked is refused when a changed glyph is read; a replaced file is not read', () => {
    const m = faceOf('noto-sans-regular');
    const file = bytesOf(m);
    const glyf = sfntTables(file)!.get('glyf')!;
    const { root, path } = copyFace(m);
    const edited = partial(openVerifiedFont(root, m, 0));
    const across = partial(openVerifiedFont(root, m, 0));
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([file[glyf.offset + 4096 + 7]! ^ 0xff]), 0, 1, glyf.offset + 4096 + 7);
    closeSync(fd);
    const d = userDiagnostic(() => edited.need(glyf.offset + 4096, glyf.offset + 4100));
    expect(d.code).toBe('RP4002');
    expect(d.message).toMatch(/changed after it was checked against fonts\/manifest\.json/u);
    expect(edited.data.subarray(glyf.offset + 4096, glyf.offset + 8192).every((b) => b === 0)).toBe(true);
    // Blocks the edit did not touch still read as verified, also when read in one run with the changed one.
    expect(userDiagnostic(() => across.need(glyf.offset + 10, glyf.offset + 8000)).code).toBe('RP4002');
    expect(Buffer.from(across.data.subarray(glyf.offset, glyf.offset + 4096)).equals(file.subarray(glyf.offset, glyf.offset + 4096))).toBe(true);
    expect(across.data.subarray(glyf.offset + 4096, glyf.offset + 8192).every((b) => b === 0)).toBe(true);
    edited.need(glyf.offset, glyf.offset + 10);
    expect(Buffer.from(edited.data.subarray(glyf.offset, glyf.offset + 4096)).equals(file.subarray(glyf.offset, glyf.offset + 4096))).toBe(true);

    // git checkout and copies write a new file: the open one is still the verified one.
    const again = copyFace(m);
    const kept = partial(openVerifiedFont(again.root, m, 0));
    const damaged = Buffer.from(file);
    damaged.fill(7, glyf.offset, glyf.offset + glyf.length);
    writeFileSync(`${again.path}.new`, damaged);
    renameSync(`${again.path}.new`, again.path);
    kept.need(glyf.offset, glyf.offset + glyf.length);
    expect(Buffer.from(kept.data).equals(file)).toBe(true);
  });

  it('fontkit subsets and ink boxes from a partly read face equal the whole file’s, composite glyphs included', () => {
    // Exactly the ranges the registry asks for are copied in (the Node source reads whole 4 KB blocks, which would
    // hide a glyph that was never asked for behind a neighbour that was).
    const exact = loadFontRegistry({
      bytes: (m) => {
        const file = bytesOf(m);
        const glyf = sfntTables(file)!.get('glyf')!;
        const data = new Uint8Array(file);
        data.fill(0, glyf.offset, glyf.offset + glyf.length);
        return { data, need: (from, to) => data.set(file.subarray(from, to), from) };
      },
    });
    const samples: Record<string, string> = {
      'noto-sans-regular': 'Ÿou have the right ÅÉÎÕÜ ǅ ﬁ 0123 ₤',
      'noto-naskh-arabic-bold': 'لديك الحق في التزام الصمت',
      'noto-sans-sc-regular': '你有权保持沉默。移民执法',
    };
    for (const [id, text] of Object.entries(samples)) {
      const m = faceOf(id);
      const file = bytesOf(m);
      const reference = whole(file);
      const boxes = TrueTypeBoxes.of(file, sfntTables(file)!)!;
      const ids = [...text].map((c) => reference.glyphForCodePoint(c.codePointAt(0)!).id);
      const composite = ids.filter((g) => (reference.getGlyph(g)._decode()?.numberOfContours ?? 0) < 0);
      if (id === 'noto-sans-regular') expect(composite.length, 'the Latin sample has composite glyphs').toBeGreaterThan(3);
      const subset = (font: Subsettable) => {
        const s = font.createSubset();
        for (const g of ids) s.includeGlyph(g);
        return Buffer.from(s.encode());
      };
      expect(subset(exact.faceById(id).fontkit as unknown as Subsettable).equals(subset(reference)), id).toBe(true);
      // Ink boxes of a face fontkit has not read a glyph of yet.
      const face = loadFontRegistry({ bytes: (f) => openVerifiedFont(REPO_ROOT, f, 0) }).faceById(id);
      for (const g of ids) {
        const e = boxes.extents(g);
        const want = e.width === 0 ? undefined : { xMin: e.xBearing, xMax: e.xBearing + e.width, yMin: e.yBearing + e.height, yMax: e.yBearing };
        expect(face.glyphBox(g), `${id} glyph ${g}`).toEqual(want);
      }
      expect(subset(face.fontkit as unknown as Subsettable).equals(subset(reference)), id).toBe(true);
    }
    // Only what was used was read: a few blocks, not the Chinese face's 10 MB of outlines.
    const registry = loadFontRegistry({ bytes: (m) => openVerifiedFont(REPO_ROOT, m) });
    const chinese = registry.faceById('noto-sans-sc-regular');
    const cps = [...samples['noto-sans-sc-regular']!].map((c) => c.codePointAt(0)!);
    for (const cp of cps) expect(chinese.glyphBox((chinese.fontkit as unknown as Subsettable).glyphForCodePoint(cp).id)).toBeDefined();
    const sc = chinese.data;
    const glyf = sfntTables(sc)!.get('glyf')!;
    let read = 0;
    for (let at = glyf.offset; at < glyf.offset + glyf.length; at += 4096) if (sc.subarray(at, at + 4096).some((b) => b !== 0)) read += 4096;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(glyf.length / 50);
  });
});
