/**
 * Regression (issue #15 item 13): SVG logos as design tools export them were refused. The hand-written drawer
 * took only plain <path>/<rect>/<circle>/<polygon> with #rrggbb fills, so an Inkscape file (group transform,
 * style attributes), an Illustrator file (CSS classes, a linear gradient) and a Figma file (clip path, rounded
 * rects) all stopped the build with RP3109 at settings.logo. svg-to-pdfkit now draws them; the fixtures are
 * tests/fixtures/logos (drawing, tagging and colour spaces are checked in tests/unit/render/svg-logos.test.ts).
 * What must still be refused is: a logo that would run code or read another file is RP3110 at the setting.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

const LOGOS = fileURLToPath(new URL('../../fixtures/logos/', import.meta.url));

describe('regression: SVG logos from Inkscape, Illustrator and Figma are drawn, not refused', () => {
  for (const tool of ['inkscape', 'illustrator', 'figma']) {
    it(`${tool}: no diagnostic at load; the card builds (exit 0) with the logo`, async () => {
      const { dir, content } = copyFixture('content-basic');
      copyFileSync(join(LOGOS, `${tool}.svg`), join(content, 'assets', `${tool}.svg`));
      edit(join(content, 'editions/local.yaml'), 'logo: assets/logo.svg', `logo: assets/${tool}.svg`);
      expect(loadContent(content, { display: 'content' }).diagnostics.filter((d) => d.code.startsWith('RP31'))).toEqual([]);
      const out = join(dir, 'out');
      const build = await run(['build', '--content', content, '--out', out, '--edition', 'local', '--material', 'card', '--lang', 'pl'], dir);
      expect(build.code, build.err).toBe(0);
      expect(existsSync(join(out, 'local', 'pl', 'card-press.pdf'))).toBe(true);
    });
  }

  it('the safety refusal stays: an event handler in the logo is RP3110 at editions/local.yaml:7:9 and the build exits 1', async () => {
    const { dir, content } = copyFixture('content-basic');
    copyFileSync(join(LOGOS, 'figma.svg'), join(content, 'assets', 'figma.svg'));
    edit(join(content, 'assets/figma.svg'), '<svg width="160"', '<svg onload="fetch(\'https://example.org/\')" width="160"');
    edit(join(content, 'editions/local.yaml'), 'logo: assets/logo.svg', 'logo: assets/figma.svg');
    const errors = loadContent(content, { display: 'content' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.code}`)).toEqual(['content/editions/local.yaml:7:9 RP3110']);
    expect(errors[0]!.message).toContain('event handler (onload');
    const build = await run(['build', '--content', content, '--out', join(dir, 'out'), '--edition', 'local', '--material', 'card'], dir);
    expect(build.code).toBe(1);
    expect(existsSync(join(dir, 'out', 'local'))).toBe(false);
  });
});
