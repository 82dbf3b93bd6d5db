import { describe, expect, it } from 'vitest';
import { fontRegistry } from '../../../src/fonts/registry.ts';
import { layoutParagraph, reorder } from '../../../src/text/layout-paragraph.ts';
import { shape, UNSAFE_TO_BREAK } from '../../../src/text/shape.ts';
import type { Line } from '../../../src/text/types.ts';
import { engineLang, sentences } from './hb-fixture.ts';

const oneLine = (text: string, lang: string): Line => {
  const l = layoutParagraph({ text, lang, spans: [] }, { width: 1e6, size: 12 });
  expect(l.lines).toHaveLength(1);
  return l.lines[0]!;
};
const visual = (line: Line): string[] => line.runs.map((r) => r.text);

describe('visual order of runs (drawing order, left to right)', () => {
  it('Arabic: the phone number reads 0800 123 4567 and sits right of "Home Office"', () => {
    const line = oneLine('اتصل مجانًا على الرقم 0800 123 4567 قبل مقابلة Home Office.', 'ar');
    expect(visual(line)).toEqual(['.', 'Home Office', ' قبل مقابلة ', '0800 123 4567', 'اتصل مجانًا على الرقم ']);
    expect(line.direction).toBe('rtl');
  });

  it('Persian, two sentences', () => {
    const line = oneLine('با شماره رایگان 0800 123 4567 تماس بگیرید. پیش از مصاحبه با Home Office با وکیل صحبت کنید.', 'fa');
    expect(visual(line)).toEqual([' با وکیل صحبت کنید.', 'Home Office', ' تماس بگیرید. پیش از مصاحبه با ', '0800 123 4567', 'با شماره رایگان ']);
  });

  it('Urdu: number inside the sentence, and a line that starts with Latin', () => {
    expect(visual(oneLine('مفت مشورے کے لیے 0800 123 4567 پر کال کریں۔', 'ur'))).toEqual([' پر کال کریں۔', '0800 123 4567', 'مفت مشورے کے لیے ']);
    expect(visual(oneLine('Home Office کے انٹرویو سے پہلے وکیل سے بات کریں۔', 'ur'))).toEqual([' کے انٹرویو سے پہلے وکیل سے بات کریں۔', 'Home Office']);
  });

  it('Hebrew', () => {
    expect(visual(oneLine('התקשר חינם למספר 0800 123 4567 לפני הראיון ב-Home Office.', 'he'))).toEqual([
      '.',
      'Home Office',
      ' לפני הראיון ב-',
      '0800 123 4567',
      'התקשר חינם למספר ',
    ]);
  });

  it('the digits of the number are shaped left to right, in order (not reversed)', () => {
    for (const [text, lang] of [
      ['اتصل على الرقم 0800 123 4567 الآن', 'ar'],
      ['התקשר למספר 0800 123 4567 עכשיו', 'he'],
      ['مفت مشورے کے لیے 0800 123 4567 پر', 'ur'],
    ] as const) {
      const run = oneLine(text, lang).runs.find((r) => r.text === '0800 123 4567')!;
      expect(run.direction).toBe('ltr');
      const clusters = run.glyphs.map((g) => g.cluster);
      expect(clusters).toEqual([...clusters].sort((a, b) => a - b));
      expect(clusters).toHaveLength(13);
    }
  });

  it('mirrors brackets and « » in RTL text (HarfBuzz mirrors in RTL runs)', () => {
    const text = 'قل «لا» (الآن)';
    const line = oneLine(text, 'ar');
    expect(line.runs).toHaveLength(1);
    const run = line.runs[0]!;
    const naskh = fontRegistry().face('noto-naskh-arabic', 400);
    const ltrGlyph = (c: string) => shape(naskh, c, 'Arab', 'ar', 'ltr').glyphs[0]!.id;
    const glyphAt = (c: string) => run.glyphs.find((g) => g.cluster === text.indexOf(c))!.id;
    expect(glyphAt('«')).toBe(ltrGlyph('»'));
    expect(glyphAt('»')).toBe(ltrGlyph('«'));
    expect(glyphAt('(')).toBe(ltrGlyph(')'));
    expect(glyphAt(')')).toBe(ltrGlyph('('));
  });

  it('reorder implements UAX #9 L2 on levels', () => {
    const r = (run: string, level: number) => ({ run, level });
    expect(reorder([r('a', 0), r('b', 1), r('c', 1), r('d', 0)])).toEqual(['a', 'c', 'b', 'd']);
    expect(reorder([r('A', 1), r('n', 2), r('B', 1)])).toEqual(['B', 'n', 'A']);
    expect(reorder([r('A', 1), r('x', 2), r('y', 2), r('B', 1)])).toEqual(['B', 'x', 'y', 'A']);
  });
});

describe('line metrics', () => {
  it('Nastaliq lines are taller than Naskh lines at the same size', () => {
    const urdu = oneLine('آپ کو خاموش رہنے کا حق ہے۔', 'ur');
    const arabic = oneLine('لديك الحق في التزام الصمت.', 'ar');
    expect(urdu.ascent + urdu.descent).toBeGreaterThan((arabic.ascent + arabic.descent) * 1.2);
  });

  it('uses the metrics of the faces actually on the line, and leading multiplies the height', () => {
    const mixed = oneLine('Home Office کے', 'ur');
    const latin = oneLine('Home Office', 'en');
    expect(mixed.ascent).toBeGreaterThan(latin.ascent);
    const p = { text: 'one\ntwo', lang: 'en', spans: [] };
    const single = layoutParagraph(p, { width: 500, size: 10 });
    const double = layoutParagraph(p, { width: 500, size: 10, leading: 2 });
    expect(double.height).toBeCloseTo(single.height * 2, 6);
    expect(single.height).toBeCloseTo(2 * (single.lines[0]!.ascent + single.lines[0]!.descent), 6);
  });
});

describe('ink bounds', () => {
  it('report where glyph ink passes the line box (Nastaliq swashes sideways, Khmer subscripts downwards)', () => {
    const urdu = layoutParagraph({ text: 'کال کریں۔ Home Office کے انٹرویو سے پہلے وکیل', lang: 'ur', spans: [] }, { width: 150, size: 10 });
    const sideways = Math.max(...urdu.lines.map((l) => Math.max(-l.ink!.left, l.ink!.right - l.width)));
    expect(sideways).toBeGreaterThan(1); // measured ≈3.7 pt at 10 pt on the corpus
    const khmer = oneLine('អ្នកមានសិទ្ធិនៅស្ងៀម។', 'km');
    expect(khmer.ink!.descent).toBeGreaterThan(khmer.descent * 1.2); // subscript consonants below the font descent
  });

  it('lie inside the advance box for plain Latin', () => {
    const line = oneLine('minimum', 'en');
    expect(line.ink!.left).toBeGreaterThanOrEqual(0);
    expect(line.ink!.right).toBeLessThanOrEqual(line.width);
    expect(line.ink!.ascent).toBeGreaterThan(0);
    expect(line.ink!.ascent).toBeLessThan(line.ascent);
    expect(line.ink!.descent).toBeLessThan(0.5); // no descenders in "minimum"
  });
});

describe('line filling', () => {
  const text = 'Call the free advice line on 0800 123 4567. You can ask for an interpreter at any time.';

  it('lines tile the text, fit the measure and drop hanging spaces', () => {
    for (const width of [60, 90, 140, 200]) {
      const l = layoutParagraph({ text, lang: 'en', spans: [] }, { width, size: 11 });
      expect(l.lines[0]!.start).toBe(0);
      l.lines.forEach((line, i) => {
        if (i > 0) expect(line.start).toBe(l.lines[i - 1]!.end);
        expect(line.width).toBeLessThanOrEqual(width + 1e-6);
        expect(line.text).toBe(line.text.trimEnd());
        expect(line.runs.map((r) => r.text).join('')).toBe(line.text);
      });
      expect(l.lines.at(-1)!.end).toBe(text.length);
      expect(l.maxWidth).toBe(Math.max(...l.lines.map((x) => x.width)));
    }
  });

  it('breaks a word longer than the measure at grapheme boundaries, as a last resort', () => {
    const l = layoutParagraph({ text: 'Antidisestablishmentarianism', lang: 'en', spans: [] }, { width: 40, size: 11 });
    expect(l.lines.length).toBeGreaterThan(3);
    expect(l.lines.map((x) => x.text).join('')).toBe('Antidisestablishmentarianism');
    for (const line of l.lines) expect(line.width).toBeLessThanOrEqual(40);
  });

  it('never splits a Devanagari conjunct in a last-resort break', () => {
    const word = 'हस्ताक्षर';
    const l = layoutParagraph({ text: word, lang: 'hi', spans: [] }, { width: 8, size: 11 });
    for (const line of l.lines.slice(1)) {
      expect(word[line.start - 1]).not.toBe('\u094D'); // never right after a virama
    }
  });

  it('keeps a blank line for a blank line in the text, and no lines for empty text', () => {
    const l = layoutParagraph({ text: 'a\n\nb', lang: 'en', spans: [] }, { width: 100, size: 10 });
    expect(l.lines.map((x) => x.text)).toEqual(['a', '', 'b']);
    expect(l.lines[1]!.ascent).toBeGreaterThan(0);
    expect(layoutParagraph({ text: '', lang: 'en', spans: [] }, { width: 100, size: 10 }).lines).toEqual([]);
  });

  it('normalises non-NFC input defensively', () => {
    const l = layoutParagraph({ text: 'Vie\u0302\u0323t', lang: 'vi', spans: [] }, { width: 100, size: 10 });
    expect(l.lines[0]!.text).toBe('Việt');
  });

  it('sets bold spans in the bold face', () => {
    const text = 'Do not sign';
    const l = layoutParagraph(
      {
        text,
        lang: 'en',
        spans: [
          { start: 0, end: 6, weight: 700 },
          { start: 6, end: 11, weight: 400 },
        ],
      },
      { width: 500, size: 10 },
    );
    expect(l.lines[0]!.runs.map((r) => [r.text, r.face.id])).toEqual([
      ['Do not', 'noto-sans-bold'],
      [' sign', 'noto-sans-regular'],
    ]);
  });

  it('slices glyphs at line breaks without re-shaping when the break is safe', () => {
    const text = 'لديك الحق في التزام الصمت';
    const whole = oneLine(text, 'ar').runs[0]!;
    const narrow = layoutParagraph({ text, lang: 'ar', spans: [] }, { width: 60, size: 12 });
    expect(narrow.lines.length).toBeGreaterThan(1);
    const sliced = narrow.lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs.map((g) => `${g.id}:${g.ax}:${g.dx}:${g.dy}`)));
    const hanging = new Set(narrow.lines.flatMap((l) => Array.from({ length: l.end - l.start - l.text.length }, (_, k) => l.start + l.text.length + k)));
    const all = whole.glyphs.filter((g) => !hanging.has(g.cluster)).map((g) => `${g.id}:${g.ax}:${g.dx}:${g.dy}`);
    expect(sliced.sort()).toEqual(all.sort());
  });
});

describe('breaks HarfBuzz marks unsafe', () => {
  const cases = [
    // Noto Sans kerns "-T": sliced, "well-" would keep the hyphen's kerned advance (282) at the line end.
    { text: 'A well-Tested rule', lang: 'en', family: 'noto-sans', script: 'Latn' },
    { text: 'ဥပဒေအကြံဉာဏ် မရယူဘဲ မည်သည့်စာရွက်စာတမ်းကိုမျှ', lang: 'my', family: 'noto-sans-myanmar', script: 'Mymr' },
  ];
  it('re-shape the fragments either side on their own, so each line shows the forms a fresh line would have', () => {
    let found = 0;
    let differs = 0;
    for (const c of cases) {
      const face = fontRegistry().face(c.family, 400);
      const full = shape(face, c.text, c.script, c.lang, 'ltr');
      const unsafe = new Set(full.glyphs.filter((_, i) => (full.flags[i]! & UNSAFE_TO_BREAK) !== 0).map((g) => g.cluster));
      for (let width = 20; width < 250; width += 2) {
        const l = layoutParagraph({ text: c.text, lang: c.lang, spans: [] }, { width, size: 12 });
        l.lines.forEach((line, n) => {
          if (n === 0 || !unsafe.has(line.start)) return;
          found++;
          const before = l.lines[n - 1]!.runs.find((r) => r.start + r.text.length === line.start)!;
          const after = line.runs.find((r) => r.start === line.start)!;
          for (const run of [before, after]) {
            const fresh = shape(face, run.text, c.script, c.lang, 'ltr').glyphs;
            expect(run.glyphs, `${c.lang} width ${width} ${JSON.stringify(run.text)}`).toEqual(fresh);
            const sliced = full.glyphs.filter((g) => g.cluster >= run.start && g.cluster < run.start + run.text.length);
            if (JSON.stringify(sliced.map((g) => g.ax)) !== JSON.stringify(fresh.map((g) => g.ax))) differs++;
          }
        });
      }
    }
    expect(found).toBeGreaterThan(0);
    expect(differs).toBeGreaterThan(0); // the case where slicing would have drawn the wrong advance really occurs
  });
});

// Every sentence's glyphs are also pinned by shape-fixtures.test.ts in the fast tier; this adds a narrow measure.
describe('corpus', { tags: ['sweep'] }, () => {
  it('every glyph of every sentence is a real glyph (non-zero id) and nothing is missing', () => {
    let glyphs = 0;
    for (const s of sentences()) {
      for (const width of [1e6, 120]) {
        const l = layoutParagraph({ text: s.text, lang: engineLang(s), spans: [] }, { width, size: 11 });
        expect(l.missing, s.id).toEqual([]);
        for (const line of l.lines)
          for (const run of line.runs)
            for (const g of run.glyphs) {
              expect(g.id, `${s.id} ${run.text}`).not.toBe(0);
              glyphs++;
            }
      }
    }
    expect(glyphs).toBeGreaterThan(10_000);
  });
});
