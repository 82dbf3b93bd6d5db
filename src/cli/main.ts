import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { REPO_ROOT } from '../platform/repo-root.ts';
import { acceptCommand } from './accept.ts';
import { UsageError } from './args.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';
import { EXIT, type CliIO, type Command } from './command.ts';
import { diffCommand } from './diff.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { proofCommand } from './proof.ts';
import { printDiagnostics } from './report.ts';
import { serveCommand } from './serve.ts';
import { snapshotCommand } from './snapshot.ts';
import { statusCommand } from './status.ts';

/** Every command, once. `rightsprint --help` lists them in this order. */
export const COMMANDS: readonly Command[] = [
  buildCommand,
  checkCommand,
  statusCommand,
  proofCommand,
  exportCommand,
  importCommand,
  acceptCommand,
  diffCommand,
  snapshotCommand,
  serveCommand,
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
    'Run `rightsprint <command> --help` for a command\'s options and an example.',
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
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const suggestion = didYouMean(name, COMMANDS.map((c) => c.name));
      throw new UsageError(`Unknown command \`${name}\`.`, [suggestion ? `Did you mean \`rightsprint ${suggestion}\`?` : `Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`]);
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      for (const hint of e.hints) io.err(`    hint: ${hint}`);
      return EXIT.usage;
    }
    if (e instanceof UserError) {
      printDiagnostics(io, e.diagnostics);
      return EXIT.content;
    }
    io.err(`internal error (a bug in rightsprint, not in your content): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.internal;
  }
}

/** Whether a command's source file is present (used by tests to check the registry is complete). */
export function commandFileExists(name: string): boolean {
  return existsSync(`${REPO_ROOT}src/cli/${name}.ts`);
}
