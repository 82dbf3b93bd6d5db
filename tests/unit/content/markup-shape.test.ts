import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { markupShape, parseMarkup, type MarkupShape } from '../../../src/content/markup.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { prng } from '../../faults/helpers.ts';

/** The shape as parseMarkup's blocks give it: what markupShape counted before it stopped building them. */
function reference(text: string): MarkupShape {
  const markers = (text.match(/\*\*/gu) ?? []).length;
  const blocks = parseMarkup(text);
  return {
    boldSpans: Math.floor(markers / 2),
    listItems: blocks.reduce((n, b) => n + (b.kind === 'list' ? b.items.length : 0), 0),
    paragraphs: blocks.filter((b) => b.kind === 'para').length,
    balanced: markers % 2 === 0,
  };
}

/** Every guidance and translation string shipped. */
function shippedStrings(): string[] {
  const out: string[] = [];
  const guidance = parse(readFileSync(join(REPO_ROOT, 'content/guidance/en.yaml'), 'utf8')) as { strings: Record<string, string> };
  out.push(...Object.values(guidance.strings));
  for (const name of readdirSync(join(REPO_ROOT, 'content/translations'))) {
    const file = parse(readFileSync(join(REPO_ROOT, 'content/translations', name), 'utf8')) as { strings: Record<string, { text: string }> };
    out.push(...Object.values(file.strings).map((e) => e.text));
  }
  return out;
}

describe('markupShape counts what parseMarkup builds', () => {
  it('on every shipped guidance and translation string', () => {
    const strings = shippedStrings();
    expect(strings.length).toBeGreaterThan(1000);
    // Not vacuous: the shipped text has lists, bold and several paragraphs.
    expect(strings.some((s) => markupShape(s).listItems > 2)).toBe(true);
    expect(strings.some((s) => markupShape(s).boldSpans > 0)).toBe(true);
    expect(strings.some((s) => markupShape(s).paragraphs > 0 && markupShape(s).listItems > 0)).toBe(true);
    for (const s of strings) expect(markupShape(s), s).toEqual(reference(s));
  });

  it('on generated text made of the pieces markup is sensitive to (lists, continuations, blank lines, CR, odd markers, Unicode spaces)', () => {
    const pieces = [
      '- ',
      '  - ',
      '\t- ',
      '-',
      '**',
      '*',
      '\n',
      '\n\n',
      '\n \n',
      '\n\t\n',
      '\r\n',
      '\r',
      ' ',
      '\t',
      '  ',
      '\u00a0',
      '\u2028',
      'a',
      'word',
      'x y',
    ];
    const random = prng(1212);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(markupShape(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
