import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MATERIAL_NAMES } from '../build/plan-jobs.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import type { MaterialName } from '../materials/types.ts';
import type { PdfStandard } from '../render/pdf.ts';
import type { CliIO } from './command.ts';

/** A mistake in how the command was called (exit code 2). Printed without a stack. */
export class UsageError extends Error {
  constructor(message: string, readonly hints: readonly string[] = []) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options shared by build, check and status; each command picks the ones it takes. */
export const OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  material: { type: 'string' },
  edition: { type: 'string' },
  'pdf-standard': { type: 'string' },
  jobs: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  previous: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** The help lines of the shared options, so every command documents them the same way. */
export const OPTION_HELP: Record<keyof typeof OPTIONS, string> = {
  content: '--content <dir>        Content folder (default ./content). May be outside the repository.',
  out: '--out <dir>            Output folder (default ./output).',
  lang: '--lang <codes>         Only these languages, comma-separated, e.g. ar,fa.',
  material: `--material <names>     Only these materials: ${MATERIAL_NAMES.join(', ')} (comma-separated).`,
  edition: '--edition <names>      Only these editions (file names in editions/, comma-separated).',
  'pdf-standard': '--pdf-standard <std>   none (default, still tagged), ua (PDF/UA-1), a-2b or a-3b (PDF/A; home files only).',
  jobs: '--jobs <n>             Parallel workers (default: number of cores).',
  force: '--force                Rebuild everything, even outputs whose inputs did not change.',
  json: '--json                 Machine-readable output.',
  previous: '--previous <dir>       An earlier content folder: show the old source text of stale strings.',
  help: '-h, --help             This help.',
};

/**
 * Parses a command's arguments strictly: an unknown option is a usage error with "did you mean", a missing
 * value is a usage error naming the option. Returns undefined values for options not given.
 */
export function parseCommandArgs<K extends keyof typeof OPTIONS>(argv: readonly string[], names: readonly K[], command: string) {
  const options = Object.fromEntries(names.map((n) => [n, OPTIONS[n]])) as Pick<typeof OPTIONS, K>;
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as {
      [P in K]?: (typeof OPTIONS)[P]['type'] extends 'boolean' ? boolean : string;
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '(-{1,2}[^']+)'/u.exec(message)?.[1];
    if (unknown) {
      const suggestion = didYouMean(unknown.replace(/^-+/u, ''), names as readonly string[]);
      throw new UsageError(`Unknown option ${unknown} for \`rightsprint ${command}\`.`, [
        suggestion ? `Did you mean --${suggestion}?` : `Options: ${names.map((n) => `--${n}`).join(', ')}.`,
        `See \`rightsprint ${command} --help\`.`,
      ]);
    }
    if (/Unexpected argument/u.test(message)) {
      throw new UsageError(`${message.split('.')[0]} — \`rightsprint ${command}\` takes options only.`, [`See \`rightsprint ${command} --help\`.`]);
    }
    throw new UsageError(message.split('\n')[0]!, [`See \`rightsprint ${command} --help\`.`]);
  }
}

/** `ar, fa,` → ['ar', 'fa']; undefined stays undefined (no filter). */
export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length > 0 ? items : undefined;
}

export function parseMaterials(value: string | undefined): MaterialName[] | undefined {
  const list = parseList(value);
  for (const m of list ?? []) {
    if (!(MATERIAL_NAMES as readonly string[]).includes(m)) {
      const s = didYouMean(m, MATERIAL_NAMES);
      throw new UsageError(`Unknown material \`${m}\`.`, [s ? `Did you mean \`${s}\`?` : `Materials: ${MATERIAL_NAMES.join(', ')}.`]);
    }
  }
  return list as MaterialName[] | undefined;
}

const STANDARDS: readonly PdfStandard[] = ['none', 'ua', 'a-2b', 'a-3b'];
export function parseStandard(value: string | undefined): PdfStandard {
  if (value === undefined) return 'none';
  if (!(STANDARDS as readonly string[]).includes(value)) {
    const s = didYouMean(value, STANDARDS);
    throw new UsageError(`Unknown PDF standard \`${value}\`.`, [s ? `Did you mean \`${s}\`?` : `Standards: ${STANDARDS.join(', ')}.`]);
  }
  return value as PdfStandard;
}

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9][0-9]*$/u.test(value)) throw new UsageError(`--jobs must be a whole number of at least 1, not \`${value}\`.`);
  return Number(value);
}

/** A folder option resolved against the working directory, plus how to show it (as the user wrote it). */
export function folderOption(value: string | undefined, fallback: string, io: CliIO): { abs: string; display: string } {
  const given = value ?? fallback;
  const abs = resolve(io.cwd, given);
  const rel = relative(io.cwd, abs);
  return { abs, display: isAbsolute(given) || rel.startsWith('..') ? abs : rel || '.' };
}

/** Every selected name must exist; a typo is a usage error with the nearest real name. */
export function requireKnown(kind: string, selected: readonly string[] | undefined, known: readonly string[]): void {
  for (const name of selected ?? []) {
    if (known.includes(name)) continue;
    const s = didYouMean(name, known);
    throw new UsageError(`Unknown ${kind} \`${name}\` in this content.`, [s ? `Did you mean \`${s}\`?` : `Known: ${known.join(', ')}.`]);
  }
}

/** The help text of a command: usage, description, the options it takes, examples. */
export function helpText(usage: string, description: string, options: readonly (keyof typeof OPTIONS)[], examples: readonly string[]): string {
  return [
    `Usage: ${usage}`,
    '',
    description,
    '',
    'Options:',
    ...options.map((o) => `  ${OPTION_HELP[o]}`),
    `  ${OPTION_HELP.help}`,
    '',
    'Examples:',
    ...examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
