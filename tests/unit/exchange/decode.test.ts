import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/i18n/exchange/decode.ts';

describe('decodeUtf8', () => {
  it('passes UTF-8 through', () => {
    expect(decodeUtf8(Buffer.from('key\nاعرف حقوقك', 'utf8'), 'a.csv')).toEqual({ text: 'key\nاعرف حقوقك', diagnostics: [] });
  });

  it('refuses a legacy code page, pointing at the first bad byte', () => {
    const latin1 = Buffer.from('key,translation\na,Zadzwo\xf1\n', 'latin1');
    const { text, diagnostics } = decodeUtf8(latin1, 'pl.csv');
    expect(text).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['RP2601', 2, 9]]);
  });

  it('names the code page a Notepad "ANSI" spreadsheet export looks like', () => {
    const ansi = Buffer.from('key,translation\ncard.title,Connaissez vos droits\nintro,Si vous êtes contrôlé, demandez un interprète.\n', 'latin1');
    expect(decodeUtf8(ansi, 'fr.csv').diagnostics[0]?.message).toMatch(/looks like Windows-1252/u);
  });

  it('refuses UTF-16 (Excel "Unicode Text")', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key', 'utf16le')]);
    expect(decodeUtf8(utf16, 'a.csv').diagnostics[0]?.message).toContain('UTF-16');
  });
});
