import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontRegistry, loadFontRegistry, readManifest } from '../../../src/fonts/registry.ts';
import { languages } from '../../../src/content/languages.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';

const manifest = readManifest();

describe('font manifest', () => {
  it('every face file matches its sha256', () => {
    for (const f of manifest.faces) {
      const digest = createHash('sha256')
        .update(readFileSync(join(REPO_ROOT, 'fonts', f.file)))
        .digest('hex');
      expect(digest, f.file).toBe(f.sha256);
    }
  });

  it('every family in every script stack has a Regular and a Bold face', () => {
    for (const [script, families] of Object.entries(manifest.stacks)) {
      for (const family of families) {
        const weights = manifest.faces
          .filter((f) => f.familyId === family)
          .map((f) => f.weight)
          .sort();
        expect(weights, `${script}: ${family}`).toEqual([400, 700]);
      }
    }
  });

  it('every language override names known families, and every language script has a stack', () => {
    const families = new Set(manifest.faces.map((f) => f.familyId));
    for (const l of languages().values()) {
      for (const fam of l.fonts ?? []) expect(families.has(fam), `${l.code}: ${fam}`).toBe(true);
      expect(manifest.stacks[l.script], `${l.code} script ${l.script}`).toBeDefined();
    }
  });
});

describe('font registry', () => {
  it('is a singleton that opens each face once', () => {
    const a = fontRegistry().faceById('noto-sans-regular');
    const b = fontRegistry().face('noto-sans', 400);
    expect(a).toBe(b);
    expect(a.data).toBe(b.data);
    expect(fontRegistry()).toBe(fontRegistry());
  });

  it('gives repository-relative files and metrics', () => {
    const naskh = fontRegistry().face('noto-naskh-arabic', 700);
    expect(naskh.ref.id).toBe('noto-naskh-arabic-bold');
    expect(naskh.ref.file).toBe('fonts/noto-naskh-arabic/NotoNaskhArabic_700Bold.ttf');
    expect(naskh.ref.faceIndex).toBe(0);
    expect(naskh.ref.unitsPerEm).toBeGreaterThan(0);
    expect(naskh.ref.ascent).toBeGreaterThan(0);
    expect(naskh.ref.descent).toBeGreaterThan(0);
    expect(naskh.fontkit.unitsPerEm).toBe(naskh.ref.unitsPerEm);
  });

  it('answers coverage from the cmap', () => {
    const r = fontRegistry();
    expect(r.face('noto-naskh-arabic', 400).hasChar(0x0644)).toBe(true); // ل
    // The bundled Google Fonts builds of the Noto script fonts carry basic Latin, digits and '.'
    // (unlike the upstream Noto builds, measured in docs/text-engine.md), but not e.g. № U+2116.
    expect(r.face('noto-naskh-arabic', 400).hasChar(0x0048)).toBe(true);
    expect(r.face('noto-sans-hebrew', 400).hasChar(0x2116)).toBe(false);
    expect(r.face('noto-sans', 400).hasChar(0x2116)).toBe(true);
    expect(r.face('noto-sans', 400).hasChar(0x1f600)).toBe(false);
  });

  it('builds stacks from the language override, else the script default', () => {
    const r = fontRegistry();
    expect(r.stack('ur')).toEqual(['noto-nastaliq-urdu', 'noto-naskh-arabic', 'noto-sans']);
    expect(r.stack('ar')).toEqual(['noto-naskh-arabic', 'noto-sans']);
    expect(r.stack('fa-AF')).toEqual(['noto-naskh-arabic', 'noto-sans']);
    expect(r.stack('zh-Hant')).toEqual(['noto-sans-tc', 'noto-sans']);
    expect(r.stack('zh-Hans-HK')).toEqual(['noto-sans-sc', 'noto-sans']);
    expect(r.stack('en')).toEqual(['noto-sans']);
  });

  it('falls back to the regular face only when a family has no bold, and rejects unknown families', () => {
    const r = loadFontRegistry();
    expect(() => r.face('no-such-family', 400)).toThrow(/not in fonts\/manifest.json/);
    expect(() => r.faceById('no-such-face')).toThrow(/not in fonts\/manifest.json/);
  });
});
