/**
 * Regression (issue #11, point 4): phone numbers with brackets were scrambled on right-to-left materials. The
 * hotline `(020) 7123 4567` printed as `7123 4567 (020)` on Arabic cards and `+44 (0)20 7123-4567` as
 * `20 7123-4567(0) +44` in Arabic, Persian and Urdu: the text engine isolated only digit groups joined by spaces or
 * hyphens (the old text/digit-groups.ts), so brackets and `+` resolved to the right-to-left direction around them,
 * and a phone number (having no letters) was not marked as a value either. Web addresses lost their final `/`
 * to the far end the same way. Now text/ltr-units.ts recognises phone numbers, web and e-mail addresses in every
 * paragraph the engine sets and itemize lays each out as one left-to-right unit.
 *
 * This builds the real card, leaflet and poster (through loadContent → localize → materials) from the fixture
 * content/ next to this file, in Arabic, Persian and Urdu, with the hotline set to each form below, a URL with a
 * path and a query, an e-mail address, and two numbers typed into the translations; it reads the laid-out frames
 * and checks that every place each value is printed draws its glyphs left to right in typing order, as one block
 * (a URL wrapped over two lines: each part). Then it writes the PDFs and checks the extracted text (pdftotext).
 */
import { guidanceString } from '../../../src/i18n/doc.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { localize } from '../../../src/i18n/localize.ts';
import type { DocumentSpec } from '../../../src/layout/frame.ts';
import { buildCard } from '../../../src/materials/card.ts';
import { buildLeaflet } from '../../../src/materials/leaflet.ts';
import { buildPoster } from '../../../src/materials/poster.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { classifyValue } from '../../../src/text/ltr-units.ts';
import type { Line } from '../../../src/text/types.ts';
import { hasTool, textLines } from '../../unit/materials/helpers.ts';
import { drawnOffsets, orderProblem } from '../../unit/text/drawn-order.ts';

const loaded = loadContent(fileURLToPath(new URL('./content/', import.meta.url)));
const base = loaded.content as ContentDoc;

/** The hotline forms of the issue, and one with an extension (decided: it is one unit, `ext.` printed as written). */
const HOTLINES = ['(020) 7123 4567', '+44 (0)20 7123-4567', '020 7123 4567 ext. 12'] as const;
const WEBSITE = base.project.settings.website!;
const EMAIL = base.project.settings.email!;
/** Typed into the translations (street.body, poster.right3), not settings. */
const NIGHT_LINE = '(020) 7946 0000';
const SECOND_LINE = '+44 (0)20 7946 0001';
const LANGS = ['ar', 'fa', 'ur'] as const;

/**
 * How often each value is printed whole (a wrapped URL counts once), from the fixture: the card prints the hotline
 * on its own "Call" line on both sides; the leaflet in the intro (start of the sentence), in bold, after a colon in a
 * list and in the hotline box; the poster in a right and in the box; leaflet and poster print the URL in a sentence
 * and as the QR caption.
 */
const EXPECTED: Readonly<Record<string, { build: typeof buildCard; file: string; counts: (hotline: string) => Record<string, number> }>> = {
  card: { build: buildCard, file: 'card-press.pdf', counts: (h) => ({ [h]: 2, [EMAIL]: 1 }) },
  leaflet: { build: buildLeaflet, file: 'leaflet.pdf', counts: (h) => ({ [h]: 4, [EMAIL]: 2, [WEBSITE]: 2, [NIGHT_LINE]: 1 }) },
  poster: { build: buildPoster, file: 'poster.pdf', counts: (h) => ({ [h]: 2, [WEBSITE]: 2, [SECOND_LINE]: 1 }) },
};

function withHotline(hotline: string): ContentDoc {
  return { ...base, project: { ...base.project, settings: { ...base.project.settings, hotline } } };
}

function build(hotline: string, lang: string, material: string): DocumentSpec {
  const content = withHotline(hotline);
  const { doc, diagnostics } = localize(content, content.editions[0]!, lang);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // Every string is translated: a fallback would print it in an LTR English paragraph and test nothing.
  expect(content.project.materials.card.front.every((k) => guidanceString(doc, k).state === 'current')).toBe(true);
  const spec = EXPECTED[material]!;
  const output = spec.build(doc, { keys: content.project.materials }, layoutParagraph).outputs.find((o) => o.file === spec.file);
  expect(output, `${material} builds ${spec.file}`).toBeDefined();
  return output!.doc;
}

function lines(doc: DocumentSpec): Line[] {
  return doc.pages.flatMap((p) => textLines(p.frame).map((t) => t.item.line));
}

/** The line's text at its paragraph offsets (what orderProblem indexes). */
const atOffsets = (line: Line): string => '\u0000'.repeat(line.start) + line.text;

/** Each time `value` is printed in `all` (whole on a line, or split over two lines): problems, and the count. */
function check(all: readonly Line[], value: string): { count: number; problems: string[] } {
  const problems: string[] = [];
  let count = 0;
  const part = (line: Line, from: number, to: number): void => {
    const problem = orderProblem(atOffsets(line), drawnOffsets(line), line.start + from, line.start + to, 1);
    if (problem) problems.push(`line "${line.text}": ${problem}`);
  };
  all.forEach((line, i) => {
    for (let at = line.text.indexOf(value); at >= 0; at = line.text.indexOf(value, at + 1)) {
      count++;
      part(line, at, at + value.length);
    }
    const next = all[i + 1];
    if (!next || line.text.includes(value)) return;
    for (let k = 4; k <= value.length - 4; k++) {
      if (line.text.endsWith(value.slice(0, k)) && next.text.startsWith(value.slice(k))) {
        count++;
        part(line, line.text.length - k, line.text.length);
        part(next, 0, value.length - k);
        break;
      }
    }
  });
  return { count, problems };
}

describe('regression: rtl-bracketed-phone', () => {
  it('the fixture content loads, and its values are what the table recognises', () => {
    expect(loaded.diagnostics).toEqual([]);
    for (const h of HOTLINES) expect(classifyValue(h), h).toBe('phone');
    expect(classifyValue(WEBSITE)).toBe('url');
    expect(classifyValue(EMAIL)).toBe('email');
  });

  for (const lang of LANGS) {
    for (const material of Object.keys(EXPECTED)) {
      it(`${lang} ${material}: every printed phone number, URL and e-mail address reads left to right in typing order`, () => {
        const problems: string[] = [];
        for (const hotline of HOTLINES) {
          const all = lines(build(hotline, lang, material));
          for (const [value, expected] of Object.entries(EXPECTED[material]!.counts(hotline))) {
            const r = check(all, value);
            expect(r.count, `${lang} ${material}: "${value}" printed ${r.count} times, expected ${expected}`).toBe(expected);
            problems.push(...r.problems.map((p) => `${lang} ${material} (hotline ${hotline}): ${p}`));
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('the checks would catch the bug: the same line with the phone number drawn as before the fix fails', () => {
    const line = lines(build(HOTLINES[0], 'ar', 'card')).find((l) => l.text.includes(HOTLINES[0]))!;
    expect(check([line], HOTLINES[0]).problems).toEqual([]);
    // As the issue saw it: `7123 4567` drawn left of `(020)`. Move the runs holding `(020)` to the right.
    const at = line.start + line.text.indexOf(HOTLINES[0]);
    const runs = line.runs.flatMap((r) => (r.direction === 'ltr' && r.text.includes(HOTLINES[0]) ? splitRun(r, at + 5) : [r]));
    const i = runs.findIndex((r) => r.start === at);
    expect(runs[i + 1]!.text).toBe(' 7123 4567');
    const broken: Line = { ...line, runs: [...runs.slice(0, i), runs[i + 1]!, runs[i]!, ...runs.slice(i + 2)] };
    expect(check([broken], HOTLINES[0]).problems).toEqual([`line "${line.text}": "(020) 7123 4567" is drawn as " 7123 4567(020)"`]);
  });
});

/** A run cut in two at paragraph offset `at` (glyph clusters are offsets into the run's text). */
function splitRun(run: Line['runs'][number], at: number): Line['runs'][number][] {
  const cut = at - run.start;
  return [
    { ...run, text: run.text.slice(0, cut), glyphs: run.glyphs.filter((g) => g.cluster < cut) },
    { ...run, start: at, text: run.text.slice(cut), glyphs: run.glyphs.filter((g) => g.cluster >= cut).map((g) => ({ ...g, cluster: g.cluster - cut })) },
  ];
}

const pdftotext = hasTool('pdftotext');
if (!pdftotext) console.warn('rtl-bracketed-phone: PDF text checks skipped: pdftotext (poppler-utils) not installed');

describe.skipIf(!pdftotext)('regression: rtl-bracketed-phone, text extracted from the PDFs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-rtl-phone-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Directional marks and embeddings pdftotext puts around runs; they are not part of the text. */
  const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

  for (const lang of LANGS) {
    it(`${lang}: pdftotext finds each value in typing order in the card, leaflet and poster`, async () => {
      for (const [hotline, material] of [
        [HOTLINES[1], 'card'],
        [HOTLINES[0], 'leaflet'],
        [HOTLINES[2], 'poster'],
      ] as const) {
        const pdf = join(dir, `${lang}-${material}.pdf`);
        writeFileSync(pdf, await renderPdf(build(hotline, lang, material)));
        const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        const text = r.stdout.replace(BIDI_CONTROLS, '');
        // Values printed whole on one line somewhere in this material (the URL is whole in the QR caption).
        const values = Object.keys(EXPECTED[material]!.counts(hotline));
        for (const value of values) expect(text, `${lang} ${material}: ${value}`).toContain(value);
      }
    });
  }
});
