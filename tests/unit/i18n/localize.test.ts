import { guidanceString, officerGuidanceString, uiText } from '../../../src/i18n/doc.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { keyState, localize } from '../../../src/i18n/localize.ts';
import { translationStatus } from '../../../src/i18n/status.ts';
import { copyFixture, edit, FIXTURES } from '../cli/helpers.ts';

function load(dir = join(FIXTURES, 'content-basic')): ContentDoc {
  const { content, diagnostics } = loadContent(dir);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return content!;
}
function withPolicy(policy: string): ContentDoc {
  const { content } = copyFixture('content-basic');
  edit(join(content, 'project.yaml'), 'officerLanguage: en\n', `officerLanguage: en\npolicy: ${policy}\n`);
  return load(content);
}
const generic = (c: ContentDoc) => c.editions.find((e) => e.name === 'generic')!;

describe('translation states', () => {
  const content = load();
  it('distinguishes source, current, stale and missing', () => {
    expect(keyState(content, 'en', 'title')).toBe('source');
    expect(keyState(content, 'ar', 'title')).toBe('current');
    expect(keyState(content, 'ar', 'poster.right2')).toBe('stale');
    expect(keyState(content, 'ar', 'poster.right3')).toBe('missing');
  });
});

describe('print policy', () => {
  it('default (fallback): stale and missing print the source text with state fallback, and say so', () => {
    const content = load();
    const r = localize(content, generic(content), 'ar');
    expect(r.blocked).toBe(false);
    expect(guidanceString(r.doc, 'poster.right2')).toMatchObject({ lang: 'en', state: 'fallback', plain: 'Do not sign anything.' });
    expect(guidanceString(r.doc, 'poster.right3')).toMatchObject({ lang: 'en', state: 'fallback' });
    expect(guidanceString(r.doc, 'title')).toMatchObject({ lang: 'ar', state: 'current', plain: 'اعرف حقوقك', review: 'draft' });
    expect(r.diagnostics.find((d) => d.code === 'RP5004')?.hints.join()).toContain('poster.right2, poster.right3');
  });
  it('keep: prints the old translation as stale-kept with a warning; missing still falls back', () => {
    const content = withPolicy('{ stale: keep, missing: fallback }');
    const r = localize(content, generic(content), 'ar');
    expect(guidanceString(r.doc, 'poster.right2')).toMatchObject({ lang: 'ar', state: 'stale-kept' });
    expect(guidanceString(r.doc, 'poster.right3').state).toBe('fallback');
    expect(r.diagnostics.find((d) => d.code === 'RP5002')?.severity).toBe('warning');
    expect(r.blocked).toBe(false);
  });
  it('fail: one error naming the language and every blocked key', () => {
    const content = withPolicy('{ stale: fail, missing: fail }');
    const r = localize(content, generic(content), 'ar');
    expect(r.blocked).toBe(true);
    const d = r.diagnostics.find((x) => x.code === 'RP5001')!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('Arabic (ar)');
    expect(d.hints.join('\n')).toContain('outdated: poster.right2');
    expect(d.hints.join('\n')).toContain('missing: poster.right3');
    expect(localize(content, generic(content), 'pl').blocked).toBe(false);
  });
  it('an empty translation counts as missing', () => {
    const { content: dir } = copyFixture('content-basic');
    edit(join(dir, 'translations/pl.yaml'), 'text: Na ulicy', 'text: ""');
    expect(keyState(load(dir), 'pl', 'street.heading')).toBe('missing');
  });
});

describe('settings and the strip', () => {
  it('interpolates edition settings over project settings', () => {
    const content = load();
    const local = content.editions.find((e) => e.name === 'local')!;
    expect(guidanceString(localize(content, local, 'pl').doc, 'card.call').plain).toBe('Zadzwoń: 0800 000 0000');
    expect(guidanceString(localize(content, generic(content), 'pl').doc, 'hotline').plain).toBe('Example Anti-Raids Network: PLACEHOLDER-set-your-hotline');
  });
  it('warns once per placeholder setting in use, naming the setting and the edition file', () => {
    const content = load();
    const warnings = localize(content, generic(content), 'pl').diagnostics.filter((d) => d.code === 'RP5003');
    expect(warnings.map((d) => d.message.match(/`(\w+)`/u)?.[1])).toEqual(['hotline', 'website']);
    expect(warnings.every((d) => d.severity === 'warning')).toBe(true);
    expect(warnings[0]!.hints[0]).toContain('editions/generic.yaml');
    const local = content.editions.find((e) => e.name === 'local')!;
    expect(localize(content, local, 'pl').diagnostics.filter((d) => d.code === 'RP5003')).toEqual([]);
  });
  it('builds the strip from every edition language in its own language, leaving out fallbacks', () => {
    const content = load();
    const strip = localize(content, generic(content), 'ar').doc.strip;
    expect(strip.map((s) => [s.lang.code, s.text])).toEqual([
      ['en', 'Know your rights'],
      ['ar', 'اعرف حقوقك'],
      ['pl', 'Poznaj swoje prawa'],
    ]);
  });
  it('gives UI strings through the language chain and the officer side in the officer language', () => {
    const content = load();
    const doc = localize(content, generic(content), 'pl').doc;
    expect(officerGuidanceString(doc, 'officer.title')).toMatchObject({ lang: 'en', state: 'source' });
    expect(uiText(doc, 'edition', { version: '2026.1', date: '2026-11-26' })).toMatch(/2026\.1.*2026-11-26/u);
    // Plural lookups are i18next's (ui.test.ts); the plain tables hold each form under its own key only.
    expect(() => uiText(doc, 'languageCount', { count: 2 })).toThrow(/unknown UI string/u);
    expect(doc.ui.languageCount_other).toMatch(/\{\{count\}\}/u);
    expect(doc.review).toBe('reviewed');
  });
});

describe('status', () => {
  it('counts translated, missing and stale per language, with review and policy outcome', () => {
    const content = load();
    const [en, ar, pl] = translationStatus(content, ['en', 'ar', 'pl']);
    expect(en).toMatchObject({ translated: 15, missing: 0, stale: 0, outcome: 'complete' });
    expect(ar).toMatchObject({ total: 15, translated: 13, missing: 1, stale: 1, review: 'draft', outcome: 'fallback', printable: true });
    expect(ar!.staleStrings.map((s) => s.key)).toEqual(['poster.right2']);
    expect(ar!.staleStrings[0]!.oldSource).toBeUndefined();
    expect(pl).toMatchObject({ translated: 15, review: 'reviewed', reviewedBy: 'Example reviewer', outcome: 'complete' });
  });
  it('shows the old source text when an earlier content folder has it', () => {
    const { content: older } = copyFixture('content-basic');
    edit(join(older, 'guidance/en.yaml'), 'poster.right2: Do not sign anything.', 'poster.right2: Do not sign.');
    const [ar] = translationStatus(load(), ['ar'], load(older));
    expect(ar!.staleStrings[0]).toMatchObject({ key: 'poster.right2', oldSource: 'Do not sign.', source: 'Do not sign anything.' });
  });
});
