/**
 * PDF-writer bench (issue #12): the 18 documents of the Typst comparison (bench/run.ts: 6 languages × leaflet,
 * poster, card-sheet-a4 from the shipped content) are laid out once, then only `renderPdf` is timed, `--runs`
 * rounds over all 18 in this process: CPU (user + system) and wall per round, median, and the SHA-256 of every
 * file, so a speed change to src/render or src/print can be checked for byte-identical output
 * (`--hashes <file>` writes them, `--check <file>` compares with such a file). Layout, fonts and file writing
 * are left out on purpose: they have benches of their own. Figures, never a timed test.
 *
 * Run: `npx tsx bench/render.ts [--content content] [--runs 7] [--hashes f | --check f] [--only i]`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { localized } from '../src/build/localized.ts';
import { outputName } from '../src/build/outputs.ts';
import { loadContent } from '../src/content/load.ts';
import type { DocumentSpec } from '../src/layout/frame.ts';
import { materialOptionsFor, materials } from '../src/materials/index.ts';
import { renderPdf } from '../src/render/pdf.ts';
import { PEER_LANGS, PEER_OUTPUTS } from './run.ts';

/** One round's figures: CPU (user + system) and wall milliseconds, output size, SHA-256 of each file. */
export interface Round {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly bytes: number;
  readonly hashes: Readonly<Record<string, string>>;
}

/** Lays the 18 documents out (not timed) and returns a function that renders all of them once (a round). */
export function renderBench(contentDir: string): () => Promise<Round> {
  const loaded = loadContent(contentDir);
  if (!loaded.content) throw new Error(`cannot load ${contentDir}`);
  const content = loaded.content;
  const edition = content.editions.find((e) => e.name === 'generic') ?? content.editions[0]!;
  const options = materialOptionsFor(content);
  const docs: { name: string; spec: DocumentSpec }[] = [];
  for (const lang of PEER_LANGS) {
    const doc = localized(content, edition, lang).doc;
    for (const kind of ['leaflet', 'poster', 'card'] as const) {
      for (const output of materials[kind](doc, options).outputs) {
        if ((PEER_OUTPUTS as readonly string[]).includes(outputName(output.file))) docs.push({ name: `${lang}/${output.file}`, spec: output.doc });
      }
    }
  }
  if (docs.length !== 18) throw new Error(`expected 18 documents, laid out ${docs.length}`);
  return async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const hashes: Record<string, string> = {};
    let bytes = 0;
    for (const { name, spec } of docs) {
      const pdf = await renderPdf(spec, { standard: 'none', env: {} });
      bytes += pdf.length;
      hashes[name] = createHash('sha256').update(pdf).digest('hex');
    }
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { cpuMs: (c.user + c.system) / 1000, wallMs, bytes, hashes };
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The command: `--runs` rounds in this process, figures, and the hashes written or checked. */
export async function main(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      content: { type: 'string', default: 'content' },
      runs: { type: 'string', default: '7' },
      hashes: { type: 'string' },
      check: { type: 'string' },
    },
  });
  const round = renderBench(values.content);
  const rounds: Round[] = [];
  for (let r = 0; r < Number(values.runs); r++) {
    rounds.push(await round());
    if (r > 0 && JSON.stringify(rounds[r]!.hashes) !== JSON.stringify(rounds[0]!.hashes)) throw new Error('renderPdf gave different bytes in two rounds');
  }
  const cpu = rounds.map((r) => r.cpuMs);
  const wall = rounds.map((r) => r.wallMs);
  const hashes = rounds[0]!.hashes;
  console.log(`renderPdf × 18 documents (${(rounds[0]!.bytes / 1024).toFixed(0)} KB), ${values.runs} rounds (the first one cold)`);
  console.log(`  cpu ms:  median ${median(cpu).toFixed(0)}  [${cpu.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  wall ms: median ${median(wall).toFixed(0)}  [${wall.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (layout included)`);
  if (values.hashes) writeFileSync(values.hashes, `${JSON.stringify(hashes, null, 1)}\n`);
  if (values.check) {
    const want = JSON.parse(readFileSync(values.check, 'utf8')) as Record<string, string>;
    const differ = Object.keys(want).filter((k) => want[k] !== hashes[k]);
    console.log(differ.length ? `  DIFFERENT bytes: ${differ.join(', ')}` : '  bytes identical to the pinned hashes');
    if (differ.length) return 1;
  }
  return 0;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.exitCode = await main(process.argv.slice(2));
}
