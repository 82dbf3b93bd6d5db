/**
 * The web page's cold start, A/B (`npx tsx bench/web-cold.ts <site> [<site>…] [--runs N]`): for each site folder
 * (builds of dist/web), a fresh chromium profile opens the page until the first PDF of the English card sheet,
 * sites alternating run by run (A B A B …) so that a shared machine's load falls on all alike. Prints the median
 * of each of the page's marks (ms from navigation start) per site. Not a test; `npm run bench:web` has the budgets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from '../src/cli/serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/web/chromium.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const sites = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
if (!sites.length) {
  console.error('usage: npx tsx bench/web-cold.ts <site folder> [<site folder>…] [--runs N]');
  process.exit(2);
}

/** One cold start: the page's rp: marks, page ready (DOMContentLoaded end) and the wall time to the first PDF. */
async function cold(url: string): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'rp-bench-cold-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('rp:pdf').length > 0, undefined, { timeout: 120_000, polling: 10 });
    const wall = Date.now() - t0;
    const marks = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        ready: n ? Math.round(n.domContentLoadedEventEnd) : Number.NaN,
        ...Object.fromEntries(
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('rp:'))
            .map((m) => [m.name.slice(3), Math.round(m.startTime)]),
        ),
      };
    });
    return { ...marks, wall };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const servers = await Promise.all(sites.map((s) => serveSite(s, 0)));
const results: Record<string, number>[][] = sites.map(() => []);
const loads: number[] = [];
try {
  for (let r = 0; r < RUNS; r++) {
    for (let i = 0; i < sites.length; i++) {
      loads.push(loadavg()[0]!);
      const got = await cold(servers[i]!.url);
      results[i]!.push(got);
      console.log(`run ${r + 1} ${sites[i]}: ${JSON.stringify(got)}`);
    }
  }
} finally {
  for (const s of servers) s.server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const names = ['ready', 'content-fetched', 'content-loaded', 'pdf', 'wall'];
console.log(
  `\nmedians of ${RUNS} runs each (ms from navigation start; wall from goto); load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
);
sites.forEach((s, i) => console.log(`${s}: ${names.map((n) => `${n} ${median(results[i]!.map((x) => x[n] ?? Number.NaN))}`).join(', ')}`));
