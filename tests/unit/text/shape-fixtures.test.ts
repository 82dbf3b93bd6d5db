import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationLine, family, FIXTURES, hasTool, hbShape, parseExpectation, runsOf, sentences } from './hb-fixture.ts';

/** Expectation lines per fixture file, comments dropped; `#!` lines (recorded hb-shape differences) kept apart. */
function readFixtures(): { lines: Map<string, string[]>; differences: Map<string, string> } {
  const lines = new Map<string, string[]>();
  const differences = new Map<string, string>();
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.hb.txt'))) {
    const all = readFileSync(join(FIXTURES, f), 'utf8').split('\n');
    lines.set(
      f.replace(/\.hb\.txt$/u, ''),
      all.filter((l) => l && !l.startsWith('#')),
    );
    for (const l of all.filter((x) => x.startsWith('#! '))) {
      const [, key, , , output] = l.split(' ');
      differences.set(key!, output!);
    }
  }
  return { lines, differences };
}

const fixtures = readFixtures();
const REQUIRED_FAMILIES = [
  'latin',
  'cyrillic',
  'greek',
  'arabic',
  'urdu-nastaliq',
  'hebrew',
  'ethiopic',
  'bengali',
  'gurmukhi',
  'gujarati',
  'devanagari',
  'tamil',
  'sinhala',
  'myanmar',
  'thai',
  'khmer',
  'georgian',
  'armenian',
  'chinese-sc',
  'chinese-tc',
];

describe('shaping expectations (tests/fixtures/text/*.hb.txt)', () => {
  it('cover every script family, including Persian, Pashto, Sorani and decomposed Vietnamese', () => {
    for (const f of REQUIRED_FAMILIES) expect(fixtures.lines.get(f)?.length, f).toBeGreaterThan(0);
    const ids = [...fixtures.lines.values()].flat().map((l) => l.split('\t')[0]);
    for (const id of ['fa-1', 'ps-1', 'ckb-1', 'vi-1', 'vi-nfd-1']) expect(ids).toContain(id);
  });

  it('the engine still produces exactly the recorded glyphs for every sentence', () => {
    const produced = new Map<string, string[]>();
    for (const s of sentences()) {
      const lines = produced.get(family(s)) ?? [];
      for (const run of runsOf(s)) lines.push(expectationLine(s.id, run));
      produced.set(family(s), lines);
    }
    for (const [name, lines] of produced) expect(lines, name).toEqual(fixtures.lines.get(name));
  });

  it('decomposed Vietnamese input is normalised and shaped exactly like the composed sentence', () => {
    const glyphsOf = (id: string): string[] =>
      [...fixtures.lines.values()]
        .flat()
        .filter((l) => l.startsWith(`${id}\t`))
        .map((l) => l.split('\t').slice(1).join('\t'));
    expect(glyphsOf('vi-nfd-1')).toEqual(glyphsOf('vi-1'));
    expect(glyphsOf('vi-nfd-2')).toEqual(glyphsOf('vi-2'));
  });
});

const HB = hasTool('hb-shape');
describe.skipIf(!HB)(HB ? 'live cross-check against hb-shape' : 'live cross-check against hb-shape: SKIPPED, hb-shape is not installed', () => {
  it('the comparison can tell different shapings apart', () => {
    const e = { font: 'fonts/noto-naskh-arabic/NotoNaskhArabic_400Regular.ttf', script: 'Arab', language: 'ar', text: 'لديك' };
    expect(hbShape({ ...e, direction: 'rtl' })).not.toBe(hbShape({ ...e, direction: 'ltr' }));
    expect(hbShape({ ...e, direction: 'rtl' })).toMatch(/^\[\d+=\d/u);
  });

  // One hb-shape process per recorded run: the full tier's job (tag sweep, vitest.config.ts).
  it('every recorded run equals hb-shape with the same font, script, language and direction, or the difference is recorded', { tags: ['sweep'] }, () => {
    let checked = 0;
    for (const [name, lines] of fixtures.lines) {
      const seen = new Map<string, number>();
      for (const line of lines) {
        const e = parseExpectation(line);
        const index = seen.get(e.id) ?? 0;
        seen.set(e.id, index + 1);
        const theirs = hbShape(e);
        const recorded = fixtures.differences.get(`${e.id}#${index}`);
        expect(theirs, `${name} ${e.id} run ${index} ${JSON.stringify(e.text)}`).toBe(recorded ?? e.glyphs);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});
