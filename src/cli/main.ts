import { existsSync, readFileSync } from 'node:fs';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { REPO_ROOT } from '../platform/repo-root.ts';
import { UsageError } from './usage-error.ts';
import type { CliIO, Command } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { reportFailure } from './report.ts';

/**
 * A command as `rightsprint --help` lists it. Its module, and the engine behind it (fonts, HarfBuzz, pdfkit,
 * YAML…), loads only when that command runs: `--help` and typos answer without loading any of it.
 * `summary` repeats the command's own (tests/unit/cli/cli.test.ts checks they agree).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every command, once. `rightsprint --help` lists them in this order. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'build',
    summary: 'Build the PDFs of every edition × language × material (only what changed)',
    load: async () => (await import('./build.ts')).buildCommand,
  },
  {
    name: 'check',
    summary: 'Validate the content and the print policy for every edition and language (writes nothing)',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    name: 'status',
    summary: 'Show translated / missing / stale counts and review status per language',
    load: async () => (await import('./status.ts')).statusCommand,
  },
  {
    name: 'proof',
    summary: 'Typeset any text in a language’s fonts to a PDF proof (and a glyph trace)',
    load: async () => (await import('./proof.ts')).proofCommand,
  },
  {
    name: 'export',
    summary: 'Write translation files (PO, XLIFF 1.2 or CSV) for translators, marking stale and missing strings',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'import',
    summary: 'Check translated PO/XLIFF/CSV files and write them into content/translations/<lang>.yaml',
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'accept',
    summary: 'Mark reviewed translations as current (restamp their source hash)',
    load: async () => (await import('./accept.ts')).acceptCommand,
  },
  {
    name: 'diff',
    summary: 'List source strings added, removed and changed since an earlier content folder, and which translations go stale',
    load: async () => (await import('./diff.ts')).diffCommand,
  },
  {
    name: 'snapshot',
    summary: 'Save the source guidance of the current version into content/history/<version>.yaml',
    load: async () => (await import('./snapshot.ts')).snapshotCommand,
  },
  {
    name: 'serve',
    summary: 'Serve the browser version (dist/web, from `npm run web`) on 127.0.0.1',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
];

function version(): string {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

export function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `rightsprint ${version()} — print-ready know-your-rights cards, leaflets and posters in every language`,
    '',
    'Usage: rightsprint <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `rightsprint <command> --help` for a command's options and an example.",
    'Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal errors.',
    '',
  ].join('\n');
}

const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/**
 * Runs one command and returns its exit code. User mistakes (usage errors, content problems) print as
 * messages with hints and never with a stack; anything else is an internal error (exit 3) and prints its stack.
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(toolHelp());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(version());
      return EXIT.ok;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      const suggestion = didYouMean(
        name,
        COMMANDS.map((c) => c.name),
      );
      throw new UsageError(`Unknown command \`${name}\`.`, [
        suggestion ? `Did you mean \`rightsprint ${suggestion}\`?` : `Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`,
      ]);
    }
    return await (await entry.load()).run(rest, io);
  } catch (e) {
    return reportFailure(io, e);
  }
}

/** Whether a command's source file is present (used by tests to check the registry is complete). */
export function commandFileExists(name: string): boolean {
  return existsSync(`${REPO_ROOT}src/cli/${name}.ts`);
}
