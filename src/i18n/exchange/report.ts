import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

/**
 * Diagnostics as the workflow commands print them, sorted by place:
 *   `file:line:col  CODE  message` (warnings say "warning:"), then one indented `hint:` line per hint.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const sorted = [...diagnostics].sort(
    (a, b) =>
      (a.span?.file ?? '').localeCompare(b.span?.file ?? '') ||
      (a.span?.line ?? 0) - (b.span?.line ?? 0) ||
      (a.span?.col ?? 0) - (b.span?.col ?? 0) ||
      a.code.localeCompare(b.code),
  );
  return sorted.flatMap((d) => {
    const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}  ` : '';
    const severity = d.severity === 'warning' ? 'warning: ' : '';
    return [`${where}${d.code}  ${severity}${d.message}`, ...d.hints.map((h) => `    hint: ${h}`)];
  });
}
