import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { CODES } from '../../../src/diagnostics/codes.ts';
import { inOrderWithoutBidi, localize } from '../../../src/i18n/localize.ts';
import { displaysInOrder } from '../../../src/text/itemize.ts';
import { prng } from '../../faults/helpers.ts';

/** The rtl-bracketed-phone fixture: ar, fa, ur; hotline, website and email settings, all recognised units. */
const base = loadContent(fileURLToPath(new URL('../../regressions/rtl-bracketed-phone/content/', import.meta.url))).content as ContentDoc;

function warnings(settings: Record<string, string>, lang = 'ar') {
  const content = { ...base, project: { ...base.project, settings: { ...base.project.settings, ...settings } } };
  return localize(content, content.editions[0]!, lang).diagnostics.filter((d) => d.code === CODES.layout.settingOrder);
}

describe('displaysInOrder (text/itemize.ts)', () => {
  it('is true for what the engine keeps together and for Latin names, false for values UAX #9 splits', () => {
    for (const v of [
      '(020) 7123 4567',
      '+44 (0)20 7123-4567',
      '020 7123 4567 ext. 12',
      '0800 123 4567',
      'https://example.org/help/',
      'help@example.org',
      'Example Anti-Raids Network',
      'PLACEHOLDER-set-your-hotline',
      '999',
    ]) {
      expect(displaysInOrder(v, 'rtl'), v).toBe(true);
    }
    for (const v of ['0800 RIGHTS', '020/7123 4567', '0800 123 4567 / 0800 765 4321', 'No Borders!']) expect(displaysInOrder(v, 'rtl'), v).toBe(false);
    expect(displaysInOrder('0800 RIGHTS', 'ltr')).toBe(true);
  });
});

describe('RP3005: a setting that would not print as one LTR unit in RTL languages', () => {
  it('warns for a hotline the engine cannot keep together, naming the setting, its value and where it is set', () => {
    const [w, ...more] = warnings({ hotline: '0800 RIGHTS' });
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', code: 'RP3005' });
    expect(w!.message).toContain('Setting `hotline` ("0800 RIGHTS") does not print as one left-to-right unit in right-to-left languages');
    expect(w!.span?.file).toMatch(/rtl-bracketed-phone\/content\/project\.yaml$/u);
    expect(w!.span?.line).toBe(13);
    expect(w!.hints.join(' ')).toMatch(/\(020\) 7123 4567/u);
    expect(warnings({ hotline: '020/7123 4567' }).map((d) => d.message)).toHaveLength(1);
  });

  it('warns for a letterless value printed inside a sentence, not for a name (an isolated source-language span there)', () => {
    expect(warnings({ email: '020 7123 4567 / 020 7123 4568' }).map((d) => /`(\w+)`/u.exec(d.message)![1])).toEqual(['email']);
    expect(warnings({ organisation: 'No Borders!' })).toEqual([]);
  });

  it('is silent for recognised phone numbers, URLs and e-mail addresses, and in left-to-right languages', () => {
    for (const hotline of ['(020) 7123 4567', '+44 (0)20 7123-4567', '020 7123 4567 ext. 12', 'PLACEHOLDER-set-your-hotline']) {
      for (const lang of ['ar', 'fa', 'ur']) expect(warnings({ hotline }, lang), `${hotline} ${lang}`).toEqual([]);
    }
    expect(warnings({ website: 'https://example.org/help/?lang=ar' })).toEqual([]);
    expect(warnings({ hotline: '0800 RIGHTS' }, 'en')).toEqual([]);
  });
});

describe('inOrderWithoutBidi: the lines localize passes without a bidi run display in order', () => {
  it('every generated line it matches (addresses, numbers, brackets, punctuation between letters) is in order by displaysInOrder', () => {
    const random = prng(707);
    const pieces = [
      'a',
      'Z',
      'x',
      ' ',
      '  ',
      '-',
      '0',
      '7',
      '+',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '<',
      '>',
      '/',
      ':',
      '.',
      ',',
      '@',
      '#',
      '%',
      '$',
      '"',
      "'",
      'www.',
      'https://',
      'http://',
      'mailto:',
      '.org',
      '.com/',
      '0800 ',
      '020 7123 4567',
      '(0)20 ',
      'ext. ',
      'RIGHTS',
      'help',
      '&',
      '~',
      '|',
      '\\',
      '!',
      '?',
    ];
    let matched = 0;
    for (let n = 0; n < 5000; n++) {
      let line = pieces[Math.floor(random() * 4)]!;
      const length = Math.floor(random() * 10);
      for (let i = 0; i < length; i++) line += pieces[Math.floor(random() * pieces.length)];
      line += random() < 0.8 ? pieces[Math.floor(random() * 3)] : pieces[Math.floor(random() * pieces.length)];
      if (!inOrderWithoutBidi(line)) continue;
      matched++;
      expect(displaysInOrder(line, 'rtl'), JSON.stringify(line)).toBe(true);
    }
    expect(matched).toBeGreaterThan(1000);
    // The shipped and example settings take it; what it leaves to the bidi run may not display in order.
    for (const v of ['PLACEHOLDER-set-your-hotline', 'https://example.org/PLACEHOLDER-set-your-website', 'help@example.org', 'Example Anti-Raids Network']) {
      expect(inOrderWithoutBidi(v), v).toBe(true);
    }
    for (const v of ['0800 RIGHTS', '020/7123 4567', 'x\u05D0y', 'RIGHTS 0800', ' a', 'x www.ab.cd]x']) expect(inOrderWithoutBidi(v), v).toBe(false);
  });
});
