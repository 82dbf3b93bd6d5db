import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OUTPUT_NAMES, outputName } from '../build/outputs.ts';
import type { ContentDoc } from '../content/types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { editionLanguages } from '../i18n/policy.ts';
import { MATERIAL_NAMES } from '../materials/names.ts';
import type { MaterialName, MaterialOptions } from '../materials/types.ts';
import type { PdfStandard } from '../render/pdf.ts';
import type { CliIO } from './command.ts';
import { UsageError } from './usage-error.ts';

// Defined on its own so that the CLI's entry (src/cli/main.ts) can catch it without loading what parsing arguments
// needs (plan-jobs → localize → the content loader, YAML, i18next): `rightsprint --help` loads none of that.
export { UsageError };

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
  'keep-stale': { type: 'boolean' },
  json: { type: 'boolean' },
  previous: { type: 'string' },
  'leaflet-paper': { type: 'string' },
  'poster-paper': { type: 'string' },
  'cards-per-sheet': { type: 'string' },
  only: { type: 'string' },
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
  jobs: '--jobs <n>             Jobs at once: this thread and n-1 workers (default: one per core for large builds, in-process for small ones).',
  force: '--force                Rebuild everything, even outputs whose inputs did not change.',
  'keep-stale': '--keep-stale           Report out-of-date outputs but leave them in place (default: move them to <out>/.stale/).',
  json: '--json                 Machine-readable output.',
  previous: '--previous <dir>       An earlier content folder: show the old source text of stale strings.',
  'leaflet-paper': '--leaflet-paper <p>    Leaflet paper: A5 (default) or A4.',
  'poster-paper': '--poster-paper <p>     Poster paper: A3 (default), A4 or A2 (the same design scaled).',
  'cards-per-sheet': '--cards-per-sheet <n>  Cards per home-print sheet: 10 (A4 default), 8 (Letter default) or 6.',
  only: `--only <outputs>       Only these output files, e.g. leaflet,poster,card-sheet-a4 (of: ${OUTPUT_NAMES.join(', ')}).`,
  help: '-h, --help             This help.',
};

/** Node's parseArgs error codes (node:util), which say what is wrong without our reading its message text. */
const PARSE_ERRORS = {
  unknown: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  positional: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  value: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
} as const;

/**
 * Parses a command line strictly with the command's own option table: an unknown option is a usage error with
 * "did you mean", a missing value is a usage error naming the option, a stray word is a usage error unless the
 * command takes positionals. Every command parses through here, so every command reports these alike. Which
 * argument is wrong comes from Node's error code and a second, lenient parse's tokens — never from the wording
 * of Node's message, which may change between Node versions.
 */
export function parseCommandLine<const O extends Options>(argv: readonly string[], options: O, command: string, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code !== PARSE_ERRORS.unknown && code !== PARSE_ERRORS.positional && code !== PARSE_ERRORS.value) throw e;
    throw usageOf(code, argv, options, command);
  }
}

function usageOf(code: (typeof PARSE_ERRORS)[keyof typeof PARSE_ERRORS], argv: readonly string[], options: Options, command: string): UsageError {
  const see = `See \`rightsprint ${command} --help\`.`;
  const names = Object.keys(options);
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  if (code === PARSE_ERRORS.unknown) {
    const token = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
    const raw = token?.kind === 'option' ? token.rawName : '?';
    const suggestion = didYouMean(raw.replace(/^-+/u, ''), names);
    return new UsageError(`Unknown option ${raw} for \`rightsprint ${command}\`.`, [
      suggestion ? `Did you mean --${suggestion}?` : `Options: ${names.map((n) => `--${n}`).join(', ')}.`,
      see,
    ]);
  }
  if (code === PARSE_ERRORS.positional) {
    const token = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
    const word = token?.kind === 'positional' ? token.value : '--';
    return new UsageError(`Unexpected argument '${word}' — \`rightsprint ${command}\` takes options only.`, [see]);
  }
  // A string option without its value (at the end, or followed by another option), or a value given to a flag.
  for (const t of tokens) {
    if (t.kind !== 'option' || !Object.hasOwn(options, t.name)) continue;
    const type = options[t.name]!.type;
    if (type === 'boolean' && t.value !== undefined)
      return new UsageError(`${t.rawName} takes no value (it is a switch), but was given \`${t.value}\`.`, [see]);
    if (type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) {
      return new UsageError(`${t.rawName} needs a value: ${t.rawName} <value>.`, [
        `To give a value that starts with "-", write it as ${t.rawName}=<value>.`,
        see,
      ]);
    }
  }
  return new UsageError(`The options of \`rightsprint ${command}\` cannot be read.`, [see]);
}

/** The shared options (OPTIONS) a command takes, as its option table for defineCommand. */
export function sharedOptions<const K extends Exclude<keyof typeof OPTIONS, 'help'>>(names: readonly K[]): Pick<typeof OPTIONS, K> {
  return Object.fromEntries(names.map((n) => [n, OPTIONS[n]])) as Pick<typeof OPTIONS, K>;
}

/**
 * `ar, fa,` → ['ar', 'fa']; undefined (option not given) stays undefined: no filter. An option given with no name
 * in it (`--lang ""`, `--lang ,`) is a usage error: read as "no filter" it would quietly select everything.
 */
export function parseList(value: string | undefined, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) {
    throw new UsageError(`--${option} was given an empty list (${JSON.stringify(value)}).`, [
      `Name at least one, comma-separated (e.g. --${option} ${option === 'lang' ? 'ar,fa' : option === 'material' ? 'card' : option === 'only' ? 'leaflet,card-sheet-a4' : 'generic'}), or leave --${option} out to take them all.`,
    ]);
  }
  return items;
}

export function parseMaterials(value: string | undefined): MaterialName[] | undefined {
  const list = parseList(value, 'material');
  for (const m of list ?? []) {
    if (!(MATERIAL_NAMES as readonly string[]).includes(m)) {
      const s = didYouMean(m, MATERIAL_NAMES);
      throw new UsageError(`Unknown material \`${m}\`.`, [s ? `Did you mean \`${s}\`?` : `Materials: ${MATERIAL_NAMES.join(', ')}.`]);
    }
  }
  return list as MaterialName[] | undefined;
}

/** `--only leaflet,card-sheet-a4.pdf` → output names (`.pdf` optional); an unknown name is a usage error with the nearest name. */
export function parseOnly(value: string | undefined): string[] | undefined {
  const list = parseList(value, 'only')?.map(outputName);
  for (const name of list ?? []) {
    if (OUTPUT_NAMES.includes(name)) continue;
    const s = didYouMean(name, OUTPUT_NAMES);
    throw new UsageError(`Unknown output \`${name}\` for --only.`, [s ? `Did you mean \`${s}\`?` : `Outputs: ${OUTPUT_NAMES.join(', ')}.`]);
  }
  return list ? [...new Set(list)] : undefined;
}

/** One of a fixed set of values, or the default when not given; a typo is a usage error with the nearest value. */
export function parseChoice<T extends string>(value: string | undefined, choices: readonly T[], fallback: T, what: string): T;
export function parseChoice<T extends string>(value: string | undefined, choices: readonly T[], fallback: undefined, what: string): T | undefined;
export function parseChoice<T extends string>(value: string | undefined, choices: readonly T[], fallback: T | undefined, what: string): T | undefined {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    const s = didYouMean(value, choices);
    throw new UsageError(`Unknown ${what} \`${value}\`.`, [s ? `Did you mean \`${s}\`?` : `Choices: ${choices.join(', ')}.`]);
  }
  return value as T;
}

const STANDARDS: readonly PdfStandard[] = ['none', 'ua', 'a-2b', 'a-3b'];
export function parseStandard(value: string | undefined): PdfStandard {
  return parseChoice(value, STANDARDS, 'none', 'PDF standard');
}

/** --leaflet-paper, --poster-paper, --cards-per-sheet → MaterialOptions (unset options keep the spec defaults). */
export function parseMaterialOptions(values: {
  'leaflet-paper'?: string | undefined;
  'poster-paper'?: string | undefined;
  'cards-per-sheet'?: string | undefined;
}): MaterialOptions {
  const leafletPaper = parseChoice(values['leaflet-paper'], ['A5', 'A4'] as const, undefined, 'leaflet paper');
  const posterPaper = parseChoice(values['poster-paper'], ['A4', 'A3', 'A2'] as const, undefined, 'poster paper');
  const perSheet = parseChoice(values['cards-per-sheet'], ['10', '8', '6'] as const, undefined, 'number of cards per sheet');
  return {
    ...(leafletPaper ? { leafletPaper } : {}),
    ...(posterPaper ? { posterPaper } : {}),
    ...(perSheet ? { cardsPerSheet: Number(perSheet) as 10 | 8 | 6 } : {}),
  };
}

export function parseJobs(value: string | undefined): number | 'auto' {
  if (value === undefined) return 'auto';
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

/** `--edition` and `--lang` must name editions and languages of this content (usage error with the nearest name). */
export function requireKnownSelection(content: ContentDoc, editions: readonly string[] | undefined, langs: readonly string[] | undefined): void {
  requireKnown(
    'edition',
    editions,
    content.editions.map((e) => e.name),
  );
  requireKnown('language', langs, [...new Set(content.editions.flatMap((e) => editionLanguages(content, e)))]);
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
