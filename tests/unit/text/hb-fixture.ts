/**
 * Shared by tests/unit/text/shape-fixtures.test.ts and tests/fixtures/text/generate-hb.ts: how a corpus sentence
 * becomes HarfBuzz-format expectation lines, and how hb-shape is asked for the same run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { harfbuzzScript } from '../../../src/text/scripts.ts';
import { formatGlyphs } from '../../../src/text/shape.ts';
import type { ShapedRun } from '../../../src/text/types.ts';

export interface Sentence {
  readonly id: string;
  readonly lang: string;
  readonly script: string;
  readonly text: string;
}

export const FIXTURES = join(REPO_ROOT, 'tests/fixtures/text');

/** The shared test corpus (know-your-rights sentences in 34 languages, copied in) plus our own extra sentences for scripts it lacks. */
export function sentences(): Sentence[] {
  const read = (f: string): Sentence[] => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Sentence[];
  return [...read('kyr-sentences.json'), ...read('extra-sentences.json')];
}

/** `vi-nfd` is Vietnamese in decomposed form: the engine normalises it and shapes it as `vi`. */
export function engineLang(s: Sentence): string {
  return s.lang === 'vi-nfd' ? 'vi' : s.lang;
}

/** Fixture file (without `.hb.txt`) for a sentence's script family. */
export function family(s: Sentence): string {
  if (s.lang === 'ur') return 'urdu-nastaliq';
  if (s.lang === 'zh-Hans') return 'chinese-sc';
  if (s.lang === 'zh-Hant') return 'chinese-tc';
  const names: Record<string, string> = {
    Latn: 'latin',
    Cyrl: 'cyrillic',
    Grek: 'greek',
    Arab: 'arabic',
    Hebr: 'hebrew',
    Ethi: 'ethiopic',
    Beng: 'bengali',
    Guru: 'gurmukhi',
    Gujr: 'gujarati',
    Deva: 'devanagari',
    Taml: 'tamil',
    Sinh: 'sinhala',
    Mymr: 'myanmar',
    Thai: 'thai',
    Khmr: 'khmer',
    Geor: 'georgian',
    Armn: 'armenian',
  };
  const name = names[s.script];
  if (!name) throw new Error(`no fixture family for script ${s.script}`);
  return name;
}

/** The runs of a sentence set on one line (width large enough), in visual order. */
export function runsOf(s: Sentence): readonly ShapedRun[] {
  const layout = layoutParagraph({ text: s.text, lang: engineLang(s), spans: [] }, { width: 1e6, size: 12 });
  if (layout.lines.length !== 1) throw new Error(`${s.id}: expected one line`);
  return layout.lines[0]!.runs;
}

/** One expectation line per run: id, font, script, language, direction, run text, then `[gid=cl@dx,dy+ax|…]`. */
export function expectationLine(id: string, run: ShapedRun): string {
  return [id, run.face.file, run.script, run.language, run.direction, JSON.stringify(run.text), `[${formatGlyphs(run.text, run.glyphs)}]`].join('\t');
}

export interface ParsedExpectation {
  readonly id: string;
  readonly font: string;
  readonly script: string;
  readonly language: string;
  readonly direction: string;
  readonly text: string;
  readonly glyphs: string;
}

export function parseExpectation(line: string): ParsedExpectation {
  const [id, font, script, language, direction, text, glyphs] = line.split('\t');
  return { id: id!, font: font!, script: script!, language: language!, direction: direction!, text: JSON.parse(text!) as string, glyphs: glyphs! };
}

export const hasTool = (t: string): boolean => spawnSync('which', [t]).status === 0;

/** hb-shape's output for the same font, script, language and direction (`[…]`), or an error string. */
export function hbShape(e: Pick<ParsedExpectation, 'font' | 'script' | 'language' | 'direction' | 'text'>): string {
  const r = spawnSync(
    'hb-shape',
    [
      '--no-glyph-names',
      `--font-file=${join(REPO_ROOT, e.font)}`,
      `--script=${harfbuzzScript(e.script)}`,
      `--language=${e.language}`,
      `--direction=${e.direction}`,
      `--text=${e.text}`,
    ],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? r.stdout.trim() : `hb-shape failed: ${r.stderr.trim()}`;
}
