/**
 * A problem found while reading content or building, as data. Stages return diagnostics rather than
 * throwing for user mistakes; the CLI prints them all, sorted, and chooses the exit code.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Stable code such as `RP1001`; documented in the README, never reused for another meaning. */
  readonly code: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** Where: file path (as the user gave it, relative to the content folder's parent when possible), 1-based line and column. */
  readonly span?: SourceSpan;
  /**
   * Where, when no line applies: a file or folder as the user would type it (an output folder, a font file).
   * Printed in place of the span; ignored when there is a span.
   */
  readonly place?: string;
  /** How to fix it; one hint per line. */
  readonly hints: readonly string[];
}

/** A position in a user file. Line and column are 1-based, as editors show them. */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Thrown only for user errors that must stop a stage at once; carries diagnostics, prints no stack. */
export class UserError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'UserError';
  }
}

export function error(code: string, message: string, span?: SourceSpan, hints: readonly string[] = []): Diagnostic {
  return span ? { severity: 'error', code, message, span, hints } : { severity: 'error', code, message, hints };
}

/** A problem about a whole file or folder (no line and column): `place` is printed where a span would be. */
export function placed(severity: Diagnostic['severity'], code: string, message: string, place: string, hints: readonly string[] = []): Diagnostic {
  return { severity, code, message, place, hints };
}

export function warning(code: string, message: string, span?: SourceSpan, hints: readonly string[] = []): Diagnostic {
  return span ? { severity: 'warning', code, message, span, hints } : { severity: 'warning', code, message, hints };
}
