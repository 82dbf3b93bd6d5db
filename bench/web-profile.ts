/**
 * Where the web worker's cold start goes (`npx tsx bench/web-profile.ts [site] [out.cpuprofile]`): a fresh
 * chromium profile opens the page, the worker is paused as it starts (CDP auto-attach, waitForDebuggerOnStart),
 * V8's sampling profiler is started in it, and it is stopped when the first PDF reaches the page. Prints the
 * worker's busiest functions and scripts (self time) and writes the profile for chromium's DevTools. Build the site
 * with RP_WEB_NO_MINIFY=1 to read function names. Not a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from '../src/cli/serve.ts';
import { REPO_ROOT } from '../src/platform/repo-root.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/web/chromium.ts';

const SITE = process.argv[2] ?? join(REPO_ROOT, 'dist', 'web');
const OUT = process.argv[3] ?? join(tmpdir(), 'rp-worker.cpuprofile');

/** The parts of V8's CPU profile read here. */
interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { server, url } = await serveSite(SITE, 0);
const dir = mkdtempSync(join(tmpdir(), 'rp-web-profile-'));
const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  // Unflattened sessions: messages to the worker go through Target.sendMessageToTarget, which playwright's
  // CDPSession can send (it has no API for a flattened child session).
  let nextId = 1;
  const replies = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
  const toWorker = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      replies.set(id, (r) => (r.error ? reject(new Error(JSON.stringify(r.error))) : resolve(r.result)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined) replies.get(m.id)?.(m);
  });
  let worker: string | undefined;
  let workerStarted = 0;
  const attached = new Promise<void>((resolve) =>
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
      void (async () => {
        if (e.targetInfo.url.endsWith('/worker.js') && !worker) {
          worker = e.sessionId;
          workerStarted = Date.now();
          await toWorker(worker, 'Profiler.enable');
          await toWorker(worker, 'Profiler.setSamplingInterval', { interval: 200 });
          await toWorker(worker, 'Profiler.start');
          resolve();
        }
        await toWorker(e.sessionId, 'Runtime.runIfWaitingForDebugger');
      })();
    }),
  );
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  const t0 = Date.now();
  await page.goto(url);
  await attached;
  await page.waitForFunction(() => !!(document.getElementById('preview-canvas') as HTMLCanvasElement | null)?.dataset.file, undefined, {
    timeout: 120_000,
    polling: 10,
  });
  const { profile } = (await toWorker(worker!, 'Profiler.stop')) as { profile: Profile };
  const wall = Date.now() - t0;
  writeFileSync(OUT, JSON.stringify(profile));
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('rp:'))
        .map((m) => [m.name.slice(3), Math.round(m.startTime)]),
    ),
  );

  // Self time per sample node, then grouped by function and by script.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const sum = (key: (n: Profile['nodes'][number]) => string) => {
    const m = new Map<string, number>();
    for (const [id, ms] of self) {
      const k = key(byId.get(id)!);
      m.set(k, (m.get(k) ?? 0) + ms);
    }
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const total = (profile.endTime - profile.startTime) / 1000;
  const idle = sum((n) => n.callFrame.functionName).find(([k]) => k === '(idle)')?.[1] ?? 0;
  console.log(`wall ${wall} ms (worker attached after ${workerStarted - t0} ms); worker profile ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`);
  console.log('marks', JSON.stringify(marks));
  console.log('\nby script (self ms):');
  for (const [k, ms] of sum((n) => n.callFrame.url.split('/').pop() || '(native)').slice(0, 12)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${k}`);
  console.log('\nby function (self ms):');
  for (const [k, ms] of sum((n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`).slice(
    0,
    40,
  ))
    console.log(`  ${ms.toFixed(0).padStart(6)}  ${k}`);
  console.log(`\nprofile: ${OUT}`);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  server.close();
}
