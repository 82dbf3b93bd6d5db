/**
 * Regression: a 200 KB string in a card key ran for minutes before anything was said (a 40 000-character one
 * took 101 s; 5 MB ran past 300 s): paragraph layout grows faster than linearly with length and the card fit
 * laid the text out at all eleven sizes from 9 pt to 6.5 pt. Strings are now capped by the schemas (RP1014,
 * the schema's description as hint), files over 4 MB are refused unread (RP1015), and a card side that does not
 * fit at 9 pt is tried at 6.5 pt next, so an overflow is reported after two layouts. (Times are measured by
 * bench/inputs.ts, not here.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { layoutCardSide } from '../../../src/materials/card-side.ts';
import type { SetText } from '../../../src/layout/types.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

const where = (d: { code: string; span?: { file: string; line: number; col: number } }) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.code}`;

describe('regression: a huge card string is refused at load, and a card overflow is found after two layouts', () => {
  it('200 KB in card.rights: RP1014 at the key and exit 1, without laying out the card', async () => {
    const { dir, content } = copyFixture('content-basic');
    const big = 'You can stay silent and ask for a lawyer. '.repeat(5000);
    edit(join(content, 'guidance/en.yaml'), '  card.rights: |-\n    - You can stay silent.\n    - Do not sign anything.\n', `  card.rights: "${big}"\n`);
    const errors = loadContent(content, { display: 'content' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(where)).toEqual(['content/guidance/en.yaml:15:16 RP1014']);
    const check = await run(['check', '--content', content], dir);
    expect(check.code).toBe(1);
    expect(check.err).toContain('at most 5000 characters');
    expect(check.err).not.toContain('RP3002');
  });

  it('a 5 MB guidance file: RP1015 at 1:1, nothing else', () => {
    const { content } = copyFixture('content-basic');
    writeFileSync(join(content, 'guidance/en.yaml'), `language: en\nstrings:\n  card.rights: "${'x'.repeat(5_000_000)}"\n`);
    expect(loadContent(content, { display: 'content' }).diagnostics.map(where)).toEqual(['content/guidance/en.yaml:1:1 RP1015']);
  });

  it('a card side at the schema limit that cannot fit is laid out at 9 pt and 6.5 pt only', () => {
    const sizes: number[] = [];
    const counting: SetText = (p, o) => {
      if (!sizes.includes(o.size)) sizes.push(o.size);
      return layoutParagraph(p, o);
    };
    const text = 'You can stay silent and ask for a lawyer. '.repeat(119); // 4998 characters
    const side = layoutCardSide(
      { title: [], body: [{ key: 'card.rights', role: 'P', paragraph: { text, lang: 'en', spans: [] } }], hotline: [], notes: [], lang: 'en', dir: 'ltr' },
      'en',
      counting,
    );
    expect(side.fits).toBe(false);
    expect(sizes).toEqual([9, 6.5]);
  });
});
