import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { spanAt, type YamlFile } from './read-yaml.ts';

/**
 * What the loader does about an invisible character in content text:
 * - `error`: it changes what the page says and the translator cannot see it (bidi embeddings, overrides and
 *   isolates reverse words: RLO before `حقوقك` prints it backwards). The engine inserts its own isolates after
 *   loading, so content never needs them.
 * - `warn`: it prints nothing and has no job in running text, so it is almost always pasted in by accident from
 *   a web page or word processor; it may still change line breaking.
 * - `allow`: it is part of correct spelling or typography somewhere; listed so the decision is visible.
 */
export type InvisibleAction = 'error' | 'warn' | 'allow';

export interface InvisibleChar {
  readonly from: number;
  /** Last code point of the range (inclusive); = from for a single character. */
  readonly to: number;
  /** Unicode name (or the range's name), shown in the message. */
  readonly name: string;
  readonly action: InvisibleAction;
  /** Scripts (ISO 15924) whose text uses the character legitimately: there it is allowed. */
  readonly allowedIn?: readonly string[];
  /** Why this action; shown as the hint for `error` and `warn`. */
  readonly why: string;
}

/** The decision for every invisible character the loader knows of. Characters not listed are not checked. */
export const INVISIBLE_CHARS: readonly InvisibleChar[] = [
  { from: 0x202a, to: 0x202a, name: 'LEFT-TO-RIGHT EMBEDDING', action: 'error', why: 'it changes the direction of the text after it' },
  { from: 0x202b, to: 0x202b, name: 'RIGHT-TO-LEFT EMBEDDING', action: 'error', why: 'it changes the direction of the text after it' },
  {
    from: 0x202c,
    to: 0x202c,
    name: 'POP DIRECTIONAL FORMATTING',
    action: 'error',
    why: 'it ends an embedding or override and shifts the direction of the text after it',
  },
  {
    from: 0x202d,
    to: 0x202d,
    name: 'LEFT-TO-RIGHT OVERRIDE',
    action: 'error',
    why: 'it forces the letters after it into left-to-right order, so Arabic or Hebrew words print backwards',
  },
  {
    from: 0x202e,
    to: 0x202e,
    name: 'RIGHT-TO-LEFT OVERRIDE',
    action: 'error',
    why: 'it forces the letters after it into right-to-left order, so words print backwards',
  },
  {
    from: 0x2066,
    to: 0x2066,
    name: 'LEFT-TO-RIGHT ISOLATE',
    action: 'error',
    why: 'a stray isolate changes the order of the words around it; rightsprint isolates mixed-script runs itself',
  },
  {
    from: 0x2067,
    to: 0x2067,
    name: 'RIGHT-TO-LEFT ISOLATE',
    action: 'error',
    why: 'a stray isolate changes the order of the words around it; rightsprint isolates mixed-script runs itself',
  },
  {
    from: 0x2068,
    to: 0x2068,
    name: 'FIRST STRONG ISOLATE',
    action: 'error',
    why: 'a stray isolate changes the order of the words around it; rightsprint isolates mixed-script runs itself',
  },
  {
    from: 0x2069,
    to: 0x2069,
    name: 'POP DIRECTIONAL ISOLATE',
    action: 'error',
    why: 'a stray isolate changes the order of the words around it; rightsprint isolates mixed-script runs itself',
  },
  // Marks are strong direction only, never an embedding: they cannot reverse a word, they attach neighbouring
  // punctuation or digits to one side, which RTL translators do on purpose (a bracket or number at a line end).
  { from: 0x200e, to: 0x200e, name: 'LEFT-TO-RIGHT MARK', action: 'allow', why: 'places neutral characters next to it; used on purpose in right-to-left text' },
  { from: 0x200f, to: 0x200f, name: 'RIGHT-TO-LEFT MARK', action: 'allow', why: 'places neutral characters next to it; used on purpose in right-to-left text' },
  { from: 0x061c, to: 0x061c, name: 'ARABIC LETTER MARK', action: 'allow', why: 'places neutral characters next to it; used on purpose in Arabic-script text' },
  // Joiners are spelling: Persian and Kurdish words (می‌خواهم), Indic conjunct forms, emoji sequences.
  { from: 0x200c, to: 0x200c, name: 'ZERO WIDTH NON-JOINER', action: 'allow', why: 'part of correct spelling in Persian, Kurdish and Indic scripts' },
  { from: 0x200d, to: 0x200d, name: 'ZERO WIDTH JOINER', action: 'allow', why: 'part of correct spelling in Indic scripts and emoji' },
  {
    from: 0x200b,
    to: 0x200b,
    name: 'ZERO WIDTH SPACE',
    action: 'warn',
    allowedIn: ['Thai', 'Khmr', 'Mymr', 'Laoo', 'Tibt'],
    why: 'it is invisible and lets a line break inside a word; usually pasted from a web page (it is only used to mark word boundaries in Thai, Khmer, Burmese and Lao)',
  },
  { from: 0x2060, to: 0x2060, name: 'WORD JOINER', action: 'warn', why: 'it is invisible and stops a line break; usually pasted from a word processor' },
  {
    from: 0xfeff,
    to: 0xfeff,
    name: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
    action: 'warn',
    why: 'a byte-order mark inside text is invisible; usually left over from joining two files',
  },
  { from: 0x00ad, to: 0x00ad, name: 'SOFT HYPHEN', action: 'warn', why: 'it is invisible, and a line may break there without a hyphen being printed' },
  { from: 0x180e, to: 0x180e, name: 'MONGOLIAN VOWEL SEPARATOR', action: 'warn', why: 'it is invisible outside Mongolian text' },
  {
    from: 0x2028,
    to: 0x2029,
    name: 'LINE/PARAGRAPH SEPARATOR',
    action: 'warn',
    why: 'it is invisible in most editors and breaks the line; write a real line break (or a blank line for a new paragraph)',
  },
  { from: 0x2061, to: 0x2064, name: 'INVISIBLE MATHEMATICAL OPERATOR', action: 'warn', why: 'it is invisible and has no use in running text' },
  { from: 0x206a, to: 0x206f, name: 'DEPRECATED FORMAT CHARACTER', action: 'warn', why: 'it is invisible and deprecated; it has no use in running text' },
  { from: 0xfff9, to: 0xfffb, name: 'INTERLINEAR ANNOTATION CHARACTER', action: 'warn', why: 'it is invisible and has no use in running text' },
  { from: 0x115f, to: 0x1160, name: 'HANGUL FILLER', action: 'warn', why: 'it prints as blank space and is used to hide text' },
  { from: 0x3164, to: 0x3164, name: 'HANGUL FILLER', action: 'warn', why: 'it prints as blank space and is used to hide text' },
  { from: 0xffa0, to: 0xffa0, name: 'HALFWIDTH HANGUL FILLER', action: 'warn', why: 'it prints as blank space and is used to hide text' },
  {
    from: 0x0080,
    to: 0x009f,
    name: 'C1 CONTROL CHARACTER',
    action: 'warn',
    why: 'it prints nothing; usually a Windows-1252 quote or dash that was converted as Latin-1 (U+0092 for ’, U+0096 for –)',
  },
  { from: 0xe0000, to: 0xe007f, name: 'TAG CHARACTER', action: 'warn', why: 'it is invisible; it only has a meaning inside emoji flag sequences' },
];

/** One regular expression matching every listed character that is not always allowed. */
const CHECKED = new RegExp(
  `[${INVISIBLE_CHARS.filter((c) => c.action !== 'allow')
    .map((c) => `\\u{${c.from.toString(16)}}-\\u{${c.to.toString(16)}}`)
    .join('')}]`,
  'gu',
);

function entryFor(cp: number): InvisibleChar | undefined {
  return INVISIBLE_CHARS.find((c) => cp >= c.from && cp <= c.to);
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Errors for bidi controls and warnings for other invisible characters in the text of one content file, located
 * at the character (or its `\u…` escape). `script` is the file's
 * language's script, for characters some scripts use legitimately. One diagnostic per value and character, with
 * the count: a value full of zero-width spaces is one problem, not a hundred.
 */
export function invisibleCharDiagnostics(file: YamlFile, script?: string): Diagnostic[] {
  // A value holds only characters written in the file, or written as an escape (`\u200B`, after a backslash): a
  // file with neither has nothing to report, which is most files.
  CHECKED.lastIndex = 0;
  const written = CHECKED.test(file.text);
  CHECKED.lastIndex = 0;
  if (!written && !file.text.includes('\\')) return [];
  const out: Diagnostic[] = [];
  /** The keys of the pairs above the scalar being looked at, outermost first (labelOf). */
  const keys: string[] = [];
  const scalar = (node: Scalar): void => scalarFindings(file, node, () => labelOf(keys), script, out);
  // Every scalar in document order, a pair's key before its value, as the yaml package's `visit` goes; a plain
  // walk, without the frozen path array `visit` builds at every node.
  const walk = (node: unknown): void => {
    if (isScalar(node)) scalar(node);
    else if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item);
    else if (isPair(node)) {
      keys.push(isScalar(node.key) ? String(node.key.value) : '?');
      walk(node.key);
      walk(node.value);
      keys.pop();
    }
  };
  walk(file.doc.contents);
  return out;
}

/** `strings.card.rights.text` → "`card.rights`"; other paths as dotted keys. */
function labelOf(keys: readonly string[]): string {
  if (keys[0] === 'strings' && keys.length >= 2) return `\`${keys[1]}\`${keys.length > 2 && keys[2] !== 'text' ? ` (${keys.slice(2).join('.')})` : ''}`;
  return keys.length > 0 ? `\`${keys.join('.')}\`` : 'The file';
}

/**
 * The findings of one scalar (`label` names where it is, asked only when there is a finding): one diagnostic per character with its count, located at
 * its first occurrence in the source text or, when only written as an escape, at the escape. Pushed onto `out`.
 */
export function scalarFindings(file: YamlFile, node: Scalar, labelled: () => string, script: string | undefined, out: Diagnostic[]): void {
  if (typeof node.value !== 'string' || !node.range) return;
  // matchAll starts at the pattern's lastIndex: test() must leave it at 0.
  CHECKED.lastIndex = 0;
  const any = CHECKED.test(node.value);
  CHECKED.lastIndex = 0;
  if (!any) return;
  const [start, end] = node.range;
  const raw = file.text.slice(start, end);
  const found = new Map<number, { offset: number; count: number }>();
  for (const m of raw.matchAll(CHECKED)) {
    const cp = m[0].codePointAt(0)!;
    const seen = found.get(cp);
    if (seen) seen.count += 1;
    else found.set(cp, { offset: start + m.index, count: 1 });
  }
  // Written as escapes ("\u202E"): not in the source text, but in the value.
  for (const m of node.value.matchAll(CHECKED)) {
    const cp = m[0].codePointAt(0)!;
    if (found.has(cp)) continue;
    const hex = cp.toString(16);
    const escape = new RegExp(`\\\\(?:u${hex.padStart(4, '0')}|U${hex.padStart(8, '0')})`, 'iu').exec(raw);
    found.set(cp, { offset: start + (escape?.index ?? 0), count: 0 });
  }
  const label = labelled();
  for (const [cp, { offset, count }] of found) {
    const entry = entryFor(cp)!;
    if (entry.allowedIn && script !== undefined && entry.allowedIn.includes(script)) continue;
    const times = count > 1 ? `${count} × ` : '';
    const what = `${times}${codePoint(cp)} ${entry.name}`;
    const span = spanAt(file, offset);
    if (entry.action === 'error') {
      out.push(
        error(CODES.content.bidiControl, `${label} contains ${what}, an invisible bidi control: ${entry.why}.`, span, [
          `Delete it (in VS Code: Find with regular expressions on, search \\u${cp.toString(16)}). rightsprint sets the direction of mixed-script text itself.`,
        ]),
      );
    } else {
      out.push(
        warning(CODES.content.invisibleChar, `${label} contains ${what}, which a translator cannot see: ${entry.why}.`, span, [
          `Delete it unless you put it there on purpose (in VS Code: Find with regular expressions on, search \\u${cp.toString(16)}).`,
        ]),
      );
    }
  }
}
