/**
 * SVG logos as design tools export them (tests/fixtures/logos: Inkscape with sodipodi/inkscape namespaces,
 * metadata, <defs>, group transforms and style attributes; Illustrator with CSS classes, a linear gradient and
 * enable-background; Figma with a clip path, fill-rule and rounded rects), drawn by svg-to-pdfkit on the card
 * back: accepted at load, drawn in the logo box (pixels at 100 dpi, 2 px antialiasing tolerance), tagged as the
 * edition's Figure as before, press files DeviceCMYK only and home files DeviceRGB only, byte-identical on a
 * second render, and `qpdf --check` clean.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { DocumentSpec, Positioned } from '../../../src/layout/frame.ts';
import { readLogo } from '../../../src/content/read-logo.ts';
import { buildCard } from '../../../src/materials/card.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { KEYS, makeDoc } from '../materials/helpers.ts';
import { hasTool, tempPdf } from './helpers.ts';
import { objectsWhere, pages, pdfString, readObjects, refOf } from './pdf-read.ts';

const TOOLS = hasTool('pdftoppm') && hasTool('qpdf');
if (!TOOLS) console.warn('poppler-utils or qpdf not installed: skipping the SVG logo render tests');

const LOGOS = fileURLToPath(new URL('../../fixtures/logos/', import.meta.url));
/** The organisation makeDoc gives: the logo Figure's /Alt. */
const ORG = 'Example Anti-Raids Network';

/** Each fixture, its size as read from the file, and a colour only the logo has on the card back. */
const CASES = [
  { name: 'inkscape', size: [64, 32], colour: [0x1d, 0x5c, 0x4d] },
  { name: 'illustrator', size: [240, 120], colour: [0xd2, 0x55, 0x2b] }, // the gradient's middle stop
  { name: 'figma', size: [160, 160], colour: [0x0f, 0x4c, 0x81] },
] as const;

const content = mkdtempSync(join(tmpdir(), 'rp-svg-logos-'));
mkdirSync(join(content, 'assets'));
for (const { name } of CASES) copyFileSync(join(LOGOS, `${name}.svg`), join(content, 'assets', `${name}.svg`));

/** Every dictionary, and the streams that hold drawing operators (page contents, form XObjects), as text. */
function colourText(pdf: Buffer): string {
  const objs = readObjects(pdf);
  const contents = new Set(pages(objs).map((p) => refOf(p.body, 'Contents')));
  return [...objs.values()]
    .map((o) => `${o.body}\n${o.stream && (contents.has(o.id) || /\/Subtype \/Form/.test(o.body)) ? o.stream.toString('latin1') : ''}`)
    .join('\n');
}

function logoBox(spec: DocumentSpec, page: number): { x: number; y: number; w: number; h: number } {
  const flat = (items: readonly Positioned[], dx = 0, dy = 0): { x: number; y: number; w: number; h: number }[] =>
    items.flatMap((p) =>
      p.item.kind === 'group'
        ? flat(p.item.frame.items, dx + p.x, dy + p.y)
        : p.item.kind === 'image'
          ? [{ x: dx + p.x, y: dy + p.y, w: p.item.width, h: p.item.height }]
          : [],
    );
  const boxes = flat(spec.pages[page - 1]!.frame.items);
  expect(boxes).toHaveLength(1);
  return boxes[0]!;
}

describe('SVG logos from design tools', () => {
  for (const { name, size, colour } of CASES) {
    it(`${name}: accepted at load with the size the file gives`, () => {
      const read = readLogo(`assets/${name}.svg`, readFileSync(join(content, 'assets', `${name}.svg`)));
      expect(read.ok && [read.logo.width, read.logo.height]).toEqual(size);
    });

    it.skipIf(!TOOLS)(`${name}: drawn in the logo box, tagged as the Figure, CMYK on press, deterministic, qpdf-clean`, async () => {
      const built = buildCard(makeDoc('en', { logo: `assets/${name}.svg` }), { keys: KEYS, contentRoot: content }, layoutParagraph);
      expect(built.diagnostics).toEqual([]);
      const press = built.outputs.find((o) => o.file === 'card-press.pdf')!.doc;
      const home = built.outputs.find((o) => o.file === 'card-sheet-a4.pdf')!.doc;
      const pressPdf = await renderPdf(press);
      expect(Buffer.compare(pressPdf, await renderPdf(press))).toBe(0);
      const homePdf = await renderPdf(home, { standard: 'a-2b' });

      // Ink of the logo's colour inside its box on the card back, and nowhere else (100 dpi, 2 px tolerance).
      const path = tempPdf(pressPdf, `${name}.pdf`);
      const r = spawnSync('pdftoppm', ['-r', '100', '-f', '2', '-l', '2', '-singlefile', '-png', path, `${path}-back`]);
      expect(r.status, r.stderr.toString()).toBe(0);
      const png = PNG.sync.read(readFileSync(`${path}-back.png`));
      const px = (pt: number) => (pt * 100) / 72;
      const box = logoBox(press, 2);
      let inside = 0;
      let outside = 0;
      for (let y = 0; y < png.height; y += 1) {
        for (let x = 0; x < png.width; x += 1) {
          const i = (y * png.width + x) * 4;
          if (![0, 1, 2].every((c) => Math.abs(png.data[i + c]! - colour[c]!) < 30)) continue;
          const inBox = x >= px(box.x) - 2 && x <= px(box.x + box.w) + 2 && y >= px(box.y) - 2 && y <= px(box.y + box.h) + 2;
          if (inBox) inside += 1;
          else outside += 1;
        }
      }
      expect(inside).toBeGreaterThan(px(box.w) * px(box.h) * 0.03);
      expect(outside).toBe(0);

      // Tagging as before: the Figure with the organisation as /Alt owns the marked content that draws the logo.
      const objs = readObjects(pressPdf);
      const figures = objectsWhere(objs, /\/S \/Figure/).filter((o) => {
        const alt = /\/Alt (\((?:\\.|[^\\)])*\))/.exec(o.body)?.[1];
        return alt !== undefined && pdfString(alt) === ORG;
      });
      expect(figures).toHaveLength(1);
      const mcid = Number(/\/K \[\s*(\d+)/.exec(figures[0]!.body)?.[1]);
      const back = objs.get(refOf(pages(objs)[1]!.body, 'Contents')!)!.stream!.toString('latin1');
      const marked = new RegExp(`/Figure <<\\n/MCID ${mcid}\\n>> BDC\\n([\\s\\S]*?)\\nEMC`).exec(back);
      expect(marked, `MCID ${mcid} on the card back`).not.toBeNull();
      expect(marked![1]).toMatch(/\n(f|f\*|B|S|\/G\d+ Do|\/Sh\d+ sh)\n/); // paints (paths, or a group/shading)

      // Colour spaces: press DeviceCMYK only (k/K, CMYK groups and shadings), home RGB only, both qpdf-clean.
      expect(colourText(pressPdf)).not.toMatch(/DeviceRGB|\b(rg|RG)\n/);
      expect(colourText(pressPdf)).toMatch(/DeviceCMYK|\b(k|K)\n/);
      const homePath = tempPdf(homePdf, `${name}-home.pdf`);
      expect(colourText(homePdf)).not.toMatch(/DeviceCMYK|\b(k|K)\n/);
      expect(homePdf.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
      for (const file of [path, homePath]) {
        const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
        expect(check.status, check.stdout + check.stderr).toBe(0);
      }
    });
  }

  it("a press file keeps the logo's transparency groups and soft masks in CMYK (Figma clip path)", async () => {
    const built = buildCard(makeDoc('en', { logo: 'assets/figma.svg' }), { keys: KEYS, contentRoot: content }, layoutParagraph);
    const objs = readObjects(await renderPdf(built.outputs.find((o) => o.file === 'card-press.pdf')!.doc));
    const groups = objectsWhere(objs, /\/S \/Transparency/);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.body).toMatch(/\/CS \/DeviceCMYK/);
    const masks = objectsWhere(objs, /\/SMask <</);
    expect(masks.length).toBeGreaterThan(0);
    for (const m of masks) expect(m.body).toMatch(/\/BC \[0 0 0 1\]/);
  });

  it("the same logo in a home file blends in RGB (svg-to-pdfkit's groups unchanged)", async () => {
    const built = buildCard(makeDoc('en', { logo: 'assets/figma.svg' }), { keys: KEYS, contentRoot: content }, layoutParagraph);
    const objs = readObjects(await renderPdf(built.outputs.find((o) => o.file === 'card-sheet-a4.pdf')!.doc));
    const groups = objectsWhere(objs, /\/S \/Transparency/);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.body).toMatch(/\/CS \/DeviceRGB/);
  });

  it('an SVG that reaches the writer without the loader is still checked: a script is RP6003, nothing drawn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-svg-unsafe-'));
    writeFileSync(join(dir, 'x.svg'), '<svg viewBox="0 0 10 10"><script>alert(1)</script><path d="M0 0h10v10z"/></svg>');
    const spec: DocumentSpec = {
      ...buildCard(makeDoc('en'), { keys: KEYS }, layoutParagraph).outputs.find((o) => o.file === 'card-press.pdf')!.doc,
    };
    const withLogo: DocumentSpec = {
      ...spec,
      pages: [
        {
          ...spec.pages[0]!,
          frame: {
            ...spec.pages[0]!.frame,
            items: [
              ...spec.pages[0]!.frame.items,
              { x: 10, y: 10, item: { kind: 'image', src: 'assets/x.svg', data: readFileSync(join(dir, 'x.svg')), width: 20, height: 20 } },
            ],
          },
        },
        ...spec.pages.slice(1),
      ],
    };
    const err = (await renderPdf(withLogo).catch((e: unknown) => e)) as { diagnostics?: { code: string; message: string }[] };
    expect(err.diagnostics?.[0]?.code).toBe('RP6003');
    expect(err.diagnostics?.[0]?.message).toMatch(/x\.svg cannot be drawn: it contains a <script> element/);
  });
});
