import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';

/**
 * The web page's own strings (locales/<lng>/web.json): every translation has exactly English's keys, every
 * value is a non-empty string, and each value uses the same `{{placeholders}}` as English (i18next fills them).
 */
const LOCALES = join(REPO_ROOT, 'locales');
const read = (lng: string) => JSON.parse(readFileSync(join(LOCALES, lng, 'web.json'), 'utf8')) as Record<string, unknown>;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/gu)].map((m) => m[1]).sort();

const en = read('en');
const translated = readdirSync(LOCALES).filter((lng) => lng !== 'en' && existsSync(join(LOCALES, lng, 'web.json')));

describe('locales/*/web.json', () => {
  it('has English and at least Arabic and two more languages', () => {
    expect(translated).toEqual(expect.arrayContaining(['ar', 'fr', 'es']));
  });

  it.each(translated)('%s has exactly the keys of en/web.json, with the same placeholders', (lng) => {
    const strings = read(lng);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(strings)) {
      expect(typeof value, `${lng}/web.json ${key}`).toBe('string');
      expect((value as string).trim(), `${lng}/web.json ${key}`).not.toBe('');
      expect(placeholders(value as string), `${lng}/web.json ${key}`).toEqual(placeholders(en[key] as string));
    }
  });
});
