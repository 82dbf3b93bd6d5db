/**
 * Browser bench (`npm run bench:web`): the web page's budgets, measured in Debian's chromium through
 * playwright-core against dist/web served by `rightsprint serve`'s server (gzip on the wire, as static hosts do).
 * Not a test: it prints figures and marks each against its budget.
 *
 * - cold: a fresh browser profile opens the page and waits until the first English card sheet is both drawn in the
 *   preview (drawn from the engine's frames as soon as layout is done, mark rp:drawn) and in the page as a PDF
 *   (mark rp:pdf): the canvas's data-build is set once both are there, so cold is the later of the two;
 * - warm: after that, a change of the Hotline until the card sheet's preview is rebuilt (the worker's own time
 *   and the wall time seen by the page, median of 5);
 * - bytes: a fresh profile, the generic edition, one language (ar, then zh-Hans) and cards only: the bytes
 *   transferred (encoded body sizes) for everything the page fetched until that card sheet was built.
 * Run `npm run web` first.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveSite } from '../src/cli/serve.ts';
import { REPO_ROOT } from '../src/platform/repo-root.ts';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../tests/web/chromium.ts';

/** The site to measure: dist/web, or another build of it given as the first argument (to compare two versions). */
const SITE = process.argv[2] ?? join(REPO_ROOT, 'dist', 'web');
/** The budgets of issue #10 point 6. */
const BUDGET = { coldMs: 3000, warmMs: 300, arabicBytes: 2.5e6, chineseBytes: 12e6 };

async function fresh() {
  const profile = mkdtempSync(join(tmpdir(), 'rp-bench-web-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS });
  let bytes = 0;
  context.on(
    'requestfinished',
    (r) =>
      void r
        .sizes()
        .then((s) => (bytes += s.responseBodySize))
        .catch(() => undefined),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    bytes: () => bytes,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const builds = (page: Page) => page.locator('#preview-canvas').evaluate((c: HTMLCanvasElement) => c.dataset.build ?? '');
async function nextBuild(page: Page, after: string): Promise<void> {
  await page.waitForFunction(
    (b) => {
      const c = document.getElementById('preview-canvas') as HTMLCanvasElement | null;
      return !!c && c.dataset.build !== b && !!c.dataset.file;
    },
    after,
    { timeout: 120_000, polling: 10 },
  );
}

async function cardBytes(url: string, lang: string): Promise<number> {
  const b = await fresh();
  await b.page.goto(url);
  await b.page.getByLabel('Edition', { exact: true }).selectOption('generic');
  await nextBuild(b.page, '');
  const before = await builds(b.page);
  await b.page.getByRole('checkbox', { name: /^/u }).first().waitFor();
  await b.page.locator(`#lang-${lang}`).check();
  await b.page.locator('#lang-en').uncheck();
  await nextBuild(b.page, before);
  await b.page.waitForTimeout(500);
  const n = b.bytes();
  await b.close();
  return n;
}

export async function runWebBench(): Promise<number> {
  if (!existsSync(join(SITE, 'index.html'))) {
    console.error('dist/web is missing: run `npm run web` first.');
    return 1;
  }
  const { server, url } = await serveSite(SITE, 0);
  try {
    const b = await fresh();
    const t0 = Date.now();
    await b.page.goto(url);
    await nextBuild(b.page, '');
    const cold = Date.now() - t0;
    const status = await b.page.locator('#status').textContent();
    // The worker reads the translations once the first preview is drawn; the warm runs start after that.
    await b.page.locator('#languages[aria-busy="false"]').waitFor({ timeout: 120_000 });
    // The page's own marks, in ms from navigation start: where the cold start goes.
    const marks = await b.page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('rp:'))
          .map((m) => [m.name.slice(3), Math.round(m.startTime)]),
      ),
    );
    const nav = await b.page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return n ? Math.round(n.domContentLoadedEventEnd) : NaN;
    });
    const warmWall: number[] = [];
    const warmWorker: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = await builds(b.page);
      const t = Date.now();
      await b.page.getByLabel('Hotline').fill(`0800 000 00${i}${i}`);
      await nextBuild(b.page, before);
      warmWall.push(Date.now() - t);
      warmWorker.push(Number(/in (\d+) ms/u.exec((await b.page.locator('#status').textContent()) ?? '')?.[1] ?? NaN));
    }
    await b.close();
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const arabic = await cardBytes(url, 'ar');
    const chinese = await cardBytes(url, 'zh-Hans');
    const mark = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
    console.log(
      `cold: first English card sheet drawn and its PDF in the page ${cold} ms (${status?.trim()}) — budget ${BUDGET.coldMs} ms: ${mark(cold <= BUDGET.coldMs)}`,
    );
    console.log(
      `  from navigation start: page ready ${nav} ms, content fetched ${marks['content-fetched']} ms, first-preview content loaded in the worker ${marks['content-loaded']} ms, preview drawn ${marks.drawn} ms, PDF in the page ${marks.pdf} ms (cold: the later, ${Math.max(marks.drawn ?? NaN, marks.pdf ?? NaN)} ms), every translation read ${marks['content-complete']} ms`,
    );
    console.log(
      `warm: settings change → card sheet rebuilt: worker ${median(warmWorker)} ms, page wall ${median(warmWall)} ms incl. the ${150} ms typing pause and preview drawing — budget ${BUDGET.warmMs} ms (worker): ${mark(median(warmWorker) <= BUDGET.warmMs)}`,
    );
    console.log(`bytes fetched for an Arabic card: ${(arabic / 1e6).toFixed(2)} MB — budget 2.5 MB: ${mark(arabic <= BUDGET.arabicBytes)}`);
    console.log(`bytes fetched for a Chinese (zh-Hans) card: ${(chinese / 1e6).toFixed(2)} MB — budget 12 MB: ${mark(chinese <= BUDGET.chineseBytes)}`);
    return 0;
  } finally {
    server.close();
  }
}

process.exitCode = await runWebBench();
