import { firstInvalidUtf8 } from '../../content/decode-text.ts';
import { guessLegacyEncoding } from '../../content/legacy-encodings.ts';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { CODES } from '../../diagnostics/codes.ts';
import { lineCol } from './xml.ts';

/** How to save each kind of exchange file as UTF-8, for the hints of a refused file. */
const RESAVE = [
  'Save it again as UTF-8: Excel "File → Save As → CSV UTF-8 (Comma delimited)" (not "CSV (Comma delimited)", which',
  'writes the ANSI code page); LibreOffice "Text CSV" with character set "Unicode (UTF-8)"; Poedit, Weblate and',
  'CAT tools write UTF-8 by default; text editors: Encoding → UTF-8.',
];

/**
 * Decodes an exchange file as UTF-8, refusing what would silently corrupt translations: UTF-16 files
 * (Excel's "Unicode Text", some Windows editors) and bytes that are not UTF-8 (a file saved as Windows-1252
 * or another legacy code page), which would otherwise arrive as U+FFFD replacement characters. A U+FFFD that
 * the file really contains (valid UTF-8) is not mistaken for a decoding error.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return {
      diagnostics: [error(CODES.exchange.syntax, 'The file is saved as UTF-16; rightsprint reads UTF-8.', { file, line: 1, col: 1 }, RESAVE)],
    };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes), diagnostics: [] };
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  // The same scanner and code-page guess as content files (content/decode-text.ts), with the exchange tools' hints.
  const legacy = guessLegacyEncoding(bytes);
  const looks = legacy ? `; it looks like ${legacy.name}` : '; it was probably saved in a legacy code page';
  return {
    diagnostics: [
      error(
        CODES.exchange.syntax,
        `The file is not valid UTF-8 (byte 0x${hex} at byte offset ${bad})${looks}.`,
        { file, ...lineCol(before, before.length) },
        RESAVE,
      ),
    ],
  };
}
