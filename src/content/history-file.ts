/**
 * Where edition history snapshots live in a content folder and how their versions order. A snapshot of content
 * version V is `history/V.yaml` (see HistorySnapshot in types.ts and schema/history.schema.json).
 */

/** Path of a history snapshot relative to the content folder. */
export function historyFile(version: string): string {
  return `history/${version}.yaml`;
}

/**
 * Orders content versions such as `2026.1` < `2026.2` < `2026.10`: dot- and dash-separated parts compare as
 * numbers when both are numbers, else as text by code point (so every machine sorts the same way).
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/u);
  const pb = b.split(/[.-]/u);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const nx = /^[0-9]+$/u.test(x) ? Number(x) : NaN;
    const ny = /^[0-9]+$/u.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}
