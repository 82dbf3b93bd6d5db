/**
 * Build bench (`npm run bench`): builds the full default matrix of the shipped content (every edition ×
 * language × material, plus edition-level sheets) into a temporary folder with --force, then prints wall time,
 * outputs per second, peak memory, total bytes and every file's size, flagging files over the size budgets.
 * Then runs the text engine's bench (bench/text.ts) when it is present.
 *
 * Peak memory is process.resourceUsage().maxRSS: worker threads share the process, so it includes them.
 * Options: --content <dir> (default ./content), --jobs N (default: cores), --keep (keep the output folder).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../src/build/build.ts';
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

export async function runBench(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { content: { type: 'string' }, jobs: { type: 'string' }, keep: { type: 'boolean' } }, strict: true });
  const contentDir = resolve(values.content ?? 'content');
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
    console.log(`${o.file.padEnd(48)} ${String(o.pages).padStart(3)} p ${kb.toFixed(1).padStart(8)} KB${over ? `  OVER ${budget.what} budget ${budget.kb} KB` : ''}`);
  }
  const bytes = outputs.reduce((n, o) => n + o.bytes, 0);
  const jobMs = summary.results.map((r) => r.ms).sort((a, b) => a - b);
  const median = jobMs[Math.floor(jobMs.length / 2)] ?? 0;
  console.log('');
  console.log(`wall time        ${seconds.toFixed(1)} s for ${summary.jobs.built} jobs (${summary.jobs.failed} failed), median job ${median} ms, slowest ${jobMs[jobMs.length - 1] ?? 0} ms`);
  console.log(`outputs          ${outputs.length} files, ${(outputs.length / seconds).toFixed(2)} outputs/s`);
  console.log(`peak memory      ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS (main thread + workers)`);
  console.log(`total size       ${(bytes / 1024 / 1024).toFixed(2)} MB; ${flagged} file(s) over budget`);

  const textBench = new URL('./text.ts', import.meta.url);
  if (existsSync(textBench)) {
    const { benchText } = (await import(textBench.href)) as typeof import('./text.ts');
    const r = benchText(200);
    console.log(`text layout      ${r.characters}-char mixed-script paragraph: ${r.warmMs.toFixed(2)} ms/layout warm, ${r.uncachedMs.toFixed(2)} ms uncached shaping, first ${r.firstMs.toFixed(1)} ms`);
  }
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  return errors || summary.internalErrors.length > 0 ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.exitCode = await runBench(process.argv.slice(2));
}
