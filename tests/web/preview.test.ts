import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetContent, runJob } from '../../src/build/run-job.ts';
import { serveSite } from '../../src/cli/serve.ts';
import { fontRegistry } from '../../src/fonts/registry.ts';
import type { DocumentSpec } from '../../src/layout/frame.ts';
import { previewList } from '../../src/render/preview-list.ts';
import { REPO_ROOT } from '../../src/platform/repo-root.ts';
import { buildSite } from '../../src/web/build-site.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

/**
 * The page's preview is drawn from the engine's frames (render/preview-list.ts → web/draw-preview.ts), not from
 * the PDF: it must look like the PDF. The canvas's pixels are compared with the same file rendered by poppler's
 * pdftoppm at the same pixel size: the example edition's English and Arabic card sheets, their fronts as the live
 * page draws them (worker, display list, canvas) and their backs — the SVG logo and the QR codes — drawn by
 * draw-preview.ts from lists made here through runJob's layout seam (the page only previews page 1).
 * Tolerance: MAX_MEAN below. The same comparison against another page (the other side, the other language's
 * sheet) must fail it.
 * RIGHTSPRINT_PREVIEW_PNGS=<dir> keeps both images of each comparison there for a look.
 */
const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
const READY = existsSync(CHROMIUM) && has('pdftoppm');
if (!READY) console.warn(`skipping the preview browser test: needs ${CHROMIUM} and pdftoppm (apt-get install chromium poppler-utils)`);

/**
 * Mean absolute difference per RGB channel, 0–255, of BLOCK × BLOCK pixel averages, that still counts as the
 * same picture. Measured: 2.8–4.7 for the same page (poppler snaps glyph baselines and rect edges to whole pixels,
 * Skia does not), 17–24 for another page.
 */
const MAX_MEAN = 6;
/** Side of the pixel blocks compared (3 px ≈ 2.8 pt here): antialiasing and pixel snapping average out. */
const BLOCK = 3;

describe.skipIf(!READY)('the preview drawn from frames', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rp-preview-'));
  const keep = process.env.RIGHTSPRINT_PREVIEW_PNGS;
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  /** A blank page with draw-preview.ts loaded (as window.rpPreview), to draw lists made here. */
  let harness: Page;

  beforeAll(async () => {
    const site = join(tmp, 'site');
    await buildSite(site);
    const served = await serveSite(site, 0);
    server = served.server;
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(served.url);
    harness = await context.newPage();
    await harness.setContent('<!doctype html><title>harness</title>');
    const script = await build({
      entryPoints: [join(REPO_ROOT, 'src/web/draw-preview.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'rpPreview',
      platform: 'browser',
      target: 'es2022',
    });
    await harness.addScriptTag({ content: script.outputFiles[0]!.text });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** The canvas once it shows `file` (drawn, and its PDF built), as RGBA pixels. */
  async function canvasFor(file: string): Promise<PNG> {
    await page.waitForFunction((f) => (document.getElementById('preview-canvas') as HTMLCanvasElement | null)?.dataset.file === f, file, {
      timeout: 120_000,
    });
    const url = await page.locator('#preview-canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
    return PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
  }

  /** The CLI engine's PDF of a card sheet, page `n` rendered by pdftoppm at exactly width × height pixels. */
  async function popplerPage(edition: string, lang: string, n: number, width: number, height: number): Promise<PNG> {
    forgetContent();
    const result = await runJob(
      { id: `${edition}/${lang}/card`, edition, lang, kind: 'card', dir: `${edition}/${lang}` },
      { contentDir: join(REPO_ROOT, 'content'), standard: 'none', materialOptions: {} },
    );
    const pdf = result.outputs.find((o) => o.file.endsWith('/card-sheet-a4.pdf'));
    expect(pdf, JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))).toBeDefined();
    const path = join(tmp, `${edition}-${lang}.pdf`);
    writeFileSync(path, pdf!.data);
    const out = join(tmp, `${edition}-${lang}-p${n}`);
    const r = spawnSync('pdftoppm', [
      '-f',
      String(n),
      '-l',
      String(n),
      '-singlefile',
      '-png',
      '-scale-to-x',
      String(width),
      '-scale-to-y',
      String(height),
      path,
      out,
    ]);
    expect(r.status, r.stderr.toString()).toBe(0);
    return PNG.sync.read(readFileSync(`${out}.png`));
  }

  /**
   * Mean absolute difference per RGB channel (0–255) between the two images' BLOCK × BLOCK pixel averages; both
   * images must have the same size.
   */
  function meanDifference(a: PNG, b: PNG, name: string): number {
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    if (keep) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(join(keep, `${name}-canvas.png`), PNG.sync.write(a));
      writeFileSync(join(keep, `${name}-pdftoppm.png`), PNG.sync.write(b));
    }
    const cols = Math.floor(a.width / BLOCK);
    const rows = Math.floor(a.height / BLOCK);
    let sum = 0;
    for (let by = 0; by < rows; by++)
      for (let bx = 0; bx < cols; bx++)
        for (let c = 0; c < 3; c++) {
          let d = 0;
          for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++)
            for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) d += a.data[(y * a.width + x) * 4 + c]! - b.data[(y * a.width + x) * 4 + c]!;
          sum += Math.abs(d) / (BLOCK * BLOCK);
        }
    return sum / (cols * rows * 3);
  }

  /** The display list of page `n` of a card sheet as the engine lays it out (runJob's layout seam), drawn by draw-preview.ts in the browser. */
  async function drawnPage(edition: string, lang: string, n: number): Promise<PNG> {
    forgetContent();
    let doc: DocumentSpec | undefined;
    await runJob(
      { id: `${edition}/${lang}/card`, edition, lang, kind: 'card', dir: `${edition}/${lang}`, outputs: ['card-sheet-a4'] },
      { contentDir: join(REPO_ROOT, 'content'), standard: 'none', materialOptions: {} },
      undefined,
      (file, d) => {
        if (file.endsWith('/card-sheet-a4.pdf')) doc = d;
      },
    );
    const list = previewList(doc!.pages[n - 1]!, (id) => fontRegistry().faceById(id));
    // Byte arrays as plain arrays across page.evaluate; made byte arrays again in the page.
    const plain = JSON.parse(JSON.stringify(list, (_k, v: unknown) => (v instanceof Uint8Array ? { bytes: [...v] } : v))) as unknown;
    const url = await harness.evaluate(async (l) => {
      const revive = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(revive)
          : v && typeof v === 'object'
            ? 'bytes' in v
              ? new Uint8Array((v as { bytes: number[] }).bytes)
              : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]))
            : v;
      const canvas = document.createElement('canvas');
      await (window as unknown as { rpPreview: { drawPreview(c: HTMLCanvasElement, l: unknown): Promise<boolean> } }).rpPreview.drawPreview(canvas, revive(l));
      return canvas.toDataURL('image/png');
    }, plain);
    return PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
  }

  it('draws the first English card sheet (example edition, SVG logo) as poppler draws its PDF, and not as the backs page', async () => {
    const canvas = await canvasFor('example-local/en/card-sheet-a4.pdf');
    // A4 at the page's scale: the longest side 900 px.
    expect([canvas.width, canvas.height]).toEqual([636, 900]);
    const same = meanDifference(canvas, await popplerPage('example-local', 'en', 1, canvas.width, canvas.height), 'en');
    const other = meanDifference(canvas, await popplerPage('example-local', 'en', 2, canvas.width, canvas.height), 'en-vs-backs');
    console.log(`en card sheet: canvas vs pdftoppm mean difference ${same.toFixed(2)}; vs the backs page ${other.toFixed(2)}`);
    expect(same).toBeLessThan(MAX_MEAN);
    expect(other).toBeGreaterThan(MAX_MEAN);
  }, 240_000);

  it('draws an Arabic card sheet (right to left, SVG logo) as poppler draws its PDF, and not as the English one', async () => {
    const before = await page.locator('#preview-canvas').evaluate((c: HTMLCanvasElement) => c.dataset.build ?? '');
    await page.getByRole('checkbox', { name: /العربية/u }).check();
    await page.getByRole('checkbox', { name: /English/u }).uncheck();
    await page.getByLabel('Preview', { exact: false }).first().waitFor();
    await page.waitForFunction(
      (b) => {
        const c = document.getElementById('preview-canvas') as HTMLCanvasElement | null;
        return !!c && c.dataset.build !== b && c.dataset.file === 'example-local/ar/card-sheet-a4.pdf';
      },
      before,
      { timeout: 120_000 },
    );
    const canvas = await canvasFor('example-local/ar/card-sheet-a4.pdf');
    const same = meanDifference(canvas, await popplerPage('example-local', 'ar', 1, canvas.width, canvas.height), 'ar');
    const other = meanDifference(canvas, await popplerPage('example-local', 'en', 1, canvas.width, canvas.height), 'ar-vs-en');
    console.log(`ar card sheet: canvas vs pdftoppm mean difference ${same.toFixed(2)}; vs the English sheet ${other.toFixed(2)}`);
    expect(same).toBeLessThan(MAX_MEAN);
    expect(other).toBeGreaterThan(MAX_MEAN);
  }, 240_000);

  for (const lang of ['en', 'ar']) {
    it(`draws the backs page of the ${lang} card sheet (SVG logo, QR codes) as poppler draws its PDF, and not as the fronts page`, async () => {
      const canvas = await drawnPage('example-local', lang, 2);
      const same = meanDifference(canvas, await popplerPage('example-local', lang, 2, canvas.width, canvas.height), `${lang}-backs`);
      const other = meanDifference(canvas, await popplerPage('example-local', lang, 1, canvas.width, canvas.height), `${lang}-backs-vs-fronts`);
      console.log(`${lang} backs: drawn list vs pdftoppm mean difference ${same.toFixed(2)}; vs the fronts page ${other.toFixed(2)}`);
      expect(same).toBeLessThan(MAX_MEAN);
      expect(other).toBeGreaterThan(MAX_MEAN);
    }, 240_000);
  }
});
