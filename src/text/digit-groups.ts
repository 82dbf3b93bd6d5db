/**
 * Phone numbers and other grouped numbers (`0800 123 4567`, `+44 20 7946 0000`, `0800-123-4567`, `۱۲۳ ۴۵۶`).
 *
 * Two facts make these special on a know-your-rights card:
 * - Under plain UAX #9, a space- or hyphen-separated number inside right-to-left text is reordered group by
 *   group (`4567 123 0800`): the separators between two numbers resolve to the RTL embedding direction
 *   (TEXT-FACTS.md). Itemize isolates each group sequence (LRI…PDI) so it always reads left to right.
 * - A number split over two lines is easy to misdial; line breaking keeps a group sequence together unless it is
 *   wider than the whole measure.
 *
 * This is the one place that decides what counts as such a number.
 */

/**
 * An optional `+`, then digit groups (any script's decimal digits, `\p{Nd}`) joined by one space, no-break space,
 * narrow no-break space or hyphen. A lone number like `123456` matches too but needs no isolation; see
 * `isGrouped`.
 */
const DIGIT_GROUPS = /\+?\p{Nd}+(?:[ \u00A0\u202F-]\p{Nd}+)*/gu;

/** A number's extent in the paragraph (UTF-16 offsets, end exclusive). */
export interface DigitGroupSpan {
  readonly start: number;
  readonly end: number;
}

/** Every number made of several groups, or led by `+`, in logical order. */
export function digitGroups(text: string): DigitGroupSpan[] {
  const spans: DigitGroupSpan[] = [];
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    const s = m[0];
    if (s.startsWith('+') || /[ \u00A0\u202F-]/u.test(s)) spans.push({ start: m.index, end: m.index + s.length });
  }
  return spans;
}
