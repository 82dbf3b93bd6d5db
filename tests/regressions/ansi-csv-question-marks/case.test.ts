import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/i18n/exchange/decode.ts';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import type { ImportedUnit } from '../../../src/i18n/exchange/types.ts';

/**
 * Bug (#15.8): a CSV saved by Excel as "CSV (Comma delimited)" (ANSI) turns Arabic and Chinese into "????";
 * it is valid text, every placeholder survives, and import replaced 28 translations with question marks (exit 0).
 * A translation with no letter of its language's script, or a "??" run the source lacks, is now refused (RP2619).
 */
const at = { file: 'ar.csv', line: 3, col: 9 };
const unit = (key: string, text: string): ImportedUnit => ({ key, text, span: at, entrySpan: at, needsReview: false, reviewed: false });
const source = { language: 'en', strings: { title: 'Know your rights', call: 'Call {{hotline}} now.', mixed: 'Ask: "Am I free to go?"' } };

describe('regression: ANSI-saved CSV question marks', () => {
  it('refuses "????" translations in Arabic and Chinese, keeps a real one', () => {
    const ar = planImport(
      [unit('title', '???? ?????'), unit('call', '???? {{hotline}} ????.'), unit('mixed', 'اسأل: "هل أنا حر في الذهاب؟"')],
      source,
      undefined,
      'draft',
      [],
      'Arab',
    );
    expect(ar.diagnostics.map((d) => [d.code, d.message.split(' — ')[0]])).toEqual([
      ['RP2619', '"title": the translation has no letter of the Arab script'],
      ['RP2619', '"call": the translation has no letter of the Arab script'],
    ]);
    expect(ar.changes.map((c) => c.key)).toEqual(['mixed']);
    expect(ar.diagnostics[0]?.hints.join(' ')).toContain('CSV UTF-8');
    const zh = planImport([unit('title', '??????')], source, undefined, 'draft', [], 'Hans');
    expect(zh.diagnostics.map((d) => d.code)).toEqual(['RP2619']);
    // Latin script: the letters survive an ANSI save but the others do not ("Zadzwo?" keeps letters, gains "??").
    const pl = planImport([unit('title', 'Pozna?? swoje prawa')], source, undefined, 'draft', [], 'Latn');
    expect(pl.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('question marks where letters should be')]);
    // One lost letter inside a word ("Możesz" → "Mo?esz") is caught too; a question in the source is not a loss.
    const word = planImport([unit('title', 'Mo?esz milczeć'), unit('mixed', 'Zapytaj: „Czy mogę odejść?”')], source, undefined, 'draft', [], 'Latn');
    expect(word.diagnostics.map((d) => [d.code, d.message.slice(0, 8)])).toEqual([['RP2619', '"title":']]);
    expect(word.changes.map((c) => c.key)).toEqual(['mixed']);
  });

  it('invalid UTF-8 is refused with how to re-save; a real U+FFFD in valid UTF-8 is not mistaken for one', () => {
    const bad = decodeUtf8(Buffer.from('key,translation\ntitle,\xc7\xd1\n', 'latin1'), 'ar.csv');
    expect(bad.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['RP2601', 2, 7]]);
    expect(bad.diagnostics[0]?.hints.join(' ')).toContain('CSV UTF-8 (Comma delimited)');
    expect(decodeUtf8(Buffer.from('key\n\uFFFD', 'utf8'), 'a.csv')).toEqual({ text: 'key\n\uFFFD', diagnostics: [] });
  });
});

describe('regression: ANSI-saved CSV, end to end', () => {
  it('import exits 1, names every damaged row, writes nothing; the same file saved as UTF-8 imports', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { exportCommand } = await import('../../../src/cli/export.ts');
    const { importCommand } = await import('../../../src/cli/import.ts');
    const { captureIO } = await import('../../unit/exchange/helpers.ts');
    const dir = mkdtempSync(join(tmpdir(), 'rp-ansi-'));
    cpSync(new URL('../../fixtures/exchange-tools/content/', import.meta.url), join(dir, 'content'), { recursive: true });
    expect(await exportCommand.run(['--lang', 'ar', '--format', 'csv', '--out', 'ar.csv'], captureIO(dir))).toBe(0);
    const before = readFileSync(join(dir, 'content/translations/ar.yaml'), 'utf8');
    // What Excel's "CSV (Comma delimited)" does in a Western-European Windows: no BOM, every Arabic character "?".
    const utf8 = readFileSync(join(dir, 'ar.csv'), 'utf8');
    writeFileSync(join(dir, 'ar.csv'), Buffer.from(utf8.replace(/^\uFEFF/u, '').replace(/[\u0600-\u06ff]/gu, '?'), 'latin1'));
    const io = captureIO(dir);
    expect(await importCommand.run(['ar.csv'], io)).toBe(1);
    const codes = io.stderr.join('\n').match(/RP2619 {2}"[\w.]+"/gu);
    expect(codes).toEqual(['RP2619  "title"', 'RP2619  "intro"', 'RP2619  "rights"', 'RP2619  "tricky"']);
    expect(readFileSync(join(dir, 'content/translations/ar.yaml'), 'utf8')).toBe(before);
    writeFileSync(join(dir, 'ar.csv'), utf8);
    expect(await importCommand.run(['ar.csv'], captureIO(dir))).toBe(0);
    expect(readFileSync(join(dir, 'content/translations/ar.yaml'), 'utf8')).toBe(before);
  });
});
