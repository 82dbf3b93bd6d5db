import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/platform/node.ts';

/**
 * A content folder on disk reads only what really lies inside it: links are followed, but one whose target is
 * outside the folder (a file, or a whole subfolder) reads as absent and is reported `outside`.
 */
describe('folderSource', () => {
  const base = mkdtempSync(join(tmpdir(), 'rp-folder-source-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const real = join(base, 'real');
  const elsewhere = join(base, 'elsewhere');
  mkdirSync(join(real, 'translations'), { recursive: true });
  mkdirSync(join(real, 'assets', 'dir.svg'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(real, 'project.yaml'), 'a: 1\n');
  writeFileSync(join(real, 'translations', 'ar.yaml'), 'language: ar\n');
  writeFileSync(join(elsewhere, 'secret.yaml'), 'secret\n');
  symlinkSync(join(real, 'translations', 'ar.yaml'), join(real, 'translations', 'ar-link.yaml'));
  symlinkSync(join(elsewhere, 'secret.yaml'), join(real, 'translations', 'fa.yaml'));
  symlinkSync(join(base, 'nothing.yaml'), join(real, 'translations', 'dangling.yaml'));
  symlinkSync(elsewhere, join(real, 'linked'));
  symlinkSync(real, join(base, 'via-link'));
  const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : Buffer.from(b).toString('utf8'));

  for (const [name, dir] of [
    ['the folder', real],
    ['the folder reached through a link', join(base, 'via-link')],
  ] as const) {
    it(`reads files inside ${name}, and links whose target is inside`, () => {
      const source = folderSource(dir);
      expect(text(source.read('project.yaml'))).toBe('a: 1\n');
      expect(text(source.read('./translations//ar.yaml'))).toBe('language: ar\n');
      expect(text(source.read('translations/ar-link.yaml'))).toBe('language: ar\n');
      expect(source.outside?.('translations/ar-link.yaml')).toBe(false);
      expect(source.size('translations/ar.yaml')).toBe(13);
      expect(source.exists('translations/ar.yaml')).toBe(true);
      expect(source.list('translations')).toEqual(['ar-link.yaml', 'ar.yaml', 'dangling.yaml', 'fa.yaml']);
    });

    it(`refuses what lies outside ${name}: a linked file, a linked folder, a path up and out`, () => {
      const source = folderSource(dir);
      expect(source.read('translations/fa.yaml')).toBeUndefined();
      expect(source.outside?.('translations/fa.yaml')).toBe(true);
      expect(source.exists('translations/fa.yaml')).toBe(true);
      expect(source.read('linked/secret.yaml')).toBeUndefined();
      expect(source.outside?.('linked/secret.yaml')).toBe(true);
      expect(source.read('../elsewhere/secret.yaml')).toBeUndefined();
      expect(source.outside?.('../elsewhere/secret.yaml')).toBe(true);
    });
  }

  it('a dangling link, a folder and a missing file read as absent, and none is outside', () => {
    const source = folderSource(real);
    for (const key of ['translations/dangling.yaml', 'assets/dir.svg', 'translations/none.yaml']) {
      expect(source.read(key)).toBeUndefined();
      expect(source.exists(key)).toBe(false);
      expect(source.size(key)).toBeUndefined();
      expect(source.outside?.(key)).toBe(false);
    }
    expect(source.folders('assets')).toEqual(['dir.svg']);
    expect(source.list('nothing-here')).toEqual([]);
    expect(source.list('project.yaml')).toEqual([]);
  });
});
