/**
 * A number as written in a PDF content stream: at most 4 decimals (1/10000 pt is far below any printer's
 * resolution), no exponent, no `-0`, so output is stable and byte-identical across runs.
 *
 * Defined as `toFixed(4)` of the value rounded to 4 decimals, trailing zeros (and a bare point) dropped; written
 * here from the integer number of ten-thousandths, which gives the same text (the double nearest k / 10⁴ prints as
 * k / 10⁴ while its ulp is far below 10⁻⁴) about three times faster: num runs for every coordinate and TJ
 * adjustment of every page. Beyond INTEGER_LIMIT, the definition itself.
 */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} into a PDF`);
  const k = Math.round(n * 1e4);
  if (k === 0) return '0';
  if (k >= INTEGER_LIMIT || k <= -INTEGER_LIMIT) return (k / 1e4).toFixed(4).replace(/\.?0+$/, '');
  const abs = k < 0 ? -k : k;
  const whole = Math.floor(abs / 1e4);
  let fraction = abs - whole * 1e4;
  const head = k < 0 ? `-${whole}` : `${whole}`;
  if (fraction === 0) return head;
  let digits = 4;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  const tail = `${fraction}`;
  return `${head}.${ZEROS[digits - tail.length]}${tail}`;
}

/** Ten-thousandths (10⁹ points) from which num takes the long way. */
const INTEGER_LIMIT = 1e13;
/** Leading zeros of a fraction, by count. */
const ZEROS = ['', '0', '00', '000'];
