/**
 * Left-to-right units: phone numbers (and other grouped numbers), web addresses and e-mail addresses.
 *
 * On a know-your-rights card the hotline and the website are the two things a reader must copy exactly. Both
 * are written left to right in every language, but under plain UAX #9 their neutral characters (spaces, brackets,
 * `+`, `-`, `/`, `.`) resolve to the direction of the text around them, so inside right-to-left text
 * `(020) 7123 4567` is drawn as `7123 4567 (020)`, `+44 (0)20 7123-4567` as `20 7123-4567(0) +44` and
 * `https://example.org/help/` with its final `/` at the far left. The text engine therefore finds these units in
 * every paragraph it sets — an interpolated setting, the card's hotline line, the QR caption or a number a
 * translator typed into the sentence alike — and
 * - itemize.ts isolates each one (LRI…PDI, added to the bidi input only, never to the text) so it is laid out
 *   as one left-to-right unit wherever it sits in the sentence;
 * - linebreak.ts never breaks inside a phone number (a number split over two lines is easy to misdial) or an
 *   e-mail address, nor inside a web address before its path (`keepTogether`).
 *
 * This is the one place that decides what counts as such a unit: the table `LTR_UNIT_PATTERNS`. A setting value
 * is classified with the same table (`classifyValue`), so a value the table recognises is found as one unit
 * wherever it is printed. Pure; no language or script is named here.
 */

/** What a unit is. `phone` covers every grouped number (`2026-11-26`, `۱۲۳ ۴۵۶`): in running text they are alike. */
export type LtrUnitKind = 'phone' | 'url' | 'email';

/** A unit's extent in the text (UTF-16 offsets, end exclusive). */
export interface LtrUnit {
  readonly start: number;
  readonly end: number;
  readonly kind: LtrUnitKind;
}

/** One row of the table: a global, Unicode regular expression for candidates, and what makes a candidate a unit. */
export interface LtrUnitPattern {
  readonly kind: LtrUnitKind;
  /** What the row recognises, for the reader of this table and test names. */
  readonly describes: string;
  readonly pattern: RegExp;
  /**
   * Something every match of `pattern` contains (a digit, `@`, …), tested first: most paragraphs hold no unit,
   * and this one scan is much cheaper than `pattern`'s look-behinds. Must never reject text `pattern` matches
   * (tests/unit/text/ltr-units.test.ts checks every row on the shipped guidance).
   */
  readonly mayMatch: RegExp;
  /** The unit inside a candidate (e.g. without trailing punctuation), or undefined when it is none. */
  readonly accept: (candidate: string) => string | undefined;
}

/** Decimal digits of any script (`0-9`, `٠-٩`, `۰-۹`, …). */
const DIGITS = String.raw`\p{Nd}+`;
/**
 * What joins the groups of a number: space, no-break space, narrow no-break space, hyphen-minus, hyphen,
 * non-breaking hyphen, full stop (`555.123.4567`). One character, between two groups.
 */
const SEPARATOR = String.raw`[ \u00A0\u202F\-\u2010\u2011.]`;
const HAS_SEPARATOR = new RegExp(SEPARATOR, 'u');
/** A group in brackets, optionally with digits glued after it: `(020)`, `(+44)`, the `(0)20` of `+44 (0)20`. */
const BRACKETED = String.raw`\(\+?${DIGITS}\)\p{Nd}*`;
/** An extension written after the number, as in a setting `020 7123 4567 ext. 12` (the word stays as written). */
const EXTENSION = String.raw`,? ?(?:ext|extn)\.? ?${DIGITS}`;
/**
 * Fewer digits than this in a number that has brackets (or an extension) is not taken for a phone number: `(1)
 * (2)` or `159 (1)` inside a sentence are list or section numbers, which the sentence's own direction orders.
 */
const MIN_BRACKETED_PHONE_DIGITS = 6;

/** Characters of a URL (RFC 3986 unreserved, reserved and `%`). Other characters end it. */
const URL_CHAR = String.raw`[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]`;
/** Host labels (each starting with a letter or digit) and a top-level domain of letters: `example.org`, `www.gov.uk`. */
const DOMAIN = String.raw`(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}`;
/**
 * An address does not start inside a Latin word, path or address; a hyphen before it belongs to it only after a
 * Latin letter or digit (`foo-www.example.org`), not after a Hebrew prefix (`ב-https://example.org`, `ל-help@…`).
 */
const ADDRESS_START = String.raw`(?<![A-Za-z0-9._%+@/]|[A-Za-z0-9]-)`;
/** Punctuation that ends the sentence rather than the address: `see https://example.org/help.` */
const TRAILING = /[.,:;!?'*]$/u;

/**
 * Trailing punctuation off a URL or domain candidate, and a closing bracket that has no partner inside it (the
 * `)` of `(https://example.org/help)`), as GitHub's and linkify's autolinkers do. The `/` of `…/help/` stays.
 */
function trimAddress(candidate: string): string {
  let s = candidate;
  for (;;) {
    if (TRAILING.test(s)) s = s.slice(0, -1);
    else if (s.endsWith(')') && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
    else if (s.endsWith(']') && count(s, '[') < count(s, ']')) s = s.slice(0, -1);
    else return s;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function digitCount(s: string): number {
  return (s.match(/\p{Nd}/gu) ?? []).length;
}

/**
 * The table. Every row is scanned; where candidates overlap, the one starting first wins, then the longest (so
 * `first.last@example.org` is an e-mail address, not the domain `first.last`, and the `+44 (0)20 7123-4567`
 * phone number beats the digit groups inside it).
 */
export const LTR_UNIT_PATTERNS: readonly LtrUnitPattern[] = [
  {
    kind: 'phone',
    describes: 'digit groups joined by a space, no-break space, hyphen or full stop, or led by + (0800 123 4567, +44 20 7946 0000, 2026-11-26, ۱۲۳ ۴۵۶)',
    pattern: new RegExp(String.raw`\+?${DIGITS}(?:${SEPARATOR}${DIGITS})*`, 'gu'),
    mayMatch: /\p{Nd}/u,
    // A lone `123456` needs no isolating: its digits are one run already.
    accept: (c) => (c.startsWith('+') || HAS_SEPARATOR.test(c) ? c : undefined),
  },
  {
    kind: 'phone',
    describes: `a phone number with a bracketed group or an extension, at least ${MIN_BRACKETED_PHONE_DIGITS} digits or led by + ((020) 7123 4567, +44 (0)20 7123-4567, 020 7123 4567 ext. 12)`,
    pattern: new RegExp(String.raw`\+?(?:${BRACKETED}|${DIGITS})(?:${SEPARATOR}(?:${BRACKETED}|${DIGITS}))*(?:${EXTENSION})?(?![\p{L}\p{Nd}])`, 'giu'),
    mayMatch: /\p{Nd}/u,
    accept: (c) => ((c.includes('(') || /ext/iu.test(c)) && (c.startsWith('+') || digitCount(c) >= MIN_BRACKETED_PHONE_DIGITS) ? c : undefined),
  },
  {
    kind: 'url',
    describes: 'a web address with a scheme or www. (https://example.org/help/?lang=ar, www.example.org)',
    pattern: new RegExp(String.raw`${ADDRESS_START}(?:(?:https?|ftp)://|www\.)${URL_CHAR}+`, 'gu'),
    mayMatch: /:\/\/|www\./u,
    accept: (c) => {
      const s = trimAddress(c);
      return /^(?:(?:https?|ftp):\/\/|www\.)./u.test(s) ? s : undefined;
    },
  },
  {
    kind: 'url',
    describes: 'a domain name, with an optional path (example.org, gov.uk/immigration-status)',
    pattern: new RegExp(String.raw`${ADDRESS_START}${DOMAIN}(?:/${URL_CHAR}*)?`, 'gu'),
    // A label character, its dot and the next label's first character (DOMAIN).
    mayMatch: /[A-Za-z0-9-]\.[A-Za-z0-9]/u,
    accept: (c) => {
      const s = trimAddress(c);
      return new RegExp(String.raw`^${DOMAIN}(?:/|$)`, 'u').test(s) ? s : undefined;
    },
  },
  {
    kind: 'email',
    describes: 'an e-mail address, with an optional mailto: (help@example.org, mailto:first.last@example.org)',
    pattern: new RegExp(String.raw`${ADDRESS_START}(?:mailto:)?[A-Za-z0-9][A-Za-z0-9._%+\-]*@${DOMAIN}`, 'gu'),
    mayMatch: /@/u,
    accept: (c) => c,
  },
];

/**
 * The last text asked and its units: the text engine asks for the same paragraph twice in a row (itemize.ts for
 * its isolates, then linebreak.ts for its keep-together stretches). Callers only read the result.
 */
let last: { readonly text: string; readonly units: readonly LtrUnit[] } | undefined;

/** Every unit of `text`, in logical order, not overlapping (see LTR_UNIT_PATTERNS for which wins). */
export function ltrUnits(text: string): readonly LtrUnit[] {
  if (last?.text === text) return last.units;
  const candidates: LtrUnit[] = [];
  for (const row of LTR_UNIT_PATTERNS) {
    if (!row.mayMatch.test(text)) continue;
    for (const m of text.matchAll(row.pattern)) {
      const unit = row.accept(m[0]);
      if (unit !== undefined && unit.length > 0) candidates.push({ start: m.index, end: m.index + unit.length, kind: row.kind });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LtrUnit[] = [];
  for (const c of candidates) if (out.length === 0 || c.start >= out[out.length - 1]!.end) out.push(c);
  last = { text, units: out };
  return out;
}

/**
 * How long a stretch from the unit's start a line must not break inside: all of a phone number (easy to misdial
 * when split) or an e-mail address; a web address up to the end of its host (`https://example.org`, never
 * `https://` | `example.org`), after which UAX #14's breaks (after a `/`) let a long path wrap on a narrow card.
 * Wider than the measure, the stretch is still cut as a last resort (text/layout-paragraph.ts).
 */
export function keepTogether(text: string, unit: LtrUnit): number {
  if (unit.kind !== 'url') return unit.end - unit.start;
  const s = text.slice(unit.start, unit.end);
  const scheme = s.indexOf('://');
  const slash = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? s.length : slash;
}

/**
 * What a whole value is (a setting such as `hotline` or `website`): `phone`, `url` or `email` when the table
 * recognises all of it (surrounding whitespace aside) as one unit, else undefined — a name, or a number the
 * engine would not keep together.
 */
export function classifyValue(value: string): LtrUnitKind | undefined {
  const v = value.trim();
  const units = ltrUnits(v);
  return units.length === 1 && units[0]!.start === 0 && units[0]!.end === v.length ? units[0]!.kind : undefined;
}
