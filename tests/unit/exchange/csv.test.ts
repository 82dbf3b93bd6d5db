import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../../src/i18n/exchange/csv.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { entry } from './entry.ts';

describe('CSV (RFC 4180, UTF-8 with BOM)', () => {
  it('writes a BOM, CRLF rows, quotes only fields that need it and doubles quotes', () => {
    const csv = writeCsv([
      entry('a', 'plain', 'ترجمة', 'current', { review: 'reviewed' }),
      entry('b', 'say "hi", ok', 'line1\nline2', 'stale', { storedHash: 'deadbeef' }),
      entry('c', ' padded ', '', 'missing'),
    ]);
    expect(csv.startsWith('\uFEFFkey,source,translation,status,source_hash\r\n')).toBe(true);
    expect(csv).toContain(`\r\na,plain,ترجمة,reviewed,${sourceHash('plain')}\r\n`);
    expect(csv).toContain(`\r\nb,"say ""hi"", ok","line1\nline2",stale,${sourceHash('say "hi", ok')}\r\n`);
    expect(csv).toContain(`\r\nc," padded ",,missing,${sourceHash(' padded ')}\r\n`);
  });

  it('reads back what it writes, with line numbers that count line breaks inside quoted cells', () => {
    const csv = writeCsv([entry('b', 'x', 'line1\nline2\r\nline3', 'stale'), entry('c', 'y', 'z', 'current')]);
    const read = readCsv(csv, 'fa.csv');
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => [u.key, u.text, u.needsReview, u.span.line, u.span.col, u.entrySpan.line])).toEqual([
      ['b', 'line1\nline2\nline3', true, 2, 5, 2],
      ['c', 'z', false, 5, 5, 5],
    ]);
  });

  it('accepts files saved by spreadsheets: no BOM, LF line ends, reordered columns, blank lines', () => {
    const read = readCsv('translation,key,status\nhello,a,reviewed\n\n"x,y",b,\n', 'fa.csv');
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => [u.key, u.text, u.reviewed, u.needsReview])).toEqual([
      ['a', 'hello', true, false],
      ['b', 'x,y', false, false],
    ]);
  });

  it('reports an unclosed quote, an unknown status, a mangled hash and a formula error', () => {
    const csv = 'key,source,translation,status,source_hash\na,s,t,done,1.23E+07\nb,s,#NAME?,current,\nc,s,"never closed\n';
    const { diagnostics } = readCsv(csv, 'x.csv');
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.span?.col])).toEqual([
      ['RP2601', 'error', 4, 5],
      ['RP2615', 'error', 2, 7],
      ['RP2614', 'warning', 2, 12],
      ['RP2601', 'error', 3, 5],
    ]);
  });

  it('needs key and translation columns', () => {
    const { diagnostics, units } = readCsv('id,text\na,b\n', 'x.csv');
    expect(units).toEqual([]);
    expect(diagnostics[0]?.code).toBe('RP2615');
  });
});

describe('CSV saved by spreadsheets in other locales', () => {
  it('reads semicolon-separated files (Excel in decimal-comma locales)', () => {
    const read = readCsv('\uFEFFkey;source;translation;status;source_hash\r\na;x, y;"tłumaczenie; z ""cudzysłowem""";current;0badc0de\r\n', 'pl.csv');
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => [u.key, u.source, u.text, u.sourceHash])).toEqual([['a', 'x, y', 'tłumaczenie; z "cudzysłowem"', '0badc0de']]);
  });
});
