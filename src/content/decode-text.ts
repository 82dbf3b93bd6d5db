import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { guessLegacyEncoding } from './legacy-encodings.ts';

/** What the decoder may know about the file's language (from its name), to name the right legacy code page. */
export interface LanguageHint {
  readonly language: string;
  /** ISO 15924 script of the language. */
  readonly script?: string;
}

export type DecodedText =
  | { readonly text: string; readonly diagnostics: readonly [] }
  | { readonly text?: undefined; readonly diagnostics: readonly Diagnostic[] };

/**
 * Decodes a content file as UTF-8 (a leading UTF-8 byte-order mark is dropped), refusing anything else with an
 * error that says where the first bad byte is, which encoding the file looks like and how to re-save it. A file
 * in a legacy code page would otherwise print U+FFFD (`int�rprete`) on a card with exit 0.
 *
 * UTF-16 is refused too, not decoded: `import` and `accept` rewrite translation files in place as UTF-8 text,
 * the exchange formats refuse UTF-16, and a single rule ("save as UTF-8") is what a translator can follow.
 */
export function decodeText(bytes: Uint8Array, file: string, hint?: LanguageHint): DecodedText {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    return {
      diagnostics: [
        error(CODES.content.utf16File, `The file is saved as UTF-16 (${utf16}); rightsprint reads content files as UTF-8 only.`, { file, line: 1, col: 1 }, [
          'Save it again as UTF-8: in VS Code click the encoding in the status bar → "Save with Encoding" → UTF-8; in Notepad: File → Save as → Encoding: UTF-8.',
          `Or convert it on the command line: iconv -f UTF-16 -t UTF-8 ${file} > ${convertedName(file)}, check it, then replace the file.`,
        ]),
      ],
    };
  }
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  // The native decoder checks the common, valid file (a byte loop in JS took a tenth of reading a 2 MB file,
  // issue #11). Its replacing mode is several times faster than its fatal mode (Node decodes it with SIMD) and puts
  // a U+FFFD for every malformed sequence, so text without U+FFFD came from valid UTF-8; text with one (written in
  // the file, or a replacement) is decoded again in fatal mode, which refuses exactly what firstInvalidUtf8 finds,
  // which is only run to say where.
  const body = bytes.subarray(start);
  const text = REPLACING.decode(body);
  if (!text.includes('\uFFFD')) return { text, diagnostics: [] };
  let decodeError: unknown;
  try {
    return { text: FATAL.decode(body), diagnostics: [] };
  } catch (e) {
    decodeError = e;
  }
  const bad = firstInvalidUtf8(bytes, start);
  if (bad < 0) throw new Error('decodeText: TextDecoder refused bytes firstInvalidUtf8 accepts', { cause: decodeError });

  const span = spanOfByte(bytes, start, bad, file);
  const legacy = guessLegacyEncoding(bytes.subarray(start), hint);
  const hex = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
  if (!legacy) {
    return {
      diagnostics: [
        error(
          CODES.content.notUtf8,
          `The file is not valid UTF-8: byte ${hex} here is not UTF-8 (the file was saved in another encoding, or is damaged).`,
          span,
          ['Open it in an editor that shows the encoding and save it as UTF-8 (VS Code: click the encoding in the status bar → "Save with Encoding" → UTF-8).'],
        ),
      ],
    };
  }
  const word = wordAt(bytes, bad, legacy.label);
  return {
    diagnostics: [
      error(
        CODES.content.notUtf8,
        `The file is not valid UTF-8: byte ${hex} here is not UTF-8; the file looks like ${legacy.name}, where this reads "${word}".`,
        span,
        [
          `Re-open the file as ${legacy.name} and save it as UTF-8: in VS Code click the encoding in the status bar → "Reopen with Encoding" → ${legacy.label}, then "Save with Encoding" → UTF-8; in Notepad: File → Save as → Encoding: UTF-8.`,
          `Or convert it on the command line: iconv -f ${legacy.iconv} -t UTF-8 ${file} > ${convertedName(file)}, check it, then replace the file.`,
        ],
      ),
    ],
  };
}

/** Decoders without state between calls (no `stream`): shared by every file. */
const REPLACING = new TextDecoder('utf-8', { ignoreBOM: true });
const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Bytes sampled to recognise UTF-16 without a byte-order mark. */
const UTF16_SAMPLE = 4096;

/**
 * "little-endian" or "big-endian" (with the BOM named when there is one) when the file is UTF-16: a UTF-16 BOM,
 * or — without one — NUL bytes in most odd (LE) or even (BE) positions, which is how mostly-ASCII UTF-16 looks.
 * A text file has no NUL bytes otherwise.
 */
function utf16Kind(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'little-endian with a byte-order mark; Notepad calls it "Unicode"';
  if (b[0] === 0xfe && b[1] === 0xff) return 'big-endian with a byte-order mark; Notepad calls it "Unicode big endian"';
  const n = Math.min(b.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul += 1;
    if (b[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'little-endian, without a byte-order mark';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'big-endian, without a byte-order mark';
  return undefined;
}

/**
 * Index of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF; a sequence cut off by the end of the file is bad at its first byte), or -1.
 * TextDecoder's fatal mode says only that the file is bad; the user needs to know where.
 */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c === 0xe0) (need = 2), (min = 0xa0);
    else if (c === 0xed) (need = 2), (min = 0x80), (max = 0x9f);
    else if (c >= 0xe1 && c <= 0xef) (need = 2), (min = 0x80);
    else if (c === 0xf0) (need = 3), (min = 0x90);
    else if (c === 0xf4) (need = 3), (min = 0x80), (max = 0x8f);
    else if (c >= 0xf1 && c <= 0xf3) (need = 3), (min = 0x80);
    else return i;
    if (i + need >= b.length) return i;
    const second = b[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** `file:line:col` of byte `bad`; the column counts UTF-16 units of the valid text before it, as the YAML positions do. */
function spanOfByte(b: Uint8Array, start: number, bad: number, file: string): SourceSpan {
  let line = 1;
  let lineStart = start;
  for (let i = start; i < bad; i++) {
    if (b[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(b.subarray(lineStart, bad));
  return { file, line, col: before.length + 1 };
}

/** The word around byte `at`, decoded with the guessed encoding, to show the user what the bytes mean. */
function wordAt(b: Uint8Array, at: number, label: string): string {
  const isBreak = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x22 || c === 0x27 || c === 0x3a;
  let s = at;
  while (s > 0 && at - s < 40 && !isBreak(b[s - 1]!)) s -= 1;
  let e = at + 1;
  while (e < b.length && e - at < 40 && !isBreak(b[e]!)) e += 1;
  return new TextDecoder(label).decode(b.subarray(s, e)).replace(/[.,;!?)]+$/u, '');
}

/** Name of the converted copy in the hints' command line, with the file's own extension. */
function convertedName(file: string): string {
  return `converted${/\.[A-Za-z0-9]+$/u.exec(file)?.[0] ?? ''}`;
}
