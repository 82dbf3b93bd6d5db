import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { UserError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { UsageError } from './usage-error.ts';
import type { CliIO } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { sourceStack } from './source-stack.ts';

/** Prints diagnostics (sorted, de-duplicated, with a count line) on stderr, so stdout stays the command's result. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const block of formatDiagnostics(diagnostics)) for (const line of block.split('\n')) io.err(line);
}

/** A usage error as every command prints it: `error: <message>`, then one indented hint per line. */
export function printUsageError(io: CliIO, e: UsageError): void {
  io.err(`error: ${e.message}`);
  for (const hint of e.hints) io.err(`    hint: ${hint}`);
}

/**
 * The one error printer of the CLI, for whatever a command throws: a UsageError (exit 2) and a UserError (its
 * diagnostics, exit 1) print without a stack; anything else is a bug in rightsprint and prints its stack (exit 3).
 */
export function reportFailure(io: CliIO, e: unknown): number {
  if (e instanceof UsageError) {
    printUsageError(io, e);
    return EXIT.usage;
  }
  if (e instanceof UserError) {
    printDiagnostics(io, e.diagnostics);
    return EXIT.content;
  }
  io.err(`internal error (a bug in rightsprint, not in your content): ${sourceStack(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
  return EXIT.internal;
}

/** `123.4 KB` with one decimal: small files differ visibly, large ones read easily. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
