import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { ALL_LEVEL_ONE_IN_RTL, bidiLevels, isolateRanges, itemize, LEVEL_RAISING, resolveScripts } from '../../../src/text/itemize.ts';
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
    const items = itemize(
      para(text, 'en', [
        { start: 0, end: 5, weight: 700 },
        { start: 5, end: 13, weight: 400, lang: 'en-GB' },
      ]),
    );
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

  it('isolates a span whose language runs the other way: its brackets stay at the LTR level of its letters', () => {
    const arabic = 'بعد القبض عليك، مثلًا عن جنسيتك. ';
    const marker = '[PLACEHOLDER: verify (Act 2017 ss.159–160)]';
    const text = `${arabic}${marker} تم.`;
    const spans = [
      { start: 0, end: arabic.length, weight: 400 as const },
      { start: arabic.length, end: arabic.length + marker.length, weight: 400 as const, lang: 'en' },
      { start: arabic.length + marker.length, end: text.length, weight: 400 as const },
    ];
    const levels = bidiLevels(text, 'rtl', spans);
    expect([...levels.slice(arabic.length, arabic.length + marker.length)]).toEqual(Array(marker.length).fill(2));
    // Plain UAX #9 (the same text without the span language) leaves both square brackets at the RTL level.
    const plain = bidiLevels(text, 'rtl');
    expect(plain[arabic.length]! % 2).toBe(1);
    expect(plain[arabic.length + marker.length - 1]! % 2).toBe(1);
    // One item for the whole marker, Latin (the `[` opens the English run, so it is not set in the Arabic font).
    expect(pieces(para(text, 'ar', spans))).toEqual([`1:Arab:${arabic}`, `2:Latn:${marker}`, '1:Arab: تم.']);
  });

  it('nests a grouped number inside an RTL span isolate in LTR text', () => {
    const text = 'Say «اتصل 0800 123 4567» now';
    const s0 = text.indexOf('ا');
    const s1 = text.indexOf('»');
    const num = text.indexOf('0800');
    const spans = [
      { start: 0, end: s0, weight: 400 as const },
      { start: s0, end: s1, weight: 400 as const, lang: 'ar' },
      { start: s1, end: text.length, weight: 400 as const },
    ];
    expect(isolateRanges(text, 'ltr', spans)).toEqual([
      { start: s0, end: s1, direction: 'rtl' },
      { start: num, end: num + 13, direction: 'ltr', override: true },
    ]);
    expect(new Set(bidiLevels(text, 'ltr', spans).slice(num, num + 13))).toEqual(new Set([2]));
  });

  it('isolates RTL spans inside LTR text with RLI (levels 1 inside 0), and leaves same-direction spans alone', () => {
    const text = 'Ask for (محامٍ) now';
    const at = text.indexOf('(');
    const spans = [
      { start: 0, end: at, weight: 400 as const },
      { start: at, end: at + 7, weight: 400 as const, lang: 'ar' },
      { start: at + 7, end: text.length, weight: 400 as const },
    ];
    expect(isolateRanges(text, 'ltr', spans)).toEqual([{ start: at, end: at + 7, direction: 'rtl' }]);
    expect([...bidiLevels(text, 'ltr', spans).slice(at, at + 7)]).toEqual(Array(7).fill(1));
    expect(bidiLevels('Ask for (محامٍ) now', 'ltr')[at]).toBe(0); // without the isolate the bracket is LTR
    expect(isolateRanges('Call Anti-Raids now', 'ltr', [{ start: 5, end: 15, weight: 400, lang: 'fr' }])).toEqual([]);
  });

  it('makes touching spans of one direction one isolate, stops it at forced breaks, adds no number isolate inside it', () => {
    const text = 'قل [NOTE: call **0800 123 4567**\nnow] تم';
    const open = text.indexOf('[');
    const br = text.indexOf('\n');
    const close = text.indexOf(']') + 1;
    const bold = text.indexOf('0800');
    const spans = [
      { start: 0, end: open, weight: 400 as const },
      { start: open, end: bold, weight: 400 as const, lang: 'en' },
      { start: bold, end: bold + 13, weight: 700 as const, lang: 'en' },
      { start: bold + 13, end: close, weight: 400 as const, lang: 'en' },
      { start: close, end: text.length, weight: 400 as const },
    ];
    // The number inside the English isolate is LTR there already: no second isolate (it would sit at level 4).
    expect(isolateRanges(text, 'rtl', spans)).toEqual([
      { start: open, end: br, direction: 'ltr' },
      { start: br + 1, end: close, direction: 'ltr' },
    ]);
    const levels = bidiLevels(text, 'rtl', spans);
    expect(levels[open]).toBe(2);
    expect(levels[bold + 4]).toBe(2);
    expect(levels[close - 1]).toBe(2);
    expect(levels[close]).toBe(1);
    // A number that crosses a span isolate's edge is left out; the span decides.
    const cross = 'رقم 0800 123';
    expect(
      isolateRanges(cross, 'rtl', [
        { start: 0, end: 9, weight: 400 },
        { start: 9, end: cross.length, weight: 400, lang: 'en' },
      ]),
    ).toEqual([{ start: 9, end: cross.length, direction: 'ltr' }]);
  });

  it('keeps offsets into the original text: levels of text after several isolates are unchanged', () => {
    const text = 'اتصل 0800 123 4567 أو Anti-Raids Network ثم 020 7946 0000 الآن';
    const name = text.indexOf('Anti');
    const spans = [
      { start: 0, end: name, weight: 400 as const },
      { start: name, end: name + 18, weight: 400 as const, lang: 'en' },
      { start: name + 18, end: text.length, weight: 400 as const },
    ];
    const levels = bidiLevels(text, 'rtl', spans);
    expect(levels.length).toBe(text.length);
    for (const [i, ch] of [...text].entries()) {
      if (/\p{Script=Arabic}/u.test(ch)) expect(levels[i], `${ch} at ${i}`).toBe(1);
      else if (/[\p{L}\p{Nd}]/u.test(ch)) expect(levels[i], `${ch} at ${i}`).toBe(2);
    }
  });

  it('skips the bidi algorithm only when it would give level 0 everywhere: LEVEL_RAISING covers every raising class', () => {
    const raising = new Set(['R', 'AL', 'AN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI']);
    const bidiJs = bidi as Bidi & { getBidiCharTypeName(ch: string): string };
    const missed: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const ch = String.fromCharCode(u);
      if (raising.has(bidiJs.getBidiCharTypeName(ch)) && !LEVEL_RAISING.test(ch)) missed.push(u.toString(16));
    }
    expect(missed).toEqual([]);
    // The short cut and the algorithm agree on left-to-right text with digits, marks, brackets and CJK.
    for (const text of ['Call 0800 123 (free) – café, naïve 12.5%', '移民官员 (Home Office) 2024年', 'a\u0301\nb 1/2 +44', 'ኢሚግሬሽን 3፣ 5']) {
      expect([...bidiLevels(text, 'ltr')], text).toEqual([...bidi.getEmbeddingLevels(text, 'ltr').levels]);
    }
    // One Arabic-Indic digit (class AN) or one RLM is enough to run the algorithm.
    expect([...bidiLevels('a \u0661 b', 'ltr')]).toEqual([0, 0, 2, 0, 0]);
    expect(bidiLevels('a\u200Fb', 'ltr')[1]).toBe(1);
  });

  it('skips the bidi algorithm in right-to-left text only when it would give level 1 everywhere', () => {
    const levelOne = new Set(['R', 'AL', 'NSM', 'BN', 'B', 'S', 'WS', 'ON', 'CS', 'ES', 'ET']);
    const bidiJs = bidi as Bidi & { getBidiCharTypeName(ch: string): string };
    const matched: string[] = [];
    const wrong: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const ch = String.fromCharCode(u);
      if (!ALL_LEVEL_ONE_IN_RTL.test(ch)) continue;
      matched.push(ch);
      if (!levelOne.has(bidiJs.getBidiCharTypeName(ch))) wrong.push(`${u.toString(16)} ${bidiJs.getBidiCharTypeName(ch)}`);
    }
    expect(wrong).toEqual([]);
    // The short cut and the algorithm agree on such text: shipped-like sentences, and random strings of the set
    // (marks first, after a newline, brackets unpaired, ZWNJ and RLM between letters).
    const texts = ['اعرف حقوقك', 'قبل أي قبض عليك، في العادة لستَ مُلزَمًا بالإجابة عن الأسئلة.', 'می‌توانید «نه» بگویید!\nשלום (עולם) — ?'];
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let k = 0; k < 300; k++) {
      let t = '';
      for (let n = 1 + (next() % 12); n > 0; n--) t += matched[next() % matched.length];
      texts.push(t);
    }
    for (const text of texts) {
      expect(ALL_LEVEL_ONE_IN_RTL.test(text), text).toBe(true);
      expect([...bidiLevels(text, 'rtl')], text).toEqual([...bidi.getEmbeddingLevels(text, 'rtl').levels]);
    }
    // A digit (EN), an Arabic-Indic digit (AN), a Latin letter or an LRM is enough to run the algorithm.
    for (const text of ['رقم 5', 'رقم ٥', 'Home دفتر', 'ا\u200Eب']) expect(ALL_LEVEL_ONE_IN_RTL.test(text), text).toBe(false);
    expect([...bidiLevels('رقم 5', 'rtl')]).toEqual([1, 1, 1, 1, 2]);
  });
});
