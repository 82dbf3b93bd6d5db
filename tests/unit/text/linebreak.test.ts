import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { lineBreaks } from '../../../src/text/linebreak.ts';
import { sentences, type Sentence } from './hb-fixture.ts';

const positions = (text: string, lang = 'en') => lineBreaks(text, lang).map((b) => b.position);

describe('lineBreaks', () => {
  it('allows breaks after spaces (UAX #14) and always ends with the end of the text', () => {
    expect(positions('Do not sign')).toEqual([3, 7, 11]);
  });

  it('forces a break after \\n', () => {
    expect(lineBreaks('one\ntwo', 'en')).toEqual([
      { position: 4, required: true },
      { position: 7, required: true },
    ]);
  });

  it('respects no-break spaces', () => {
    expect(positions('Home\u00A0Office now')).toEqual([12, 15]);
    expect(positions('10\u202F000 kr')).toEqual([7, 9]);
  });

  it('keeps a grouped phone number together', () => {
    const text = 'Call 0800 123 4567 today';
    expect(positions(text)).toEqual([5, 19, 24]);
  });

  it('breaks Thai only at dictionary word boundaries, where UAX #14 alone gives none', () => {
    const text = 'คุณมีสิทธิที่จะไม่ให้ถ้อยคำ';
    const words = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.index));
    const breaks = positions(text, 'th');
    expect(breaks.length).toBeGreaterThan(3);
    for (const p of breaks) expect(words.has(p) || p === text.length, `break at ${p}`).toBe(true);
  });

  it('never breaks before CJK closing punctuation', () => {
    const text = '在没有获得法律意见之前，不要签署任何文件。请拨打电话」。';
    for (const p of positions(text, 'zh-Hans').filter((x) => x < text.length)) {
      expect('，。」）、'.includes(text[p]!), `break at ${p}`).toBe(false);
    }
    expect(positions(text, 'zh-Hans')).toContain(text.indexOf('，') + 1); // …but after it
  });
});

/** Scripts whose lines may only break at dictionary word boundaries. */
const DICTIONARY = /[\p{Script=Thai}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Lao}]/u;
/** CJK closing punctuation and the sentence/clause marks of our scripts (Myanmar ။, Khmer ។, danda, Ethiopic ።, Urdu ۔). */
const CLOSING = new Set(Array.from('，。、．：；！？）］｝」』】〕〉》၊။។៕।॥።፣،؛؟۔։ๆฯ'));

function sweep(s: Sentence, check: (text: string, lineStart: number, width: number) => void): number {
  let lineCount = 0;
  for (let width = 20; width <= 320; width += 7) {
    const layout = layoutParagraph({ text: s.text.normalize('NFC'), lang: s.lang === 'vi-nfd' ? 'vi' : s.lang, spans: [] }, { width, size: 11 });
    for (const line of layout.lines.slice(1)) check(s.text.normalize('NFC'), line.start, width);
    lineCount += layout.lines.length;
  }
  return lineCount;
}

describe('line breaking in laid-out paragraphs (sweep of widths 20–320 pt)', { tags: ['sweep'] }, () => {
  const corpus = sentences();

  it('Thai, Khmer and Myanmar lines start only at word boundaries', () => {
    const picked = corpus.filter((s) => ['th', 'km', 'my'].includes(s.lang));
    expect(new Set(picked.map((s) => s.lang))).toEqual(new Set(['th', 'km', 'my']));
    let checked = 0;
    let lastResort = 0;
    for (const s of picked) {
      const words = [...new Intl.Segmenter(s.lang, { granularity: 'word' }).segment(s.text)];
      const starts = new Set(words.map((w) => w.index));
      sweep(s, (text, start, width) => {
        const inside = DICTIONARY.test(text[start - 1]!) && DICTIONARY.test(text[start]!);
        if (!inside) return;
        checked++;
        if (starts.has(start)) return;
        // Mid-word is allowed only as the last resort: the word alone is wider than the measure.
        const word = [...words].reverse().find((w) => w.index < start)!;
        const alone = layoutParagraph({ text: word.segment, lang: s.lang, spans: [] }, { width: 1e6, size: 11 });
        expect(
          alone.maxWidth,
          `${s.id}: line starts mid-word at ${start} (${text.slice(start - 3, start)}|${text.slice(start, start + 3)}) at width ${width}`,
        ).toBeGreaterThan(width);
        lastResort++;
      });
    }
    expect(checked).toBeGreaterThan(50); // the sweep really produced breaks inside unspaced text
    expect(lastResort).toBeLessThan(checked / 2);
  });

  it('no line in any corpus sentence starts with a combining mark, CJK closing punctuation or a sentence mark', () => {
    let lines = 0;
    for (const s of corpus) {
      lines += sweep(s, (text, start) => {
        const ch = String.fromCodePoint(text.codePointAt(start)!);
        expect(/^\p{M}$/u.test(ch), `${s.id}: line starts with mark U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
        expect(CLOSING.has(ch), `${s.id}: line starts with ${ch}`).toBe(false);
      });
    }
    expect(lines).toBeGreaterThan(2000);
  });
});
