import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fallbackChain } from '../../../src/i18n/fallback.ts';
import { uiTranslator } from '../../../src/i18n/ui.ts';
import { copyFixture } from '../cli/helpers.ts';

/** A content folder whose own locales/ override the repository's: Persian, Arabic plurals, an empty string. */
function contentWithLocales(): string {
  const { content } = copyFixture('content-basic');
  const put = (lng: string, strings: Record<string, string>) => {
    mkdirSync(join(content, 'locales', lng), { recursive: true });
    writeFileSync(join(content, 'locales', lng, 'ui.json'), JSON.stringify(strings));
  };
  put('fa', { testFaOnly: 'تماس', qrCaption: 'اسکن کنید' });
  put('prs', { qrCaption: 'اسکن نمایید' });
  put('fa-AF', {});
  put('ar', {
    hotlineLabel: '',
    languageCount_zero: 'لا لغات',
    languageCount_one: 'لغة واحدة',
    languageCount_two: 'لغتان',
    languageCount_few: '{{count}} لغات',
    languageCount_many: '{{count}} لغة',
    languageCount_other: '{{count}} لغة (other)',
  });
  put('en', { cutHere: 'Cut carefully', testEnOnly: 'English only' });
  return content;
}

describe('fallback chains', () => {
  it('follow locales/languages.json, then the base language, then the source', () => {
    expect(fallbackChain('prs')).toEqual(['prs', 'fa', 'en']);
    expect(fallbackChain('fa-AF')).toEqual(['fa-AF', 'fa', 'en']);
    expect(fallbackChain('ar')).toEqual(['ar', 'en']);
    expect(fallbackChain('en')).toEqual(['en']);
  });
});

describe('UI strings through i18next', () => {
  const t = uiTranslator(contentWithLocales());
  it('walks prs → fa → en', () => {
    expect(t.t('qrCaption', { lng: 'prs' })).toBe('اسکن نمایید');
    // Keys only the test's overrides define, so translators' locale files cannot change the outcome.
    expect(t.t('testFaOnly', { lng: 'prs' })).toBe('تماس');
    expect(t.t('testEnOnly', { lng: 'prs' })).toBe('English only');
    expect(t.t('testFaOnly', { lng: 'fa-AF' })).toBe('تماس');
    expect(t.t('testFaOnly', { lng: 'ar' })).toBe('testFaOnly');
  });
  it('does not count an empty string as translated', () => {
    expect(t.t('hotlineLabel', { lng: 'ar' })).toBe('Call');
  });
  it('uses all six Arabic plural forms and interpolates', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t.t('languageCount', { lng: 'ar', count }));
    expect(forms).toEqual(['لا لغات', 'لغة واحدة', 'لغتان', '3 لغات', '11 لغة', '100 لغة (other)']);
    expect(t.t('languageCount', { lng: 'en', count: 1 })).toBe('1 language');
    expect(t.t('edition', { lng: 'en', version: '2026.1', date: '2026-11-26' })).toBe('Edition 2026.1 · 2026-11-26');
  });
  it("lets a content folder's locales override the repository's, key by key", () => {
    expect(t.t('cutHere', { lng: 'en' })).toBe('Cut carefully');
    expect(t.t('pendingNotice', { lng: 'en' })).toBe('Updated — translation pending');
  });
});
