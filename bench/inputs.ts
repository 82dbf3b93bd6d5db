/**
 * Bad-input bench: how long the loader and the card fit take on inputs far larger than real content, which used
 * to run for minutes before saying anything (issue #11).
 *
 * - 2 MB YAML files of five shapes (one double-quoted string, one block scalar, 400 long keys, 20 000 short keys with LF and with CRLF line ends): read,
 *   decode, parse, schema-check and print the diagnostics (the schema rejects the long strings, the time to say so
 *   is what counts), cold: each in a fresh child process (`--cold-yaml <file>`), as `rightsprint check` meets such
 *   a file, with module loading before the clock starts; the median of five processes. Goal (#11): every shape
 *   well under a second, ≤ 400 ms CPU for the worst;
 * - content folders whose card key holds 200 KB and 5 MB: `loadContent` until its error;
 * - a card key at the schema's limit (5000 characters): both card sides fitted (the overflow is found after
 *   two layouts per side, not eleven).
 *
 * Reports CPU and wall milliseconds (CPU is the steadier figure on a shared machine).
 * Run alone: `npx tsx bench/inputs.ts`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchema } from '../src/content/check-schema.ts';
import { loadContent, schemaFor } from '../src/content/load.ts';
import { readYamlFile as readYaml } from '../src/platform/read-yaml-file.ts';
import type { ContentDoc } from '../src/content/types.ts';
import { formatDiagnostics } from '../src/diagnostics/format.ts';
import { localize } from '../src/i18n/localize.ts';
import { cardSides } from '../src/materials/card-sides.ts';
import { layoutParagraph } from '../src/text/layout-paragraph.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../tests/fixtures/content-basic/', import.meta.url));
const WORDS = 'You can stay silent and ask for a lawyer ';

function text(n: number): string {
  return WORDS.repeat(Math.ceil(n / WORDS.length))
    .slice(0, n)
    .trimEnd();
}

function measure<T>(f: () => T): { value: T; cpu: number; wall: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const d = process.cpuUsage(c);
  return { value, cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
}

const fmt = (m: { cpu: number; wall: number }) => `${m.cpu.toFixed(0)} ms CPU, ${m.wall.toFixed(0)} ms wall`;

/** A copy of the basic fixture whose `card.rights` holds `n` characters. */
function contentWithCardText(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-bench-inputs-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, 'guidance/en.yaml');
  const yaml = readFileSync(path, 'utf8').replace(/ {2}card\.rights: \|-\n(?: {4}.*\n)+/u, `  card.rights: "${text(n)}"\n`);
  writeFileSync(path, yaml);
  return dir;
}

/** The 2 MB YAML shapes of issue #11. */
function yamlShapes(): Record<string, string> {
  return {
    'one 2 MB double-quoted string': `language: en\nstrings:\n  card.rights: "${text(2_000_000)}"\n`,
    'one 2 MB block scalar': `language: en\nstrings:\n  card.rights: |-\n${text(2_000_000)
      .match(/.{1,80}/gu)!
      .map((l) => `    ${l}`)
      .join('\n')}\n`,
    '400 keys of 5000 characters (2 MB)': `language: en\nstrings:\n${Array.from(
      { length: 400 },
      (_, i) =>
        `  k${i}: |-\n${text(4900)
          .match(/.{1,80}/gu)!
          .map((l) => `    ${l}`)
          .join('\n')}`,
    ).join('\n')}\n`,
    '20 000 keys (2 MB)': `language: en\nstrings:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: "${text(90)}"`).join('\n')}\n`,
    // Saved by Notepad: Windows line ends.
    '20 000 keys, CRLF line ends (2 MB)': `language: en\r\nstrings:\r\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: "${text(90)}"`).join('\r\n')}\r\n`,
  };
}

/** Fresh processes per YAML shape; the median is reported (the machine is shared, single runs are noisy). */
const COLD_RUNS = 5;

/**
 * In a child process (`--cold-yaml <file>`): read, decode, parse, schema-check one file and print its diagnostics,
 * once, as `rightsprint check` meets it — nothing warmed up; module loading is done before the clock starts.
 */
function coldYaml(path: string): void {
  const m = measure(() => {
    const file = readYaml(path, 'guidance/en.yaml', 'en.yaml');
    const diagnostics = [...file.diagnostics, ...checkSchema(file, schemaFor('guidance')).diagnostics];
    process.stderr.write(formatDiagnostics(diagnostics).join('\n') + '\n');
    return { codes: diagnostics.map((d) => d.code), fastPath: file.fastPath };
  });
  process.stdout.write(JSON.stringify({ cpu: m.cpu, wall: m.wall, ...m.value }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchInputs(): string[] {
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'rp-bench-yaml-'));
  const self = fileURLToPath(import.meta.url);
  for (const [name, yaml] of Object.entries(yamlShapes())) {
    const path = join(dir, 'en.yaml');
    writeFileSync(path, yaml);
    const runs = Array.from({ length: COLD_RUNS }, () => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--cold-yaml', path], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
      if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as { cpu: number; wall: number; codes: string[]; fastPath: boolean };
    });
    const codes = runs[0]!.codes.join(', ') || 'no diagnostic';
    out.push(
      `YAML ${name}, cold: read + parse + schema + print ${fmt({ cpu: median(runs.map((r) => r.cpu)), wall: median(runs.map((r) => r.wall)) })} (median of ${COLD_RUNS} fresh processes; ${runs[0]!.fastPath ? 'fast path' : 'yaml package'}; ${codes})`,
    );
  }
  rmSync(dir, { recursive: true, force: true });

  for (const n of [200_000, 5_000_000]) {
    const content = contentWithCardText(n);
    const m = measure(() => loadContent(content));
    const codes = [...new Set(m.value.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].join(', ');
    out.push(`card key of ${n / 1000} KB: loadContent ${fmt(m)} → ${codes || 'no error'}`);
    rmSync(content, { recursive: true, force: true });
  }

  const content = contentWithCardText(5000);
  const loaded = loadContent(content).content as ContentDoc;
  const doc = localize(loaded, loaded.editions[0]!, 'en').doc;
  const m = measure(() => cardSides(doc, loaded.project.materials, layoutParagraph));
  out.push(
    `card key of 5000 characters: both sides fitted ${fmt(m)}; front ${m.value.front.fits ? 'fits' : 'overflows'} (${m.value.diagnostics.map((d) => d.code).join(', ')})`,
  );
  rmSync(content, { recursive: true, force: true });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cold = process.argv.indexOf('--cold-yaml');
  if (cold !== -1) coldYaml(process.argv[cold + 1]!);
  else for (const line of benchInputs()) console.log(line);
}
