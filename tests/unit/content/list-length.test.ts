import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, edit } from '../cli/helpers.ts';

describe('list lengths from the schema (poster: three to five key rights)', () => {
  it.each([
    ['[poster.right1, poster.right2]', /has 2 entries; it needs at least 3/u],
    ['[poster.right1, poster.right2, poster.right3, poster.right1, poster.right2, poster.right3]', /has 6 entries; at most 5 fit/u],
  ])('rights: %s → RP1006 at the list, with a hint', (list, message) => {
    const { dir } = copyFixture('content-basic');
    edit(join(dir, 'content/project.yaml'), 'rights: [poster.right1, poster.right2, poster.right3]', `rights: ${list}`);
    const { diagnostics } = loadContent(join(dir, 'content'));
    const d = diagnostics.find((x) => x.code === 'RP1006' && message.test(x.message));
    expect(d, diagnostics.map((x) => x.message).join('\n')).toBeDefined();
    expect(d!.span).toMatchObject({ file: expect.stringMatching(/project\.yaml$/u), line: 29 });
    expect(d!.hints.join(' ')).toMatch(/Three to five key rights/u);
  });
});
