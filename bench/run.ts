/**
 * Build bench (`npm run bench`). First the workload of the Typst comparison of issue #12:
 * 6 languages × A4 leaflet, A3 poster and A4 card sheet = 18 documents from the shipped
 * content, built by the real CLI (`node bin/rightsprint.mjs build … --only leaflet,poster,card-sheet-a4 --force`)
 * in a child process, `--runs` times: wall, CPU (user + system, all threads) and peak RSS of that process, and
 * ms per document. Then the start-up and no-op figures of the goals: `rightsprint --help`, and the no-op rebuild
 * as the issue measures it (every material of the six languages, built once, then again with nothing changed:
 * at once, and again once the new files have settled and their stats can be trusted).
 *
 * With --full, then the full default matrix (every edition × language × material, plus edition-level sheets)
 * in this process with --force: wall time, outputs per second, peak memory, total bytes and every file's size,
 * flagging files over the size budgets; and the text engine's bench (bench/text.ts) when it is present.
 *
 * With --warm, the same 18 documents built in this one process instead (src/ through tsx, V8's default flags):
 * after a build of six other languages, so V8 has compiled the code but no paragraph of these is laid out, and
 * then `--runs` more times, when every layout is remembered too. What a process that stayed warm between builds
 * would cost, beside the cold figure above (docs/architecture.md, "What a fresh process costs").
 *
 * Options: --content <dir> (default ./content), --runs N (default 3), --full, --warm, --jobs N (full matrix;
 * default: cores), --keep (keep the output folders). Goals (#12): 18 documents ≤ 0.8 × Typst's wall time, peak RSS ≤
 * 200 MiB; --help ≤ 0.15 s; no-op rebuild ≤ 0.3 s; full matrix ≤ 10 s on 2 cores. Figures, never timed tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../src/build/build.ts';
import { RACY_MS } from '../src/build/file-stat.ts';
import { main } from '../src/cli/main.ts';
import { formatDiagnostics, hasErrors } from '../src/diagnostics/format.ts';

/**
 * Size budgets from the print brief: a home card sheet *for one language* must stay under 300 KB, a leaflet under
 * 400 KB. The mixed sheet (one card per language of the edition, every script's fonts) is not a one-language
 * sheet: it is reported but has no budget.
 */
const BUDGETS: readonly { readonly test: RegExp; readonly kb: number; readonly what: string }[] = [
  { test: /card-sheet-(?!mixed)[^/]*\.pdf$/u, kb: 300, what: 'card sheet' },
  { test: /leaflet[^/]*\.pdf$/u, kb: 400, what: 'leaflet' },
];

/** The comparison workload: the documents issue #12 builds beside Typst. */
export const PEER_LANGS = ['en', 'ar', 'fa', 'bn', 'ti', 'zh-Hans'] as const;
export const PEER_OUTPUTS = ['leaflet', 'poster', 'card-sheet-a4'] as const;

const REPO = fileURLToPath(new URL('../', import.meta.url));

interface Measured {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly code: number | null;
  readonly out: string;
}

/** The comparison's build of `langs` (without --force), as the CLI's arguments. */
const peerBuild = (contentDir: string, langs: readonly string[], outDir: string): string[] => [
  'build',
  '--content',
  contentDir,
  '--edition',
  'generic',
  '--lang',
  langs.join(','),
  '--only',
  PEER_OUTPUTS.join(','),
  '--out',
  outDir,
];

/** Runs the CLI in a child process and measures it (bench/usage.mjs reports the child's own CPU and peak RSS). */
function measureCli(args: readonly string[]): Measured {
  const usageFile = join(mkdtempSync(join(tmpdir(), 'rightsprint-usage-')), 'usage.json');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(REPO, 'bench', 'usage.mjs')).href, join(REPO, 'bin', 'rightsprint.mjs'), ...args], {
    cwd: REPO,
    env: { ...process.env, RIGHTSPRINT_BENCH_USAGE: usageFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { userMs: number; systemMs: number; maxRssKb: number };
  rmSync(dirname(usageFile), { recursive: true, force: true });
  return { wallMs, cpuMs: u.userMs + u.systemMs, maxRssMb: u.maxRssKb / 1024, code: r.status, out: `${r.stdout}${r.stderr}` };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The 18-document comparison workload, --help and the no-op rebuild; returns false when a build failed. */
function benchPeerWorkload(contentDir: string, runs: number, keep: boolean): boolean {
  const outDir = mkdtempSync(join(tmpdir(), 'rightsprint-bench-peer-'));
  const build = peerBuild(contentDir, PEER_LANGS, outDir);
  const documents = PEER_LANGS.length * PEER_OUTPUTS.length;
  console.log(
    `bench: ${documents} documents (${PEER_LANGS.join(' ')} × ${PEER_OUTPUTS.join(', ')}), ${runs} run(s) after a warm-up, ${contentDir} → ${outDir}`,
  );
  const warm = measureCli([...build, '--force']);
  if (warm.code !== 0) {
    console.log(warm.out);
    return false;
  }
  const timed = Array.from({ length: runs }, () => measureCli([...build, '--force']));
  // The no-op of the goal, as issue #12 measures it: every material of the six languages (not just the three
  // compared with Typst), built once into a folder of its own, then built again with nothing changed.
  const noopDir = mkdtempSync(join(tmpdir(), 'rightsprint-bench-noop-'));
  const noopBuild = ['build', '--content', contentDir, '--edition', 'generic', '--lang', PEER_LANGS.join(','), '--out', noopDir];
  const first = measureCli(noopBuild);
  if (first.code !== 0) console.log(first.out);
  // Right after that build its files are too new to be trusted by their stats (RACY_MS): each no-op reads and
  // hashes them all. Once they have settled, one no-op records their stats and the next ones read none of them,
  // as when somebody builds again a while later. Both are shown.
  const fresh = Array.from({ length: runs }, () => measureCli(noopBuild));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS + 200);
  measureCli(noopBuild);
  const noop = Array.from({ length: runs }, () => measureCli(noopBuild));
  const help = Array.from({ length: runs }, () => measureCli(['--help']));
  const row = (what: string, ms: readonly Measured[], per?: number) => {
    const wall = median(ms.map((m) => m.wallMs));
    console.log(
      `${what.padEnd(24)} wall ${(wall / 1000).toFixed(2).padStart(6)} s  CPU ${(median(ms.map((m) => m.cpuMs)) / 1000).toFixed(2).padStart(6)} s  peak RSS ${median(
        ms.map((m) => m.maxRssMb),
      )
        .toFixed(0)
        .padStart(4)} MiB${per ? `  ${(wall / per).toFixed(0).padStart(4)} ms/document` : ''}`,
    );
  };
  console.log(`                         (medians of ${runs}; wall and CPU of the whole process, workers included)`);
  row(`${documents} documents --force`, timed, documents);
  row('no-op, files settled', noop);
  row('no-op, files just built', fresh);
  row('rightsprint --help', help);
  console.log(
    `(no-op: rightsprint ${noopBuild.join(' ')}, after a first build: at once, and again once its files are ${RACY_MS / 1000} s old; goals #12: no-op ≤ 0.3 s, --help ≤ 0.15 s wall)`,
  );
  const notNoop = [...fresh, ...noop].filter((m) => !/ 0 job\(s\) built/u.test(m.out));
  if (notNoop.length > 0) console.log(`warning: ${notNoop.length} no-op run(s) built something`);
  const files = (timed[0]?.out.match(/\.pdf {2}/gu) ?? []).length;
  if (files !== documents) console.log(`warning: the build wrote ${files} PDFs, not ${documents}`);
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  if (!keep) rmSync(noopDir, { recursive: true, force: true });
  return timed.every((m) => m.code === 0) && first.code === 0 && noop.every((m) => m.code === 0);
}

/** Languages of the shipped content outside PEER_LANGS, one per script family the comparison sets, for --warm. */
const WARM_UP_LANGS = ['ur', 'ps', 'am', 'hi', 'ru', 'zh-Hant'] as const;

/**
 * --warm: the comparison's 18 documents built by the CLI's main() in this process, first after a build of the same
 * outputs in WARM_UP_LANGS, then again `runs` times. Returns false when a build failed.
 */
async function benchWarm(contentDir: string, runs: number, keep: boolean): Promise<boolean> {
  const outDir = mkdtempSync(join(tmpdir(), 'rightsprint-bench-warm-'));
  const quiet = { out: () => {}, err: () => {}, cwd: REPO };
  const timed = async (langs: readonly string[]) => {
    const started = performance.now();
    const code = await main([...peerBuild(contentDir, langs, outDir), '--force'], quiet);
    return { ms: performance.now() - started, code };
  };
  console.log(`bench --warm: in this process (tsx, V8's default flags); warm-up: ${WARM_UP_LANGS.join(' ')} × ${PEER_OUTPUTS.join(', ')}`);
  const warmUp = await timed(WARM_UP_LANGS);
  const fresh = await timed(PEER_LANGS);
  const again = [];
  for (let i = 0; i < runs; i++) again.push(await timed(PEER_LANGS));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`warm-up build (cold process)               ${s(warmUp.ms)}`);
  console.log(`18 documents, code warm, layouts new        ${s(fresh.ms)}`);
  console.log(`18 documents, code warm, layouts remembered  ${again.map((r) => s(r.ms)).join('  ')}`);
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  return [warmUp, fresh, ...again].every((r) => r.code === 0);
}

export async function runBench(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      content: { type: 'string' },
      jobs: { type: 'string' },
      keep: { type: 'boolean' },
      runs: { type: 'string' },
      full: { type: 'boolean' },
      warm: { type: 'boolean' },
    },
    strict: true,
  });
  const contentDir = resolve(values.content ?? 'content');
  const runs = Math.max(1, Number(values.runs ?? 3));
  if (values.warm) return (await benchWarm(contentDir, runs, values.keep ?? false)) ? 0 : 1;
  const peerOk = benchPeerWorkload(contentDir, runs, values.keep ?? false);
  if (!values.full) return peerOk ? 0 : 1;
  console.log('');
  const parallel = values.jobs ? Number(values.jobs) : ('auto' as const);
  const outDir = mkdtempSync(join(tmpdir(), 'rightsprint-bench-'));
  console.log(`bench: ${contentDir} → ${outDir}, workers: ${parallel}`);

  const started = performance.now();
  const summary = await build({ contentDir, outDir, context: { standard: 'none', materialOptions: {} }, parallel, force: true });
  const seconds = (performance.now() - started) / 1000;
  const errors = hasErrors(summary.diagnostics);
  if (errors || summary.internalErrors.length > 0) {
    for (const line of formatDiagnostics(summary.diagnostics.filter((d) => d.severity === 'error'))) console.log(line);
    for (const e of summary.internalErrors) console.log(e);
  }

  const outputs = [...summary.outputs].sort((a, b) => (a.file < b.file ? -1 : 1));
  let flagged = 0;
  console.log('');
  for (const o of outputs) {
    const kb = o.bytes / 1024;
    const budget = BUDGETS.find((b) => b.test.test(o.file));
    const over = budget && kb > budget.kb;
    if (over) flagged++;
    console.log(
      `${o.file.padEnd(48)} ${String(o.pages).padStart(3)} p ${kb.toFixed(1).padStart(8)} KB${over ? `  OVER ${budget.what} budget ${budget.kb} KB` : ''}`,
    );
  }
  const bytes = outputs.reduce((n, o) => n + o.bytes, 0);
  const jobMs = summary.results.map((r) => r.ms).sort((a, b) => a - b);
  const medianJob = median(jobMs);
  console.log('');
  console.log(
    `wall time        ${seconds.toFixed(1)} s for ${summary.jobs.built} jobs (${summary.jobs.failed} failed), median job ${medianJob} ms, slowest ${jobMs[jobMs.length - 1] ?? 0} ms`,
  );
  console.log(`outputs          ${outputs.length} files, ${(outputs.length / seconds).toFixed(2)} outputs/s`);
  console.log(`peak memory      ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS (main thread + workers)`);
  console.log(`total size       ${(bytes / 1024 / 1024).toFixed(2)} MB; ${flagged} file(s) over budget`);

  const textBench = new URL('./text.ts', import.meta.url);
  if (existsSync(textBench)) {
    const { benchText } = (await import(textBench.href)) as typeof import('./text.ts');
    const r = benchText(200);
    console.log(
      `text layout      ${r.characters}-char mixed-script paragraph: ${r.warmMs.toFixed(2)} ms/layout warm, ${r.uncachedMs.toFixed(2)} ms uncached shaping, first ${r.firstMs.toFixed(1)} ms`,
    );
  }
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  return errors || summary.internalErrors.length > 0 || !peerOk ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.exitCode = await runBench(process.argv.slice(2));
}
