import type { Diagnostic } from './diagnostic.ts';

/**
 * Order diagnostics the way a reader fixes them: by file, line, column, then code; problems without a place
 * (whole-build problems) come last. Stable for equal keys, so output is deterministic.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const keyed = diagnostics.map((d, i) => ({ d, i }));
  keyed.sort((x, y) => {
    const a = x.d.span;
    const b = y.d.span;
    if (a && !b) return -1;
    if (!a && b) return 1;
    if (a && b) {
      if (a.file !== b.file) return a.file < b.file ? -1 : 1;
      if (a.line !== b.line) return a.line - b.line;
      if (a.col !== b.col) return a.col - b.col;
    }
    if (x.d.code !== y.d.code) return x.d.code < y.d.code ? -1 : 1;
    if (x.d.message !== y.d.message) return x.d.message < y.d.message ? -1 : 1;
    return x.i - y.i;
  });
  return keyed.map((k) => k.d);
}

/** Drops exact repeats (same code, place and message), which arise when several jobs share one problem. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.span?.file, d.span?.line, d.span?.col, d.place, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One diagnostic as text: `file:line:col  CODE  message` (severity word for warnings), then one indented
 * `hint:` line per hint. No stack traces: these are user problems.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}` : (d.place ?? '(content)');
  const label = d.severity === 'warning' ? `${d.code} warning` : d.code;
  return [`${where}  ${label}  ${d.message}`, ...d.hints.map((h) => `    hint: ${h}`)].join('\n');
}

/** Sorted, de-duplicated, formatted diagnostics plus a one-line count, ready to print. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const sorted = sortDiagnostics(dedupeDiagnostics(diagnostics));
  const lines = sorted.map(formatDiagnostic);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  if (sorted.length > 0) lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
