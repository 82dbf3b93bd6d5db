import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { bidiLevels, itemize, resolveScripts } from '../../../src/text/itemize.ts';
import type { Paragraph } from '../../../src/text/types.ts';

const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();
const para = (text: string, lang: string, spans: Paragraph['spans'] = []): Paragraph => ({ text, lang, spans });
const pieces = (p: Paragraph): string[] => itemize(p).map((i) => `${i.level}:${i.script}:${p.text.slice(i.start, i.end)}`);

describe('itemize', () => {
  it('splits Arabic text around an isolated phone number and a Latin name, in logical order', () => {
    expect(pieces(para('اتصل على الرقم 0800 123 4567 قبل مقابلة Home Office.', 'ar'))).toEqual([
      '1:Arab:اتصل على الرقم ',
      '2:Arab:0800 123 4567',
      '1:Arab: قبل مقابلة ',
      '2:Latn:Home Office',
      '1:Arab:.', // the sentence's full stop belongs to the Arabic text on its level
    ]);
  });

  it('takes the base direction from the language, not from the first strong character', () => {
    // Starts with Latin, but Urdu is RTL: the paragraph level stays 1.
    const items = itemize(para('Home Office کے انٹرویو سے پہلے', 'ur'));
    expect(items[0]!.level).toBe(2);
    expect(items.at(-1)!.level).toBe(1);
    expect(itemize(para('שלום', 'en'))[0]!.level).toBe(1); // Hebrew word inside an English paragraph
    expect(itemize(para('Hello', 'en'))[0]!.level).toBe(0);
  });

  it('keeps all groups of a phone number at one LTR level inside RTL text (plain UAX #9 would not)', () => {
    for (const [text, lang] of [
      ['התקשר למספר 0800 123 4567 עכשיו', 'he'],
      ['با شماره 0800 123 4567 تماس بگیرید', 'fa'],
      ['رقم +44 20 7946 0000 و 0800-123-4567', 'ar'],
      ['شماره ۱۲۳ ۴۵۶ ۷۸۹', 'fa'],
    ] as const) {
      const levels = bidiLevels(text, 'rtl');
      for (const m of text.matchAll(/\+?\p{Nd}+(?:[ -]\p{Nd}+)+/gu)) {
        const span = [...levels.slice(m.index, m.index + m[0].length)];
        expect(new Set(span).size, `${m[0]} in ${lang}`).toBe(1);
        expect(span[0]! % 2, `${m[0]} in ${lang} is LTR`).toBe(0);
      }
    }
  });

  it('isolation is needed: plain UAX #9 (bidi-js alone) resolves the spaces inside the number RTL', () => {
    const text = 'התקשר למספר 0800 123 4567 עכשיו';
    const plain = bidi.getEmbeddingLevels(text, 'rtl').levels;
    const space = text.indexOf('0800 ') + 4;
    expect(plain[space]! % 2).toBe(1); // the groups would be displayed as 4567 123 0800
    expect(bidiLevels(text, 'rtl')[space]! % 2).toBe(0);
  });

  it('leaves numbers in purely LTR paragraphs alone (no needless item splits)', () => {
    expect(new Set(bidiLevels('call 0800 123 4567 now', 'ltr'))).toEqual(new Set([0]));
  });

  it('resolves Common and Inherited characters to the surrounding script, brackets as pairs', () => {
    const text = 'দপ্তরের (Home Office) সাক্ষাৎ';
    const scripts = resolveScripts(text, 'Beng');
    expect(scripts[text.indexOf('(')]).toBe('Beng');
    expect(scripts[text.indexOf(')')]).toBe('Beng');
    expect(scripts[text.indexOf(')') + 1]).toBe('Beng'); // the space after the bracket
    expect(scripts[text.indexOf('H')]).toBe('Latn');
    expect(resolveScripts('123 abc', 'Arab')).toEqual(Array(7).fill('Latn')); // leading digits take what follows
    expect(resolveScripts('123', 'Arab')).toEqual(['Arab', 'Arab', 'Arab']); // no script at all: the language's
    const vi = 'Vie\u0302\u0323t'; // combining marks inherit Latin
    expect(new Set(resolveScripts(vi, 'Latn'))).toEqual(new Set(['Latn']));
  });

  it('splits on style spans (weight and language) and leaves out forced breaks', () => {
    const text = 'Call now\nfree';
    const items = itemize(para(text, 'en', [
      { start: 0, end: 5, weight: 700 },
      { start: 5, end: 13, weight: 400, lang: 'en-GB' },
    ]));
    expect(items.map((i) => [text.slice(i.start, i.end), i.weight, i.lang])).toEqual([
      ['Call ', 700, 'en'],
      ['now', 400, 'en-GB'],
      ['free', 400, 'en-GB'],
    ]);
  });

  it('gives a surrogate pair one level and one script', () => {
    const text = 'שלום 😀 עולם';
    const levels = bidiLevels(text, 'rtl');
    const at = text.indexOf('😀');
    expect(levels[at]).toBe(levels[at + 1]);
    const items = itemize(para(text, 'he'));
    for (const i of items) {
      expect(text.charCodeAt(i.start) >= 0xdc00 && text.charCodeAt(i.start) <= 0xdfff).toBe(false);
    }
  });
});
