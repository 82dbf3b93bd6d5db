/**
 * The shrink-to-fit search (fit-size.ts) must choose the size the old linear scan chose, always: bisecting and then
 * proving the answer with lower bounds (layout/text-bounds.ts) only saves layouts. Checked against the scan as it
 * was (kept below as the reference) on every shipped language's poster and card sides, on know-your-rights
 * sentences of the test corpus at several lengths, and on every `fits` over an 11-size grid, monotone or not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { languageInfo } from '../../../src/content/languages.ts';
import { parseMarkup, plainText } from '../../../src/content/markup.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { guidanceString } from '../../../src/i18n/doc.ts';
import { localize } from '../../../src/i18n/localize.ts';
import type { LocalizedDoc } from '../../../src/i18n/types.ts';
import { fitGrid, fitSize, type FitProblem, type FitSteps } from '../../../src/layout/fit-size.ts';
import { rowsHeight } from '../../../src/layout/stack-rows.ts';
import { boundingSetText, recordingSetText } from '../../../src/layout/text-bounds.ts';
import { cardSideFit, type CardSideInput } from '../../../src/materials/card-side.ts';
import { cardSideInputs } from '../../../src/materials/card-sides.ts';
import { posterFit } from '../../../src/materials/poster.ts';
import { rememberedLayout } from '../../../src/text/remembered-layout.ts';

/** fitSize as it was before the bisection (main at 0fd2773), unchanged but for taking a FitProblem. */
function scanReference<T>({ attempt, fits, steps, farOff }: FitProblem<T>): { size: number; result: T; fits: boolean; tried: number[] } {
  const tried: number[] = [];
  const count = Math.floor((steps.max - steps.min) / steps.step + 1e-9);
  const sizes = Array.from({ length: count + 1 }, (_, i) => Math.round((steps.max - i * steps.step) * 1000) / 1000);
  if (sizes[sizes.length - 1] !== steps.min) sizes.push(steps.min);
  const results = new Map<number, T>();
  const at = (size: number): T => {
    if (!results.has(size)) {
      tried.push(size);
      results.set(size, attempt(size));
    }
    return results.get(size) as T;
  };
  for (const [i, size] of sizes.entries()) {
    const result = at(size);
    if (fits(result)) return { size, result, fits: true, tried };
    if (i === 0 && sizes.length > 1 && farOff?.(result)) {
      const smallest = at(steps.min);
      if (!fits(smallest)) return { size: steps.min, result: smallest, fits: false, tried };
    }
  }
  return { size: steps.min, result: at(steps.min), fits: false, tried };
}

/** Layouts made by each search over a set of problems. */
interface Tally {
  scan: number;
  search: number;
  bounds: number;
  problems: number;
}

/** Both searches on one problem: the same size, fit and height; counts their layouts into `tally`. */
function agree<T>(label: string, problem: FitProblem<T>, tally: Tally, height: (result: T) => number = (r) => (r as { height: number }).height): void {
  const reference = scanReference(problem);
  let bounds = 0;
  const { below } = problem;
  const counted: FitProblem<T> = below
    ? {
        ...problem,
        below: (size, basis) => {
          bounds++;
          return below(size, basis);
        },
      }
    : problem;
  const found = fitSize(counted);
  expect([found.size, found.fits, height(found.result)], label).toEqual([reference.size, reference.fits, height(reference.result)]);
  expect(new Set(found.tried).size, label).toBe(found.tried.length);
  tally.scan += reference.tried.length;
  tally.search += found.tried.length;
  tally.bounds += bounds;
  tally.problems++;
}

const tally = (): Tally => ({ scan: 0, search: 0, bounds: 0, problems: 0 });

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const content = loadContent(CONTENT).content as ContentDoc;
const generic = content.editions.find((e) => e.name === 'generic')!;
const shipped = ['en', ...content.translations.keys()];
const docs = new Map<string, LocalizedDoc>(shipped.map((lang) => [lang, localize(content, generic, lang).doc]));

interface Sentence {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
}
const corpus = (file: string): Sentence[] => JSON.parse(readFileSync(new URL(`../../fixtures/text/${file}`, import.meta.url), 'utf8')) as Sentence[];
/** The shared know-your-rights corpus (34 languages, copied into the repo) and our extra sentences. */
const sentences = [...corpus('kyr-sentences.json'), ...corpus('extra-sentences.json')];
/** The engine's language of a corpus sentence (`vi-nfd` is Vietnamese in decomposed form). */
const langOf = (s: Sentence) => (s.lang === 'vi-nfd' ? 'vi' : s.lang);
const times = (text: string, n: number) => Array.from({ length: n }, () => text).join(' ');

describe('the search chooses the scan’s size on real layouts', () => {
  it('every shipped language: poster (A3) rights and strip, card front and back', () => {
    const rights = tally();
    const strip = tally();
    const cards = tally();
    for (const [lang, doc] of docs) {
      const poster = posterFit(doc, content.project.materials.poster, 'A3', rememberedLayout, {});
      agree(`${lang} strip`, poster.strip, strip, (flow) => rowsHeight(flow.rows));
      const stripPt = fitSize(poster.strip).size;
      agree(`${lang} rights`, poster.rights(poster.setStrip(stripPt)), rights);
      const sides = cardSideInputs(doc, content.project.materials);
      agree(`${lang} card front`, cardSideFit(sides.front, lang, rememberedLayout), cards);
      agree(`${lang} card back`, cardSideFit(sides.back, lang, rememberedLayout), cards);
    }
    // Measured when written (43 languages): rights 761 layouts → 213 (+ 1 or 2 bounds each); card sides 603 → 303.
    expect(rights.search + rights.bounds).toBeLessThan(rights.scan / 2);
    expect(cards.search).toBeLessThan(cards.scan);
    expect(strip.search).toBe(strip.scan);
  });

  it('A4 and A2 posters (every size scaled) in scripts of different heights', () => {
    const t = tally();
    for (const lang of ['en', 'ar', 'my', 'ur', 'zh-Hans', 'ta']) {
      for (const paper of ['A4', 'A2'] as const) {
        const poster = posterFit(docs.get(lang)!, content.project.materials.poster, paper, rememberedLayout, {});
        agree(`${lang} ${paper} rights`, poster.rights(poster.setStrip(fitSize(poster.strip).size)), t);
      }
    }
    expect(t.search).toBeLessThan(t.scan);
  });

  it('card sides holding corpus sentences 1 to 16 times over (fits at every size of the grid, or not at all)', () => {
    const t = tally();
    const chosen = new Set<string>();
    for (const s of sentences) {
      const lang = langOf(s);
      const info = languageInfo(lang);
      for (const n of [1, 4, 8, 12, 16]) {
        const input: CardSideInput = {
          title: [{ key: 'title', role: 'H1', paragraph: { text: s.text, lang, spans: [] } }],
          body: [{ key: 'body', role: 'P', paragraph: { text: times(s.text, n), lang, spans: [] } }],
          // Latin digits and a Latin name inside the line: faces of different heights on some lines, not others.
          hotline: [{ key: 'hotline', role: 'P', paragraph: { text: `${s.text.slice(0, 12)} 0800 123 4567 Example Org`, lang, spans: [] } }],
          notes: [],
          lang,
          dir: info?.dir ?? 'ltr',
        };
        const problem = cardSideFit(input, lang, rememberedLayout);
        agree(`${s.id} × ${n}`, problem, t);
        const size = scanReference(problem);
        chosen.add(size.fits ? String(size.size) : 'none');
      }
    }
    // The sentences exercise the whole grid: sizes at the top, the middle, the bottom, and overflow.
    for (const size of ['9', '7.75', '6.5', 'none']) expect(chosen).toContain(size);
    expect(t.search).toBeLessThan(t.scan);
  });

  it('posters whose second right is a corpus sentence 2, 6 or 12 times over', () => {
    const t = tally();
    const firstPerLanguage = [...new Map(sentences.filter((s) => docs.has(langOf(s))).map((s) => [langOf(s), s])).values()];
    for (const s of firstPerLanguage) {
      const doc = docs.get(langOf(s))!;
      for (const n of [2, 6, 12]) {
        const key = content.project.materials.poster.rights[1]!;
        const blocks = parseMarkup(times(s.text, n));
        const longer: LocalizedDoc = { ...doc, strings: { ...doc.strings, [key]: { ...guidanceString(doc, key), blocks, plain: plainText(blocks) } } };
        const poster = posterFit(longer, content.project.materials.poster, 'A3', rememberedLayout, {});
        agree(`${s.id} poster × ${n}`, poster.rights(poster.setStrip(fitSize(poster.strip).size)), t);
      }
    }
    expect(t.search).toBeLessThan(t.scan);
  });
});

describe('the search on every fits over an 11-size grid (synthetic)', () => {
  const GRID: FitSteps = { max: 9, min: 6.5, step: 0.25 };
  const sizes = fitGrid(GRID);
  /** An attempt's result: the grid index laid out, or a bound standing for every size from `from` up. */
  type R = { readonly index: number; readonly bound?: boolean };
  const problems = (mask: number) => {
    const fitsAt = (i: number) => ((mask >> i) & 1) === 1;
    const base: FitProblem<R> = {
      attempt: (size) => ({ index: sizes.indexOf(size) }),
      // A bound fits when some size from its own up fits: the promise `below` makes, kept exactly.
      fits: (r) => (r.bound ? sizes.some((_, j) => j <= r.index && fitsAt(j)) : fitsAt(r.index)),
      steps: GRID,
    };
    return { fitsAt, base, honest: { ...base, below: (size: number): R => ({ index: sizes.indexOf(size), bound: true }) } };
  };
  const masks = Array.from({ length: 1 << sizes.length }, (_, m) => m);
  const monotone = (mask: number) => {
    const bits = sizes.map((_, i) => (mask >> i) & 1);
    return bits.every((b, i) => i === 0 || b >= bits[i - 1]!);
  };

  it('without `below` it is the scan: same size, fit and layouts, with and without farOff', () => {
    for (const mask of masks) {
      const { base } = problems(mask);
      for (const problem of [base, { ...base, farOff: () => true }]) {
        const reference = scanReference(problem);
        const found = fitSize(problem);
        expect([found.size, found.fits, found.tried], String(mask)).toEqual([reference.size, reference.fits, reference.tried]);
      }
    }
  });

  it('with a `below` that keeps its promise it chooses the scan’s size for all 2048 fits, monotone or not', () => {
    let nonMonotone = 0;
    for (const mask of masks) {
      const { honest, fitsAt } = problems(mask);
      if (!monotone(mask)) nonMonotone++;
      // Excess only steers the bisection: sizes of any magnitude, and even of the wrong sign, change nothing.
      const steered = (r: R) => (r.bound ? 0 : (fitsAt(r.index) ? -1 : 1) * (((r.index * 7919) % 13) + 0.5));
      const variants: FitProblem<R>[] = [
        honest,
        { ...honest, farOff: () => true },
        { ...honest, below: () => undefined },
        { ...honest, excess: steered },
        { ...honest, excess: steered, farOff: () => true },
        { ...honest, excess: (r) => -steered(r) },
      ];
      for (const problem of variants) {
        const reference = scanReference(problem);
        const found = fitSize(problem);
        expect([found.size, found.fits], String(mask)).toEqual([reference.size, reference.fits]);
      }
    }
    expect(nonMonotone).toBe(2048 - 12);
  });

  it('on a monotone fits it lays out at most 5 of the 11 sizes and proves the answer with one bound', () => {
    for (const mask of masks.filter(monotone)) {
      const { honest } = problems(mask);
      let bounds = 0;
      const found = fitSize({
        ...honest,
        below: (size) => {
          bounds++;
          return honest.below(size);
        },
      });
      expect(found.tried.length, String(mask)).toBeLessThanOrEqual(5);
      expect(bounds).toBeLessThanOrEqual(1);
    }
  });

  it('a fitting size between two that do not is found by the proof, at the price of the layouts between', () => {
    // Fits at 8.75 and from 7.25 down: the bisection lands on 7.25, and the bounds cannot rule out the sizes from 8.75
    // down (8.75 fits), so they are laid out one by one up to 8.75; the bound at 9 then proves the answer.
    const mask = 0b11110000010;
    const { honest } = problems(mask);
    const found = fitSize(honest);
    expect(found.size).toBe(8.75);
    expect(found.tried).toEqual([9, 7.75, 7, 7.5, 7.25, 8, 8.25, 8.5, 8.75]);
  });

  it('a `below` that breaks its promise can hide a larger fitting size (why only proven bounds are passed)', () => {
    const lying = (mask: number) => ({ ...problems(mask).honest, below: (): R => ({ index: -1, bound: true }) });
    const wrong = masks.filter((mask) => fitSize(lying(mask)).size !== scanReference(lying(mask)).size);
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.some(monotone)).toBe(false);
    // What it returns then still fits, with the size above it laid out and not fitting (a local answer).
    for (const mask of wrong) {
      const found = fitSize(lying(mask));
      const i = sizes.indexOf(found.size);
      if (found.fits) expect(problems(mask).fitsAt(i) && !problems(mask).fitsAt(i - 1)).toBe(true);
    }
  });
});

describe('text bounds (layout/text-bounds.ts)', () => {
  const lineBoxes = (layout: { readonly lines: readonly { readonly ascent: number; readonly descent: number }[] }) =>
    layout.lines.reduce((h, l) => h + l.ascent + l.descent, 0);

  it('at a larger size or in a narrower measure, every corpus paragraph is at least as tall as its bound', () => {
    let checked = 0;
    for (const s of sentences) {
      const paragraph = { text: times(s.text, 5), lang: langOf(s), spans: [] };
      for (const [t, w] of [
        [7, 160],
        [9, 120],
      ] as const) {
        const recorded = recordingSetText(rememberedLayout);
        recorded.setText(paragraph, { size: t, width: w, leading: 1 });
        for (const [size, width] of [
          [t, w - 20],
          [t + 0.25, w],
          [t * 1.5, w - 40],
          [t * 3, w],
        ] as const) {
          const bounding = boundingSetText(recorded.calls, rememberedLayout);
          const bound = bounding.setText(paragraph, { size, width, leading: 1 });
          expect(bounding.sound(), s.id).toBe(true);
          expect(lineBoxes(bound), `${s.id} ${size}/${width}`).toBeLessThanOrEqual(lineBoxes(rememberedLayout(paragraph, { size, width, leading: 1 })));
          checked++;
        }
      }
    }
    expect(checked).toBe(sentences.length * 8);
  });

  it('the recorded layout itself where nothing changed or the text is empty; no bound for another paragraph, a smaller size, a wider measure or text starting with a space', () => {
    const p = { text: 'You can stay silent.', lang: 'en', spans: [] };
    const recorded = recordingSetText(rememberedLayout);
    const layout = recorded.setText(p, { size: 9, width: 100, leading: 1 });
    const answer = (q: typeof p, size: number, width: number) => {
      const bounding = boundingSetText(recorded.calls, rememberedLayout);
      const result = bounding.setText(q, { size, width, leading: 1 });
      return bounding.sound() ? result : undefined;
    };
    expect(answer(p, 9, 100)).toBe(layout);
    expect(answer(p, 10, 100)).toBeDefined();
    expect(answer({ ...p }, 10, 100)).toBeUndefined();
    expect(answer(p, 8, 100)).toBeUndefined();
    expect(answer(p, 10, 120)).toBeUndefined();
    const empty = { ...p, text: '' };
    recorded.setText(empty, { size: 9, width: 100, leading: 1 });
    const bounding0 = boundingSetText(recorded.calls, rememberedLayout);
    bounding0.setText(p, { size: 10, width: 100, leading: 1 });
    expect(bounding0.setText(empty, { size: 10, width: 100, leading: 1 }).lines).toEqual([]);
    expect(bounding0.sound()).toBe(true);
    const spaced = { ...p, text: ' You can stay silent.' };
    const again = recordingSetText(rememberedLayout);
    again.setText(spaced, { size: 9, width: 100, leading: 1 });
    const bounding = boundingSetText(again.calls, rememberedLayout);
    bounding.setText(spaced, { size: 10, width: 100, leading: 1 });
    expect(bounding.sound()).toBe(false);
  });
});
