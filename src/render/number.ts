/**
 * A number as written in a PDF content stream: at most 4 decimals (1/10000 pt is far below any printer's
 * resolution), no exponent, no `-0`, so output is stable and byte-identical across runs.
 */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} into a PDF`);
  const r = Math.round(n * 1e4) / 1e4;
  if (r === 0) return '0';
  return r.toFixed(4).replace(/\.?0+$/, '');
}
