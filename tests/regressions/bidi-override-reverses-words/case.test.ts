/**
 * Regression: an invisible RIGHT-TO-LEFT OVERRIDE (U+202E) pasted into an Arabic translation reversed `حقوقك` on
 * the page, and the build exited 0. Embedding, override and isolate controls in content are now errors at the
 * character (the isolates the engine inserts itself are added during layout, after loading, and are unaffected);
 * the marks RTL translators use on purpose (LRM, RLM, ALM) and the joiners (ZWJ, ZWNJ) are allowed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

describe('regression: a bidi override in a translation stops the build at the character', () => {
  it('RLO before حقوقك is RP1012 at translations/ar.yaml:5:16 and the build exits 1', async () => {
    const { dir, content } = copyFixture('content-basic');
    edit(join(content, 'translations/ar.yaml'), 'text: اعرف حقوقك\n', 'text: اعرف \u202Eحقوقك\n');
    const errors = loadContent(content, { display: 'content' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.code}`)).toEqual(['content/translations/ar.yaml:5:16 RP1012']);
    expect(errors[0]!.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    const build = await run(['build', '--content', content, '--out', join(dir, 'out'), '--lang', 'ar', '--material', 'card'], dir);
    expect(build.code).toBe(1);
    expect(build.err).toContain('RP1012');
  });

  it('marks a translator types on purpose (RLM after a bracket, ZWNJ) pass: check exits 0', async () => {
    const { dir, content } = copyFixture('content-basic');
    edit(join(content, 'translations/ar.yaml'), 'text: في الشارع\n', 'text: في الشارع (لندن)\u200F\n');
    const loaded = loadContent(content);
    expect(loaded.diagnostics.filter((d) => d.code === 'RP1012' || d.code === 'RP1013')).toEqual([]);
    expect((await run(['check', '--content', content, '--lang', 'ar', '--edition', 'generic'], dir)).code).toBe(0);
  });
});
