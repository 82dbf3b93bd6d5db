import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetContent } from '../../../src/build/run-job.ts';
import { copyFixture, edit, run } from './helpers.ts';

describe('check lays out the materials (without writing PDFs)', () => {
  it('a card front that cannot fit at the smallest size is found by `check`, not only by `build`', async () => {
    const { dir } = copyFixture('content-basic');
    const long = Array.from({ length: 14 }, () => 'Możesz milczeć i nie odpowiadać na żadne pytania funkcjonariuszy.').join(' ');
    // The card.rights entry (the same bullet also opens a leaflet key earlier in the file).
    edit(
      join(dir, 'content/translations/pl.yaml'),
      '- Możesz milczeć.\n      - Niczego nie podpisuj.\n    source: d9c44646',
      `- ${long}\n      - Niczego nie podpisuj.\n    source: d9c44646`,
    );
    forgetContent();
    const checked = await run(['check', '--lang', 'pl'], dir);
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/RP3002/u);
    expect(checked.err).toMatch(/card\.rights/u);
    expect(checked.out).toMatch(/check failed/u);
  });

  it('passes and writes nothing for content that fits', async () => {
    const { dir } = copyFixture('content-basic');
    const checked = await run(['check', '--lang', 'pl,en'], dir);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toMatch(/check passed/u);
  });
});
