/**
 * Regression: damaged logos were embedded. A PNG whose compressed image data is corrupt (chunk CRCs still right)
 * was written into the PDF, giving a page MuPDF cannot decode while qpdf saw nothing wrong (an opaque PNG is
 * passed through as it is; this fixture has alpha, which pdfkit 0.20.2 decodes itself — it died with an uncaught
 * zlib "incorrect data check" outside any try/catch); a truncated SVG was
 * read tag by tag and printed without the shapes after the cut (the letters); a logo path naming a folder
 * crashed the build (EISDIR in the cache). Every logo is now decoded completely at load and refused at its
 * setting: RP3106 damaged, RP3105 not a file.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { copyFixture, edit, run } from '../../unit/cli/helpers.ts';

const HERE = new URL('./', import.meta.url).pathname;

describe('regression: damaged logos are refused, not embedded', () => {
  it('the fixtures are the damage described: a valid PNG structure with corrupt pixels, an SVG cut mid-attribute', () => {
    const png = readFileSync(join(HERE, 'corrupt-pixels.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
    const svg = readFileSync(join(HERE, 'truncated.svg'), 'utf8');
    expect(svg).toMatch(/<circle [^>]*\/>/u); // a complete shape before the cut, which a tag-by-tag reader drew
    expect(svg).not.toContain('</svg>');
  });

  for (const [file, reason] of [
    ['corrupt-pixels.png', 'the PNG image data is corrupt'],
    ['truncated.svg', 'the SVG is not well-formed XML'],
  ] as const) {
    it(`${file}: RP3106 at editions/local.yaml:7:9, build exits 1 and writes no PDF`, async () => {
      const { dir, content } = copyFixture('content-basic');
      copyFileSync(join(HERE, file), join(content, 'assets', file));
      edit(join(content, 'editions/local.yaml'), 'logo: assets/logo.svg', `logo: assets/${file}`);
      const errors = loadContent(content, { display: 'content' }).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.code}`)).toEqual(['content/editions/local.yaml:7:9 RP3106']);
      expect(errors[0]!.message).toContain(reason);
      const out = join(dir, 'out');
      expect((await run(['build', '--content', content, '--out', out, '--edition', 'local', '--material', 'card'], dir)).code).toBe(1);
      expect(existsSync(join(out, 'local'))).toBe(false);
    });
  }

  it('a logo path that is a folder is RP3105 with exit 1, not a crash', async () => {
    const { dir, content } = copyFixture('content-basic');
    mkdirSync(join(content, 'assets/logos'));
    edit(join(content, 'editions/local.yaml'), 'logo: assets/logo.svg', 'logo: assets/logos');
    const build = await run(['build', '--content', content, '--out', join(dir, 'out'), '--edition', 'local', '--material', 'card'], dir);
    expect(build.code).toBe(1);
    expect(build.err).toMatch(/editions\/local\.yaml:7:9 {2}RP3105 {2}Logo `assets\/logos` cannot be used: it is a folder, not a file\./u);
    expect(build.err).not.toContain('EISDIR');
  });
});
