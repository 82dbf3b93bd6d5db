import { error, warning, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.ts';
import { CODES } from '../../diagnostics/codes.ts';
import { languageInfo } from '../../content/languages.ts';
import { PLURAL_FORMS } from './plural-forms.ts';
import type { ExchangeEntry, ExchangeMeta, ImportedUnit, ReadResult } from './types.ts';

/**
 * gettext PO, as Poedit, Weblate, Lokalize and `msgmerge --previous` read it:
 * - msgctxt = the content key (keys stay stable even when two source texts are equal), repeated as the `#: key`
 *   reference, which survives tools that drop msgctxt (translate-toolkit's po2xliff / po2csv / xliff2po);
 * - `#. X-Rightsprint-Source-Hash: <hash>` = hash of the source text the entry was exported with;
 * - current entries plain; stale entries `#, fuzzy`, with the old source as `#| msgid` when known and always
 *   `#. X-Rightsprint-Previous-Source-Hash: <hash>` (the hash the old translation was made from);
 * - missing entries have an empty msgstr.
 * The header has every field `msgfmt -c` and PO editors expect; its dates are the project's edition date, so the
 * same content exports the same bytes on any day.
 */

/** Extracted-comment tags (`#. Tag: value`). */
const TAG_HASH = 'X-Rightsprint-Source-Hash';
const TAG_PREVIOUS = 'X-Rightsprint-Previous-Source-Hash';
const HASH = /^[0-9a-f]{8}$/u;

export function writePo(entries: readonly ExchangeEntry[], meta: ExchangeMeta): string {
  const header = [
    `# rightsprint guidance: ${meta.sourceLanguage} → ${meta.targetLanguage}, content version ${meta.version}.`,
    '# Translate msgstr only. Keep {{placeholders}} exactly, keep **bold** markers paired, keep one "- " line per bullet.',
    '# Entries marked "fuzzy" were translated from an older source text: update the translation, then remove the',
    '# fuzzy flag. Entries with an empty msgstr are not translated yet.',
    'msgid ""',
    'msgstr ""',
    ...[
      `Project-Id-Version: rightsprint ${meta.version}`,
      'Report-Msgid-Bugs-To: ',
      `POT-Creation-Date: ${poDate(meta.date)}`,
      `PO-Revision-Date: ${poDate(meta.date)}`,
      'Last-Translator: ',
      `Language-Team: ${languageInfo(meta.targetLanguage)?.name ?? meta.targetLanguage}`,
      `Language: ${meta.targetLanguage}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      ...(PLURAL_FORMS[meta.targetLanguage] !== undefined ? [`Plural-Forms: ${PLURAL_FORMS[meta.targetLanguage]}`] : []),
      `X-Rightsprint-Source-Language: ${meta.sourceLanguage}`,
    ].map((line) => quote(`${line}\n`)),
  ].join('\n');
  const blocks = entries.map((entry) => {
    const lines = [`#. ${TAG_HASH}: ${entry.sourceHash}`];
    const stale = entry.status === 'stale';
    const known = entry.previousSource !== undefined;
    if (stale) lines.push(`#. ${TAG_PREVIOUS}: ${entry.storedHash ?? ''}${known ? '' : ' (the old source text is not available)'}`);
    // gettext's comment order: extracted (#.), reference (#:), flags (#,), previous (#|). A key with white space or
    // a colon cannot be one `#:` reference; msgctxt alone carries it then.
    if (/^[^\s:]+$/u.test(entry.key)) lines.push(`#: ${entry.key}`);
    if (stale) {
      lines.push('#, fuzzy');
      if (known) lines.push(...field('#| msgid', entry.previousSource ?? ''));
    }
    lines.push(...field('msgctxt', entry.key), ...field('msgid', entry.source), ...field('msgstr', entry.translation));
    return lines.join('\n');
  });
  return `${[header, ...blocks].join('\n\n')}\n`;
}

/** gettext's header date form `YYYY-MM-DD HH:MM+ZZZZ` for an ISO edition date (midnight UTC). */
function poDate(date: string): string {
  return `${date} 00:00+0000`;
}

/** `keyword "text"`, or `keyword ""` followed by one quoted line per source line when the text has newlines. */
function field(keyword: string, text: string): string[] {
  const prefix = keyword.startsWith('#|') ? '#| ' : '';
  if (!text.slice(0, -1).includes('\n')) return [`${keyword} ${quote(text)}`];
  const pieces = text.split(/(?<=\n)/u);
  return [`${keyword} ""`, ...pieces.map((piece) => `${prefix}${quote(piece)}`)];
}

/** Double-quoted PO string with C escapes. */
export function quote(text: string): string {
  return `"${text.replace(/[\\"\n\t\r]/gu, (c) => ESCAPES_OUT[c] ?? c)}"`;
}

const ESCAPES_OUT: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
const ESCAPES_IN: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

interface RawEntry {
  start: SourceSpan;
  extracted: string[];
  /** `#:` references: the key, when a tool dropped msgctxt. */
  references: string[];
  flags: Set<string>;
  obsolete: boolean;
  msgctxt?: string;
  msgid?: string;
  msgstr?: string;
  msgstrSpan?: SourceSpan;
  plural: boolean;
}

/** Reads a PO file into units. `file` is how positions name the file. Never throws for malformed input. */
export function readPo(text: string, file: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const entries: RawEntry[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  let current: RawEntry | undefined;
  /** Which string a continuation line appends to. */
  let target: 'msgctxt' | 'msgid' | 'msgstr' | 'ignore' | undefined;
  const begin = (line: number): RawEntry => {
    const entry: RawEntry = { start: { file, line, col: 1 }, extracted: [], references: [], flags: new Set(), obsolete: false, plural: false };
    entries.push(entry);
    target = undefined;
    return entry;
  };
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    const span = (col = 1): SourceSpan => ({ file, line: lineNo, col });
    if (line === '') {
      current = undefined;
      target = undefined;
      return;
    }
    if (line.startsWith('#')) {
      // A comment after the strings of an entry starts the next entry.
      if (!current || current.msgstr !== undefined) current = begin(lineNo);
      if (line.startsWith('#.')) current.extracted.push(line.slice(2).trim());
      else if (line.startsWith('#:')) current.references.push(...line.slice(2).trim().split(/\s+/u).filter(Boolean));
      else if (line.startsWith('#,')) for (const flag of line.slice(2).split(',')) current.flags.add(flag.trim());
      else if (line.startsWith('#~')) current.obsolete = true;
      return;
    }
    const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)$/u.exec(line);
    const continuation = line.startsWith('"');
    if (!keyword && !continuation) {
      diagnostics.push(
        error(CODES.exchange.syntax, `Cannot read this PO line: ${JSON.stringify(raw.slice(0, 40))}.`, span(), [
          'Each line must be a comment (#…), msgctxt/msgid/msgstr "…", or a quoted continuation "…".',
        ]),
      );
      return;
    }
    const literal = keyword ? (keyword[2] ?? '') : line;
    const col = raw.indexOf(literal) + 1;
    const value = unquote(literal, span(col), diagnostics);
    if (keyword) {
      const word = keyword[1] ?? '';
      if (word === 'msgctxt' || (word === 'msgid' && current?.msgctxt === undefined)) {
        if (!current || current.msgstr !== undefined || current.msgid !== undefined) current = begin(lineNo);
      }
      if (!current) current = begin(lineNo);
      if (word === 'msgctxt') {
        current.msgctxt = value;
        target = 'msgctxt';
      } else if (word === 'msgid') {
        current.msgid = value;
        target = 'msgid';
      } else if (word === 'msgid_plural' || word.startsWith('msgstr[')) {
        current.plural = true;
        target = 'ignore';
      } else {
        current.msgstr = value;
        current.msgstrSpan = span(col);
        target = 'msgstr';
      }
      return;
    }
    if (!current || !target) {
      diagnostics.push(error(CODES.exchange.syntax, 'A quoted continuation line has no msgid/msgstr before it.', span(), []));
      return;
    }
    if (target !== 'ignore') current[target] = (current[target] ?? '') + value;
  });

  let language: string | undefined;
  const units: ImportedUnit[] = [];
  for (const entry of entries) {
    if (entry.obsolete || (entry.msgid === undefined && entry.msgstr === undefined)) continue;
    if (entry.msgid === '' && entry.msgctxt === undefined) {
      language = /^Language:\s*(.*)$/mu.exec(entry.msgstr ?? '')?.[1]?.trim() || undefined;
      const charset = /^Content-Type:.*charset=([^\s;]+)/mu.exec(entry.msgstr ?? '')?.[1];
      if (charset && charset.toUpperCase() !== 'UTF-8')
        diagnostics.push(
          error(CODES.exchange.syntax, `The PO file declares charset ${charset}; only UTF-8 is read.`, entry.start, [
            'Save the file as UTF-8 (Poedit: Catalog → Properties → Charset).',
          ]),
        );
      continue;
    }
    if (entry.plural) {
      diagnostics.push(
        error(CODES.exchange.syntax, 'Plural entries (msgid_plural / msgstr[n]) are not used by rightsprint.', entry.start, [
          'Export the file again from rightsprint instead of editing its structure.',
        ]),
      );
      continue;
    }
    // msgctxt is the key; a tool that dropped it (translate-toolkit's xliff2po, csv2po) kept the `#: key` reference.
    const key = entry.msgctxt ?? (entry.references.length === 1 ? entry.references[0] : undefined);
    if (key === undefined) {
      diagnostics.push(
        error(CODES.exchange.syntax, 'This entry has no msgctxt; rightsprint uses msgctxt as the content key.', entry.start, [
          'Keep the msgctxt line (and the "#: key" line) of every entry exactly as exported.',
        ]),
      );
      continue;
    }
    const tags = new Map(
      entry.extracted
        .map((c) => /^([\w-]+):\s*(\S*)/u.exec(c))
        .filter((m) => m !== null)
        .map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const recorded = tags.get(TAG_HASH);
    const previous = tags.get(TAG_PREVIOUS);
    if (recorded !== undefined && !HASH.test(recorded))
      diagnostics.push(
        warning(CODES.exchange.badHash, `Source hash "${recorded}" is not 8 hex digits; it is ignored.`, entry.start, [
          `Keep the "#. ${TAG_HASH}" comment as exported.`,
        ]),
      );
    units.push({
      key,
      text: entry.msgstr ?? '',
      span: entry.msgstrSpan ?? entry.start,
      entrySpan: entry.start,
      ...(entry.msgid !== undefined ? { source: entry.msgid } : {}),
      ...(recorded !== undefined && HASH.test(recorded) ? { sourceHash: recorded } : {}),
      ...(previous !== undefined && HASH.test(previous) ? { previousHash: previous } : {}),
      needsReview: entry.flags.has('fuzzy'),
      reviewed: false,
    });
  }
  return language !== undefined ? { language, units, diagnostics } : { units, diagnostics };
}

/** The value of one `"…"` literal; reports bad escapes and missing quotes at `span`. */
function unquote(literal: string, span: SourceSpan, diagnostics: Diagnostic[]): string {
  const match = /^"((?:[^"\\]|\\.)*)"$/u.exec(literal.trim());
  if (!match) {
    diagnostics.push(
      error(CODES.exchange.syntax, 'Expected a string in double quotes.', span, ['A double quote inside the text must be written \\" in a PO file.']),
    );
    return '';
  }
  return (match[1] ?? '').replace(/\\(.)/gu, (whole, c: string) => {
    const out = ESCAPES_IN[c];
    if (out !== undefined) return out;
    diagnostics.push(
      error(CODES.exchange.syntax, `Unknown escape ${whole} in a PO string.`, span, ['Write a backslash as \\\\, a quote as \\", a newline as \\n.']),
    );
    return c;
  });
}
