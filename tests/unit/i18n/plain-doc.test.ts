/**
 * A LocalizedDoc is plain data (issue #15): it survives structuredClone (what postMessage to a worker thread or a
 * Web Worker does) unchanged, materials built from the copy render to the same bytes, and the plain UI tables with
 * `uiText` print exactly what i18next printed through the language's fallback chain.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { languages } from '../../../src/content/languages.ts';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { guidanceString, interpolateUi, officerGuidanceString, officerUiText, uiText } from '../../../src/i18n/doc.ts';
import { localize } from '../../../src/i18n/localize.ts';
import { uiTranslator } from '../../../src/i18n/ui.ts';
import { materialOptionsFor, materials } from '../../../src/materials/index.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { copyFixture } from '../cli/helpers.ts';

const root = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const basic = loadContent(root('../../fixtures/content-basic/')).content as ContentDoc;
const shipped = loadContent(root('../../../content/')).content as ContentDoc;

describe('LocalizedDoc is plain data', () => {
  for (const lang of ['en', 'ar']) {
    it(`${lang}: structuredClone gives an equal doc, and its materials render to the same bytes`, async () => {
      const edition = basic.editions.find((e) => e.name === 'generic')!;
      const doc = localize(basic, edition, lang).doc;
      const copy = structuredClone(doc);
      expect(copy).not.toBe(doc);
      expect(copy).toStrictEqual(doc);
      const options = materialOptionsFor(basic);
      for (const kind of ['card', 'leaflet', 'poster'] as const) {
        const a = materials[kind](doc, options);
        const b = materials[kind](copy, options);
        expect(b.diagnostics).toEqual(a.diagnostics);
        expect(b.outputs.map((o) => o.file)).toEqual(a.outputs.map((o) => o.file));
        for (const [i, output] of a.outputs.entries()) {
          const bytes = Buffer.from(await renderPdf(output.doc));
          expect(bytes.length).toBeGreaterThan(1000);
          expect(Buffer.from(await renderPdf(b.outputs[i]!.doc)).equals(bytes), `${kind} ${output.file}`).toBe(true);
        }
      }
    });
  }

  it('holds every key the materials print, in the language and in the officer language', () => {
    const edition = shipped.editions.find((e) => e.name === 'example-local')!;
    const doc = localize(shipped, edition, 'ar').doc;
    const m = shipped.project.materials;
    const keys = [
      ...m.card.front,
      ...m.card.back,
      m.leaflet.title,
      m.leaflet.hotline,
      m.leaflet.disclaimer,
      m.poster.title,
      m.poster.strip,
      ...m.poster.rights,
    ];
    for (const key of keys) {
      expect(guidanceString(doc, key).key).toBe(key);
      expect(officerGuidanceString(doc, key).lang).toBe(shipped.project.officerLanguage);
    }
  });

  it('throws for keys it does not hold, including Object.prototype names', () => {
    const doc = localize(basic, basic.editions[0]!, 'en').doc;
    expect(() => guidanceString(doc, 'no.such.key')).toThrow(/unknown guidance key no\.such\.key/u);
    expect(() => guidanceString(doc, 'toString')).toThrow(/unknown guidance key/u);
    expect(() => uiText(doc, 'noSuchUiKey')).toThrow(/unknown UI string/u);
    expect(() => uiText(doc, 'constructor')).toThrow(/unknown UI string/u);
    // A plural or context lookup is i18next's, not a plain table's: refusing it beats printing another form.
    expect(() => uiText(doc, 'page', { count: 2 })).toThrow(/i18next option/u);
  });
});

describe('uiText prints what i18next printed', () => {
  const vars = { page: 3, total: 12, version: '2026.1', date: '2026-11-26' };
  // Every language with UI strings or a known fallback chain (prs → fa, fa-AF → fa, …), plus one with neither.
  const langs = [
    ...new Set([
      ...readdirSync(root('../../../locales/'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
      ...languages().keys(),
    ]),
  ];

  it(`for every key of ${langs.length} languages, with and without variables, in the language and as officer language`, () => {
    const edition = shipped.editions.find((e) => e.name === 'example-local')!;
    const t = uiTranslator(shipped.root, shipped.project.sourceLanguage);
    let compared = 0;
    for (const lang of langs) {
      const doc = localize(shipped, edition, lang).doc;
      const fixed = t.getFixedT(lang);
      for (const key of Object.keys(doc.ui)) {
        expect(uiText(doc, key), `${lang} ${key}`).toBe(fixed(key, {}));
        expect(uiText(doc, key, vars), `${lang} ${key}`).toBe(fixed(key, vars));
        compared++;
      }
      expect(officerUiText(doc, 'hotlineLabel')).toBe(t.getFixedT(shipped.project.officerLanguage)('hotlineLabel', {}));
    }
    expect(compared).toBeGreaterThan(langs.length * 10);
  });

  it("follows a content folder's own locales: an empty string falls back, prs → fa → en, plural forms by key", () => {
    const { content: dir } = copyFixture('content-basic');
    const put = (lng: string, strings: Record<string, string>) => {
      mkdirSync(join(dir, 'locales', lng), { recursive: true });
      writeFileSync(join(dir, 'locales', lng, 'ui.json'), JSON.stringify(strings));
    };
    put('ar', { hotlineLabel: '', languageCount_few: '{{count}} لغات' });
    put('fa', { testFaOnly: 'تماس {{page}}', qrCaption: 'اسکن کنید' });
    put('prs', { qrCaption: 'اسکن نمایید' });
    put('en', { cutHere: 'Cut carefully', testEnOnly: 'English only' });
    const own = loadContent(dir).content as ContentDoc;
    const t = uiTranslator(own.root, own.project.sourceLanguage);
    const edition = own.editions[0]!;
    for (const lang of ['ar', 'prs', 'fa-AF', 'en']) {
      const doc = localize(own, edition, lang).doc;
      for (const key of Object.keys(doc.ui)) expect(uiText(doc, key, vars), `${lang} ${key}`).toBe(t.getFixedT(lang)(key, vars));
    }
    const ar = localize(own, edition, 'ar').doc;
    expect(uiText(ar, 'hotlineLabel')).toBe('Call');
    expect(uiText(ar, 'languageCount_few')).toBe('{{count}} لغات');
    expect(uiText(localize(own, edition, 'prs').doc, 'testFaOnly', vars)).toBe('تماس 3');
    expect(uiText(localize(own, edition, 'prs').doc, 'testEnOnly')).toBe('English only');
    expect(() => uiText(ar, 'testFaOnly')).toThrow(/unknown UI string/u);
  });

  it('fills placeholders like i18next for edge cases: spaces, unescaped form, missing and undefined values, values with braces', async () => {
    const templates: Record<string, string> = {
      spaced: 'A {{ page }} / {{total}}',
      unescaped: 'B {{- page}} {{-total}}',
      missing: 'C {{page}} {{absent}}',
      braces: 'D {{page}} {{total}}',
      repeated: 'E {{page}}{{page}}',
      html: 'F <b>{{page}}</b> & {{total}}',
    };
    const t = i18next.createInstance();
    await t.init({
      lng: 'xx',
      resources: { xx: { ui: templates } },
      ns: ['ui'],
      defaultNS: 'ui',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<typeof t.init>[0]);
    const cases: Record<string, string | number | undefined>[] = [
      { page: 1, total: 2 },
      { page: '{{total}}', total: '<&>' },
      { page: 0, total: undefined },
      { page: '$t(spaced)', total: '{{- page}}' },
    ];
    for (const [key, template] of Object.entries(templates)) {
      for (const v of cases) {
        expect(interpolateUi(template, v as Record<string, string | number>, key), `${key} ${JSON.stringify(v)}`).toBe(t.t(key, { ...v }));
      }
    }
  });

  it('refuses i18next formatting and nesting instead of printing something else', () => {
    expect(() => interpolateUi('{{date, datetime}}', { date: 'x' })).toThrow(/formatting/u);
    expect(() => interpolateUi('$t(other) {{page}}', { page: 1 })).toThrow(/nests/u);
    expect(() => interpolateUi('{{lng}}', {})).toThrow(/fills in/u);
  });
});
