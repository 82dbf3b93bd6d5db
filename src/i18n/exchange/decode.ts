import { error, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { CODES } from './codes.ts';
import { lineCol } from './xml.ts';

/**
 * Decodes an exchange file as UTF-8, refusing what would silently corrupt translations: UTF-16 files
 * (Excel's "Unicode Text", some Windows editors) and bytes that are not UTF-8 (a file saved as Windows-1252
 * or another legacy code page), which would otherwise arrive as U+FFFD replacement characters.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return {
      diagnostics: [error(CODES.syntax, 'The file is saved as UTF-16; rightsprint reads UTF-8.', { file, line: 1, col: 1 }, [
        'Save it again as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)"; editors: Encoding → UTF-8).',
      ])],
    };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0)
    return {
      diagnostics: [error(CODES.syntax, 'The file is not valid UTF-8 (it was probably saved in a legacy code page).', { file, ...lineCol(text, bad) }, [
        'Save it again as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)"; Poedit and CAT tools write UTF-8 by default).',
      ])],
    };
  return { text, diagnostics: [] };
}
