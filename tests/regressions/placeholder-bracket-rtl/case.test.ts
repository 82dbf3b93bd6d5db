/**
 * Regression: the shipped Arabic and Urdu leaflets keep the English lawyer-check marker
 * `[PLACEHOLDER: verify with a lawyer (Policing and Crime Act 2017 ss.159–160)]` inside RTL text. Under plain
 * UAX #9 its square brackets resolved to the RTL embedding direction, so when the marker wrapped, the closing `]`
 * was drawn mirrored as `[` at the left of the last Latin fragment ("[160)"), reading like a new bracket, and the
 * opening `[` showed as `]` at the right end of the first. Now the marker is an English inline (markup.ts
 * markBracketed) and itemize isolates it (LRI…PDI): one LTR unit whose brackets stay with its letters on every line.
 */
import { describe, expect, it } from 'vitest';
import { interpolateMarked, markBracketed, parseMarkup } from '../../../src/content/markup.ts';
import type { Inline } from '../../../src/content/markup-types.ts';
import { PLACEHOLDER_MARKER } from '../../../src/i18n/settings.ts';
import { paragraphFromInlines } from '../../../src/layout/paragraphize.ts';
import { bidiLevels, isolateRanges } from '../../../src/text/itemize.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import type { Line, Paragraph } from '../../../src/text/types.ts';

const MARKER = '[PLACEHOLDER: verify with a lawyer (Policing and Crime Act 2017 ss.159–160)]';
/** The list items as shipped in content/translations/{ar,ur}.yaml (arrest.body). */
const ITEMS = {
  ar: `بعد القبض عليك قد يكون عليك أن تجيب عن بعض الأسئلة، مثلًا عن جنسيتك. ${MARKER}`,
  ur: `گرفتاری کے بعد آپ کو کچھ سوالوں کا جواب دینا پڑ سکتا ہے، مثلاً آپ کی قومیت کے بارے میں۔ ${MARKER}`,
} as const;
/** Measures (points at 10 pt) from a narrow card column to a wide leaflet column. */
const WIDTHS = [110, 140, 170, 200, 230, 260, 290, 320, 350];

/** The paragraph as localize + paragraphize build it for a translation (source language `en`); unmarked = as before the fix. */
function paragraph(text: string, lang: string, marked = true): Paragraph {
  const [block] = parseMarkup(interpolateMarked(markBracketed(text, PLACEHOLDER_MARKER), {}), marked ? 'en' : undefined);
  const inlines: readonly Inline[] = block!.kind === 'para' ? block!.inlines : [];
  return paragraphFromInlines(inlines, lang);
}

/**
 * What is wrong with how `line` shows the marker at [ms, me), or undefined: the runs holding marker characters
 * must be LTR, side by side, in logical order left to right, and spell the line's part of the marker, so `[`
 * starts it and `]` ends it and neither is ever drawn inside or at the wrong end.
 */
function problem(line: Line, ms: number, me: number): string | undefined {
  const at = line.runs.flatMap((r, i) => (r.start < me && r.start + r.text.length > ms ? [i] : []));
  if (at.length === 0) return undefined;
  const runs = at.map((i) => line.runs[i]!);
  if (runs.some((r) => r.direction !== 'ltr')) return `an RTL run inside the marker: ${runs.map((r) => `${r.direction}:${r.text}`).join(' | ')}`;
  if (at.some((i, k) => k > 0 && i !== at[k - 1]! + 1)) return 'marker runs are not side by side';
  if (runs.some((r, k) => k > 0 && r.start <= runs[k - 1]!.start)) return 'marker runs are not in logical order left to right';
  const shown = runs
    .map((r) => r.text.slice(Math.max(0, ms - r.start), me - r.start))
    .join('')
    .trimEnd();
  const expected = MARKER.slice(Math.max(0, line.start - ms), Math.min(me, line.end) - ms).trim();
  if (shown.trim() !== expected) return `shows "${shown}" instead of "${expected}"`;
  return undefined;
}

/** Every (width, line) problem of `p` laid out at WIDTHS, and how many widths wrap the marker. */
function check(p: Paragraph): { problems: string[]; wrapped: number } {
  const ms = p.text.indexOf(MARKER);
  const me = ms + MARKER.length;
  const problems: string[] = [];
  let wrapped = 0;
  for (const width of WIDTHS) {
    const lines = layoutParagraph(p, { width, size: 10 }).lines;
    const holding = lines.filter((l) => l.start < me && l.end > ms);
    if (holding.length > 1) wrapped++;
    for (const [n, line] of lines.entries()) {
      const what = problem(line, ms, me);
      if (what) problems.push(`${p.lang} width ${width} line ${n + 1}: ${what}`);
    }
    // The closing bracket is drawn exactly once, as the rightmost glyph of the marker's last fragment.
    const last = holding.at(-1)!;
    const markerRuns = last.runs.filter((r) => r.start < me && r.start + r.text.length > ms);
    if (!markerRuns.at(-1)!.text.trimEnd().endsWith(']')) problems.push(`${p.lang} width ${width}: "]" is not at the right end of the marker's last line`);
  }
  return { problems, wrapped };
}

describe('regression: placeholder-bracket-rtl', () => {
  for (const lang of ['ar', 'ur'] as const) {
    it(`${lang}: the English marker reads left to right with its brackets at its ends on every line, at every width`, () => {
      const p = paragraph(ITEMS[lang], lang);
      expect(p.spans.find((s) => s.lang === 'en')).toMatchObject({ start: p.text.indexOf(MARKER), end: p.text.length });
      const { problems, wrapped } = check(p);
      expect(wrapped, 'the marker must actually wrap at several widths for this test to mean anything').toBeGreaterThanOrEqual(4);
      expect(problems).toEqual([]);
    });

    it(`${lang}: the check catches the bug: without the marker's language (plain UAX #9) the brackets go wrong`, () => {
      const { problems } = check(paragraph(ITEMS[lang], lang, false));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(/RTL run inside the marker/u);
    });
  }

  it('an English paragraph is untouched: the marker is not marked in the source language and nothing is isolated', () => {
    const text = `After an arrest you may have to answer some questions, for example about your nationality. ${MARKER}`;
    const p = paragraph(text, 'en', false);
    expect(p.spans).toEqual([{ start: 0, end: text.length, weight: 400 }]);
    expect(isolateRanges(p.text, 'ltr', p.spans)).toEqual([]);
    expect(new Set(bidiLevels(p.text, 'ltr', p.spans))).toEqual(new Set([0]));
    // Even a span in another LTR language gets no isolate.
    expect(isolateRanges(text, 'ltr', [{ start: 0, end: text.length, weight: 400, lang: 'fr' }])).toEqual([]);
  });
});
