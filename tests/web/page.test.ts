import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetContent, runJob } from '../../src/build/run-job.ts';
import { loadContent } from '../../src/content/load.ts';
import { translationStatus } from '../../src/i18n/status.ts';
import { serveSite } from '../../src/cli/serve.ts';
import { REPO_ROOT } from '../../src/platform/repo-root.ts';
import { buildSite } from '../../src/web/build-site.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

/**
 * The page in a real browser (Debian's chromium, driven by playwright-core), used by its labels as a person
 * would. Every request the page, its workers and its service worker make is recorded; any other origin fails.
 */
const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
const READY = existsSync(CHROMIUM) && has('pdftotext') && has('qpdf');
if (!READY) console.warn(`skipping the browser tests: needs ${CHROMIUM}, pdftotext and qpdf (apt-get install chromium poppler-utils qpdf)`);

const HOTLINE = '0800 123 4567';

describe.skipIf(!READY)('the web page', () => {
  let site: string;
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'rp-web-'));

  beforeAll(async () => {
    site = join(tmp, 'site');
    await buildSite(site);
    const served = await serveSite(site, 0);
    server = served.server;
    origin = new URL(served.url).origin;
    // A fresh profile (--user-data-dir, which playwright passes for a persistent context) for every run.
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM, args: CHROMIUM_ARGS, acceptDownloads: true });
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(served.url);
    await page.getByLabel('Edition', { exact: true }).waitFor({ timeout: 60_000 });
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (!process.env.RIGHTSPRINT_KEEP_WEB_TEST) rmSync(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
  });

  async function download(name: string): Promise<string> {
    const link = page.getByRole('link', { name: new RegExp(`^${name.replace(/[.]/gu, '\\.')} `, 'u') });
    await link.waitFor({ timeout: 120_000 });
    const [d] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(d.suggestedFilename()).toBe(name);
    const path = join(tmp, name);
    await d.saveAs(path);
    return path;
  }

  const previewState = () =>
    page.locator('#preview-canvas').evaluate((c: HTMLCanvasElement) => ({ build: c.dataset.build ?? '', file: c.dataset.file ?? '', pixels: c.toDataURL() }));
  async function nextPreview(after: string) {
    await page.waitForFunction(
      (b) => {
        const c = document.getElementById('preview-canvas') as HTMLCanvasElement | null;
        return !!c && c.dataset.build !== b && !!c.dataset.file;
      },
      after,
      { timeout: 60_000 },
    );
    return previewState();
  }

  it('draws the first preview, then gives every language the stale and missing counts the CLI computes', async () => {
    await page.waitForFunction(
      () => (document.getElementById('preview-canvas') as HTMLCanvasElement | null)?.dataset.file === 'example-local/en/card-sheet-a4.pdf',
      null,
      { timeout: 60_000 },
    );
    // The worker reads the translations after the first preview; the list is marked busy until then.
    await expect.poll(() => page.locator('#languages').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const content = loadContent(join(REPO_ROOT, 'content')).content!;
    const codes = content.project.languages.map((l) => l.code);
    const status = translationStatus(content, codes);
    expect(status.length).toBeGreaterThan(40);
    const shown = await page.locator('#languages [id$="-status"]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.id, e.textContent ?? ''])));
    for (const s of status) expect(shown[`lang-${s.code}-status`], s.code).toContain(`${s.stale} stale, ${s.missing} missing`);
  }, 120_000);

  it('sets the hotline, chooses العربية, builds, and the downloaded card sheet carries the hotline; the same bytes as the CLI after decompression', async () => {
    await page.getByLabel('Edition', { exact: true }).selectOption('generic');
    await page.getByLabel('Hotline').fill(HOTLINE);
    await page.getByRole('checkbox', { name: /العربية/u }).check();
    await page.getByRole('checkbox', { name: /English/u }).uncheck();
    await page.getByRole('button', { name: 'Build PDFs' }).click();
    const sheet = await download('generic-ar-card-sheet-a4.pdf');
    const text = spawnSync('pdftotext', [sheet, '-'], { encoding: 'utf8' }).stdout;
    expect(text.replace(/[\s\u200e\u200f\u2066-\u2069]/gu, '')).toContain(HOTLINE.replace(/\s/gu, ''));
    expect(text).toMatch(/[\u0600-\u06ff]/u);

    // The CLI's engine on the same content and the edition file the page saves: identical after decompression.
    const [yaml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save settings as edition file' }).click()]);
    expect(yaml.suggestedFilename()).toBe('generic.yaml');
    const content = join(tmp, 'content');
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
    await yaml.saveAs(join(content, 'editions', 'generic.yaml'));
    forgetContent();
    const cli = await runJob(
      { id: 'generic/ar/card', edition: 'generic', lang: 'ar', kind: 'card', dir: 'generic/ar' },
      { contentDir: content, standard: 'none', materialOptions: {} },
    );
    expect(cli.internalError).toBeUndefined();
    const cliSheet = cli.outputs.find((o) => o.file === 'generic/ar/card-sheet-a4.pdf')!;
    writeFileSync(join(tmp, 'cli.pdf'), cliSheet.data);
    const id = (f: string) => /\/ID \[<[0-9a-f]+> ?<[0-9a-f]+>\]/u.exec(readFileSync(f, 'latin1'))?.[0];
    expect(id(sheet)).toBeDefined();
    expect(id(sheet)).toBe(id(join(tmp, 'cli.pdf')));
    // --static-id: qpdf would otherwise give its rewritten file a fresh second /ID element.
    const flat = (f: string) => {
      spawnSync('qpdf', ['--qdf', '--static-id', '--object-streams=disable', '--stream-data=uncompress', '--normalize-content=n', f, `${f}.qdf`]);
      return readFileSync(`${f}.qdf`);
    };
    expect(Buffer.compare(flat(sheet), flat(join(tmp, 'cli.pdf')))).toBe(0);
  }, 300_000);

  it('updates the preview when a setting changes', async () => {
    const before = await previewState();
    await page.getByLabel('Organisation').fill('Riverside Anti-Raids Network');
    const after = await nextPreview(before.build);
    expect(after.file).toBe(before.file || after.file);
    expect(after.pixels).not.toBe(before.pixels);
  }, 120_000);

  it('takes a PNG logo: the preview is rebuilt without a problem and the built card carries the image', async () => {
    const state = await previewState();
    const png = new PNG({ width: 60, height: 30 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([0, 90, 200, 255], i);
    const file = join(tmp, 'our-logo.png');
    writeFileSync(file, PNG.sync.write(png));
    await page.getByLabel('Logo (SVG or PNG)').setInputFiles(file);
    await nextPreview(state.build);
    expect(await page.locator('#logo-diag .diag').count()).toBe(0);
    await page.getByRole('button', { name: 'Build PDFs' }).click();
    await page.getByRole('link', { name: /^generic-ar-card-press\.pdf / }).waitFor({ timeout: 120_000 });
    const press = await download('generic-ar-card-press.pdf');
    expect(readFileSync(press).includes('/Subtype /Image')).toBe(true);
  }, 180_000);

  it('takes an SVG logo as Figma exports it (clip path): drawn by the bundled svg-to-pdfkit, CMYK in the press file', async () => {
    const state = await previewState();
    await page.getByLabel('Logo (SVG or PNG)').setInputFiles(join(REPO_ROOT, 'tests/fixtures/logos/figma.svg'));
    await nextPreview(state.build);
    expect(await page.locator('#logo-diag .diag').count()).toBe(0);
    await page.getByRole('button', { name: 'Build PDFs' }).click();
    await page.getByRole('link', { name: /^generic-ar-card-press\.pdf / }).waitFor({ timeout: 120_000 });
    const press = readFileSync(await download('generic-ar-card-press.pdf')).toString('latin1');
    // svg-to-pdfkit draws the clip path as a transparency group, which a press file blends in CMYK.
    expect(press).toMatch(/\/S \/Transparency\n\/CS \/DeviceCMYK/);
    expect(press).not.toContain('/DeviceRGB');
  }, 180_000);

  it('loads a content .zip with a broken YAML file and shows the located error', async () => {
    const files = fixtureFiles('our-content');
    files['our-content/editions/local.yaml'] = new TextEncoder().encode('title: Local\nsettings:\n  hotline: "0800 000 0000\n  website: https://example.org\n');
    const zip = join(tmp, 'our-content.zip');
    writeFileSync(zip, zipSync(files));
    await page.getByLabel('Load a content folder (.zip)').setInputFiles(zip);
    const error = page.locator('#content-problems .diag.error').first();
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/our-content\/editions\/local\.yaml:\d+:\d+\s+RP\d{4} error/u);
    await expect(page.locator('#content-name').textContent()).resolves.toContain('our-content');
  }, 120_000);

  /** The fixture content folder (tests/fixtures/content-basic) as `<top>/…` entries, ready for zipSync. */
  function fixtureFiles(top: string): Record<string, Uint8Array> {
    const fixture = join(REPO_ROOT, 'tests/fixtures/content-basic');
    const files: Record<string, Uint8Array> = {};
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else files[`${top}/${relative(fixture, p).split('\\').join('/')}`] = new Uint8Array(readFileSync(p));
      }
    };
    walk(fixture);
    return files;
  }

  /** The element(s) an input's aria-describedby names: where the page puts what concerns that input. */
  async function describedBy(input: ReturnType<Page['getByLabel']>) {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    expect(ids).not.toBe('');
    return page.locator(
      ids
        .split(/\s+/u)
        .map((id) => `#${id}`)
        .join(', '),
    );
  }

  it('shows a placeholder setting beside its field, and a stale translation beside its language', async () => {
    // content-basic: the generic edition keeps the project's PLACEHOLDER hotline; Arabic has a stale and a missing string.
    const zip = join(tmp, 'basic-content.zip');
    writeFileSync(zip, zipSync(fixtureFiles('basic-content')));
    await page.getByLabel('Load a content folder (.zip)').setInputFiles(zip);
    await expect.poll(() => page.locator('#content-name').textContent(), { timeout: 60_000 }).toContain('basic-content');
    await page.getByLabel('Edition', { exact: true }).selectOption('generic');
    const hotline = page.getByLabel('Hotline');
    await expect
      .poll(async () => (await describedBy(hotline)).textContent(), { timeout: 60_000 })
      .toMatch(/RP5003 warning\s+Setting `hotline` is still a placeholder/u);
    // …and not beside another field.
    expect(await (await describedBy(page.getByLabel('Organisation'))).textContent()).toBe('');

    const arabic = page.getByRole('checkbox', { name: /العربية/u });
    await arabic.check();
    const arNote = await describedBy(arabic);
    await expect.poll(() => arNote.textContent(), { timeout: 60_000 }).toMatch(/RP500[124] /u);
    expect(await arNote.textContent()).toMatch(/outdated|translation pending/u);
    // The Polish row (complete translation) has no note.
    expect(await (await describedBy(page.getByRole('checkbox', { name: /Polish/u }))).textContent()).toBe('');
  }, 180_000);

  it('loads a whole content folder through the folder picker', async () => {
    const folder = join(tmp, 'picked-content');
    for (const [name, data] of Object.entries(fixtureFiles('picked-content'))) {
      mkdirSync(join(tmp, name, '..'), { recursive: true });
      writeFileSync(join(tmp, name), data);
    }
    await page.getByLabel('Load a content folder', { exact: true }).setInputFiles(folder);
    await expect.poll(() => page.locator('#content-name').textContent(), { timeout: 60_000 }).toContain('picked-content');
    // The folder's own editions, languages and settings (not the shipped content's).
    expect(
      await page
        .getByLabel('Edition', { exact: true })
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['generic', 'local']);
    await page.getByLabel('Edition', { exact: true }).selectOption('local');
    expect(await page.getByRole('checkbox', { name: /Polish/u }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /Arabic/u }).count()).toBe(0);
    expect(await page.getByLabel('Hotline').inputValue()).toBe('0800 000 0000');
    await page.waitForFunction(
      () => (document.getElementById('preview-canvas') as HTMLCanvasElement | null)?.dataset.file === 'local/en/card-sheet-a4.pdf',
      null,
      { timeout: 60_000 },
    );
  }, 120_000);

  it('switches its own interface to Arabic, right to left, and back', async () => {
    await page.getByLabel('Page language').selectOption('ar');
    await page.getByLabel('الخط الساخن').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect(page.getByRole('button', { name: 'إنشاء ملفات PDF' }).count()).resolves.toBe(1);
    // RTL layout: the settings column now starts at the right.
    const box = await page.getByLabel('الخط الساخن').boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box!.x + box!.width).toBeGreaterThan(width / 2);
    await page.getByLabel('لغة الصفحة').selectOption('fr');
    await page.getByLabel('Numéro d’urgence').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    await page.getByLabel('Langue de la page').selectOption('en');
    await page.getByLabel('Hotline').waitFor({ timeout: 10_000 });
  }, 60_000);

  it('keeps working offline after the first load (service worker)', async () => {
    await page.waitForFunction(async () => !!(await navigator.serviceWorker?.ready)?.active, null, { timeout: 60_000 });
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByLabel('Edition', { exact: true }).waitFor({ timeout: 60_000 });
      await page.getByLabel('Edition', { exact: true }).selectOption('generic');
      // The preview of the generic English card sheet is built and drawn from cached files only.
      await page.waitForFunction(
        () => (document.getElementById('preview-canvas') as HTMLCanvasElement | null)?.dataset.file === 'generic/en/card-sheet-a4.pdf',
        null,
        { timeout: 60_000 },
      );
      // A script whose fonts were never fetched cannot be set offline: the page says which font, beside that language.
      const amharic = page.getByRole('checkbox', { name: /Amharic/u });
      await amharic.check();
      const note = await describedBy(amharic);
      await expect
        .poll(() => note.textContent(), { timeout: 60_000 })
        .toMatch(/RP8001 error\s+The page could not load font Noto Sans Ethiopic \(noto-sans-ethiopic-(regular|bold), for Ethi\)/u);
      await amharic.uncheck();
    } finally {
      await context.setOffline(false);
    }
    // Back online, the same language builds: a failed font is fetched again, not remembered as failed.
    const before = await previewState();
    await page.getByRole('checkbox', { name: /Amharic/u }).check();
    await expect.poll(async () => (await previewState()).file, { timeout: 60_000 }).toBe('generic/am/card-sheet-a4.pdf');
    expect((await previewState()).build).not.toBe(before.build);
    expect(await (await describedBy(page.getByRole('checkbox', { name: /Amharic/u }))).textContent()).not.toContain('RP8001');
    await page.getByRole('checkbox', { name: /Amharic/u }).uncheck();
  }, 120_000);

  it('made no request outside its own origin', () => {
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
