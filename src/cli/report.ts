import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import type { CliIO } from './command.ts';

/** Prints diagnostics (sorted, de-duplicated, with a count line) on stderr, so stdout stays the command's result. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const block of formatDiagnostics(diagnostics)) for (const line of block.split('\n')) io.err(line);
}

/** `123.4 KB` with one decimal: small files differ visibly, large ones read easily. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
