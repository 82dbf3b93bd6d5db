import { error, warning, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.ts';
import { CODES } from '../../diagnostics/codes.ts';
import type { ExchangeEntry, ImportedUnit, ReadResult } from './types.ts';

/**
 * CSV for spreadsheet translators (RFC 4180: CRLF line ends, fields quoted when they contain `,` `"` or a line
 * break, `"` doubled), UTF-8 with a byte-order mark so Excel opens it as UTF-8 rather than the ANSI code page.
 * Columns: key, source, translation, status, source_hash. Status is `current`, `reviewed` (current and
 * reviewed), `stale` (translated from an older source: edit, then set to `current`) or `missing`.
 */
export const CSV_COLUMNS = ['key', 'source', 'translation', 'status', 'source_hash'] as const;
const BOM = '\uFEFF';
const HASH = /^[0-9a-f]{8}$/u;
/** What Excel leaves in a cell it took for a formula (a bullet line "- …" starts with a minus sign). */
const SPREADSHEET_ERROR = /^#(NAME\?|VALUE!|REF!|ERROR!|N\/A)$/u;
/**
 * First characters that make Excel, LibreOffice or Google Sheets evaluate a cell as a formula (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, and tab / carriage return, which some spreadsheets skip before looking.
 * Exported cells starting with one of them, or with the quote itself, are written behind one `'`: spreadsheets
 * show the text as text, and import takes the quote off again, so every value round-trips exactly.
 */
const DEFUSE_FIRST = /^[=+\-@\t\r']/u;
/** The quote that defuses a cell (spreadsheets' own "this is text" prefix). */
const DEFUSE = "'";
/**
 * A value that a spreadsheet would run as a formula: `=`, `+` or `@` first, or `-` not followed by a space
 * (`- ` is a bullet line of the guidance markup, `-A1` is arithmetic), after any leading tabs, CRs and spaces.
 */
const FORMULA = /^[\t\r ]*(?:[=+@]|-(?![ \n]|$))/u;

/** `value` as a spreadsheet must receive it: behind `'` when it starts like a formula (see DEFUSE_FIRST). */
export function defuse(value: string): string {
  return DEFUSE_FIRST.test(value) ? DEFUSE + value : value;
}

/** Undoes `defuse`: one leading `'` is the defusing prefix, never part of the text. */
export function undefuse(value: string): string {
  return value.startsWith(DEFUSE) ? value.slice(DEFUSE.length) : value;
}

/** Whether a (defusing already undone) value would be evaluated as a formula by a spreadsheet. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA.test(value);
}
const STATUSES = new Set(['current', 'reviewed', 'stale', 'missing']);
/**
 * Other names for our columns, as translate-toolkit's po2csv writes them (`location`, `source`, `target`): the
 * location is the PO `#: key` reference that export writes.
 */
const COLUMN_ALIASES: Readonly<Record<string, string>> = { location: 'key', target: 'translation' };

export function writeCsv(entries: readonly ExchangeEntry[]): string {
  const rows = [
    [...CSV_COLUMNS],
    ...entries.map((e) => [e.key, e.source, e.translation, e.status === 'current' && e.review === 'reviewed' ? 'reviewed' : e.status, e.sourceHash]),
  ];
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  const safe = defuse(value);
  return /[",\r\n]/u.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

interface Cell {
  readonly value: string;
  readonly span: SourceSpan;
  /** The cell could not be read whole (a quote never closed, or text after the closing quote): never a value. */
  readonly broken?: boolean;
}

/**
 * Splits CSV text into rows of cells with positions. Line breaks inside quoted fields are kept as `\n`. With
 * `escape` (translate-toolkit's dialect: Python csv with escapechar `\`), `\x` inside a quoted field is `x`.
 */
export function parseCsv(text: string, file: string, diagnostics: Diagnostic[], delimiter = ',', escape?: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let col = 1;
  let i = text.startsWith(BOM) ? 1 : 0;
  while (i <= text.length) {
    const span: SourceSpan = { file, line, col };
    let value = '';
    let broken = false;
    if (text[i] === '"') {
      i++;
      col++;
      let closed = false;
      while (i < text.length) {
        const c = text[i] ?? '';
        if (c === escape && i + 1 < text.length && text[i + 1] !== '\r' && text[i + 1] !== '\n') {
          value += text[i + 1];
          i += 2;
          col += 2;
          continue;
        }
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          closed = true;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') i++;
        if (c === '\r' || c === '\n') {
          value += '\n';
          line++;
          col = 1;
        } else {
          value += c;
          col++;
        }
        i++;
      }
      if (!closed) {
        broken = true;
        diagnostics.push(
          error(CODES.exchange.syntax, 'A quoted CSV field is never closed: the file may be cut off, or a quote is not doubled.', span, [
            'A double quote inside a field must be written twice (""). If the file was cut off (an interrupted copy or',
            'download), export or save it again: nothing of this row is imported.',
          ]),
        );
      }
      const rest = unquoted(text, i, delimiter);
      if (rest.trim() !== '') {
        broken = true;
        diagnostics.push(
          error(CODES.exchange.syntax, 'Text after the closing quote of a CSV field.', { file, line, col }, [
            'Quote the whole field, and double any quote inside it.',
          ]),
        );
      }
      i += rest.length;
      col += rest.length;
    } else {
      value = unquoted(text, i, delimiter);
      i += value.length;
      col += value.length;
    }
    row.push(broken ? { value, span, broken } : { value, span });
    const next = text[i];
    if (next === delimiter) {
      i++;
      col++;
      continue;
    }
    // End of row (line break or end of text). A trailing empty line is not a row.
    // A blank line is not a row.
    if (!(row.length === 1 && row[0]?.value === '')) rows.push(row);
    row = [];
    if (next === '\r' && text[i + 1] === '\n') i++;
    i++;
    line++;
    col = 1;
  }
  return rows;
}

/** Characters from `start` up to the next delimiter or line break. */
function unquoted(text: string, start: number, delimiter: string): string {
  let end = start;
  while (end < text.length && text[end] !== delimiter && text[end] !== '\r' && text[end] !== '\n') end++;
  return text.slice(start, end);
}

/**
 * Spreadsheets in locales that write decimal commas (Polish, French, German, Portuguese, Russian …) save
 * "CSV" with semicolons. The header row tells which: it has our column names and no quoted text.
 */
function sniffDelimiter(text: string): ',' | ';' {
  const header = text.replace(/^\uFEFF/u, '').split(/\r?\n/u, 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/**
 * translate-toolkit (po2csv, Pootle, Virtaal) writes `location,source,target` with Python's csv escapechar `\`:
 * a backslash in the text is written `\\`. Its header names tell the dialect.
 */
function sniffEscape(text: string): string | undefined {
  const header = (text.replace(/^\uFEFF/u, '').split(/\r?\n/u, 1)[0] ?? '').toLowerCase().replace(/"/gu, '').split(/[,;]/u);
  return header.includes('target') && header.includes('location') && !header.includes('key') ? '\\' : undefined;
}

export function readCsv(text: string, file: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const rows = parseCsv(text, file, diagnostics, sniffDelimiter(text), sniffEscape(text)).filter((r) => !(r.length === 1 && r[0]?.value === ''));
  const [head, ...body] = rows;
  if (!head) return { units: [], diagnostics: [error(CODES.exchange.syntax, 'The CSV file is empty.', { file, line: 1, col: 1 }, [])] };
  const index = new Map<string, number>();
  head.forEach((cell, i) => {
    const name = cell.value.trim().toLowerCase();
    if (!index.has(name)) index.set(name, i);
  });
  for (const [alias, name] of Object.entries(COLUMN_ALIASES)) {
    const at = index.get(alias);
    if (at !== undefined && !index.has(name)) index.set(name, at);
  }
  const unconfirmed = !index.has('status');
  // Named columns only: a spreadsheet may add empty header cells after the last one (",,"), and rows need not fill them.
  let width = head.length;
  while (width > 0 && head[width - 1]?.value.trim() === '') width--;
  const missing = ['key', 'translation'].filter((c) => !index.has(c));
  if (missing.length > 0) {
    diagnostics.push(
      error(CODES.exchange.csvColumn, `The CSV header lacks the column(s) ${missing.join(', ')}.`, head[0]?.span, [
        `The first row must name the columns: ${CSV_COLUMNS.join(',')}.`,
      ]),
    );
    return { units: [], diagnostics };
  }
  const units: ImportedUnit[] = [];
  for (const row of body) {
    const cell = (name: string): Cell | undefined => {
      const i = index.get(name);
      return i === undefined ? undefined : row[i];
    };
    const rowSpan = row[0]?.span ?? { file, line: 1, col: 1 };
    // A broken cell (already reported) or a short row is what a cut-off file ends with: the text that is there is
    // not the translation, and the missing status would read as "current". Nothing of the row is imported.
    if (row.some((c) => c.broken)) continue;
    if (row.length < width) {
      diagnostics.push(
        error(CODES.exchange.syntax, `This CSV row has ${row.length} cell(s), the header has ${width}: the file may be cut off.`, rowSpan, [
          'Export or save the file again (every row has one cell per column, even when empty); nothing of this row is imported.',
        ]),
      );
      continue;
    }
    const key = cell('key')?.value.trim() ?? '';
    if (key === '') {
      diagnostics.push(error(CODES.exchange.syntax, 'A CSV row has no key.', rowSpan, ['Keep the key column as exported.']));
      continue;
    }
    const translation = cell('translation');
    const status = cell('status')?.value.trim().toLowerCase() || 'current';
    if (!STATUSES.has(status))
      diagnostics.push(
        error(CODES.exchange.csvColumn, `Unknown status "${status}" for "${key}".`, cell('status')?.span ?? rowSpan, [
          'Status must be one of: current, reviewed, stale, missing.',
        ]),
      );
    const hash = cell('source_hash')?.value.trim();
    if (hash !== undefined && hash !== '' && !HASH.test(hash))
      diagnostics.push(
        warning(
          CODES.exchange.badHash,
          `Source hash "${hash}" of "${key}" is not 8 hex digits; the source column is used instead.`,
          cell('source_hash')?.span ?? rowSpan,
          ['Spreadsheets may turn hashes such as 12345678 into numbers: format the source_hash column as Text.'],
        ),
      );
    const text = undefuse(translation?.value ?? '');
    if (translation && looksLikeFormula(text)) {
      diagnostics.push(
        error(
          CODES.exchange.csvFormula,
          `The translation of "${key}" is a spreadsheet formula, not text: ${JSON.stringify(text.slice(0, 40))}.`,
          translation.span,
          [
            'A formula is never printed on a card. Write the translation as plain text; a cell that has to start with',
            '"=", "+", "@" or "-" (other than a "- " bullet) is written behind one apostrophe, as export does: \'=…',
          ],
        ),
      );
      continue;
    }
    if (translation && SPREADSHEET_ERROR.test(translation.value))
      diagnostics.push(
        error(CODES.exchange.syntax, `The translation of "${key}" is a spreadsheet error value (${translation.value}).`, translation.span, [
          'Excel reads a cell starting with "-", "=", "+" or "@" as a formula. Open the CSV with Data → From Text/CSV',
          'and set every column to Text (LibreOffice: tick "Format quoted field as text"), then paste the text again.',
        ]),
      );
    const rawSource = cell('source')?.value;
    const source = rawSource === undefined ? undefined : undefuse(rawSource);
    units.push({
      key,
      text,
      span: translation?.span ?? rowSpan,
      entrySpan: rowSpan,
      ...(source !== undefined ? { source } : {}),
      ...(hash !== undefined && HASH.test(hash) ? { sourceHash: hash } : {}),
      needsReview: status === 'stale',
      reviewed: status === 'reviewed',
      ...(unconfirmed ? { unconfirmed } : {}),
    });
  }
  return { units, diagnostics };
}
