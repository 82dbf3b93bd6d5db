import { existsSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { collectEntries } from '../i18n/exchange/collect.ts';
import { writeCsv } from '../i18n/exchange/csv.ts';
import { writePo } from '../i18n/exchange/po.ts';
import type { EarlierSource } from '../i18n/history.ts';
import { saveText } from '../i18n/exchange/save.ts';
import { FORMAT_EXTENSIONS, type ExchangeEntry, type ExchangeFormat, type ExchangeMeta } from '../i18n/exchange/types.ts';
import { contentNote, openWorkspace } from '../i18n/exchange/workspace.ts';
import { writeXliff } from '../i18n/exchange/xliff.ts';
import { parseChoice, parseList, UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

const WRITERS: Record<ExchangeFormat, (entries: readonly ExchangeEntry[], meta: ExchangeMeta) => string> = {
  po: writePo,
  xliff: writeXliff,
  csv: (entries) => writeCsv(entries),
};

export const exportCommand: Command = defineCommand({
  name: 'export',
  summary: 'Write translation files (PO, XLIFF 1.2 or CSV) for translators, marking stale and missing strings',
  help: `Usage: rightsprint export [--lang <code>[,<code>…]] [--format po|xliff|csv] [--content <dir>] [--out <file-or-dir>]
                          [--previous <old-content-dir>]

Writes one file per language with every source string, its current translation and its status:
  current  translated from the current source text
  stale    translated from an older source text (PO: "#, fuzzy"; XLIFF: state="needs-review-translation";
           CSV: status "stale") — the translator updates it and clears the mark
  missing  not translated yet (empty translation)

Options:
  --lang <codes>      Comma-separated language codes (default: every language in project.yaml).
  --format <fmt>      po (default), xliff (XLIFF 1.2, .xlf) or csv (UTF-8 with BOM, opens in Excel; cells that
                      start like a formula, e.g. "- " bullets, are written behind one ' and read back exactly).
  --content <dir>     Content folder (default ./content).
  --out <path>        Output folder (default ./exchange), or a file name when exporting one language.
  --previous <dir>    An earlier content folder (e.g. the last printed edition), searched before the edition
                      history: stale entries show the old source text they were translated from (PO "#| msgid",
                      XLIFF note). Without it the edition history (content/history/, see \`rightsprint snapshot\`)
                      is searched alone.

Example:
  rightsprint export --lang ar,fa --format po --out exchange/
`,
  options: {
    lang: { type: 'string' },
    format: { type: 'string', default: 'po' },
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'exchange' },
    previous: { type: 'string' },
  },
  async run({ values }, io) {
    const format = parseChoice(values.format, ['po', 'xliff', 'csv'] as const satisfies readonly ExchangeFormat[], 'po', 'format');
    const selected = parseList(values.lang, 'lang');
    const { workspace, diagnostics, otherErrors } = openWorkspace(resolve(io.cwd, values.content), values.content);
    if (!workspace) {
      printDiagnostics(io, diagnostics);
      return EXIT.content;
    }
    if (otherErrors > 0) io.err(contentNote(otherErrors));
    const langs = selected ?? [...workspace.languages];
    const unknown = langs.filter((l) => !workspace.languages.includes(l) || l === workspace.sourceLanguage);
    if (unknown.length > 0) {
      throw new UsageError(`Not a translation language of this project: ${unknown.join(', ')}.`, [`Project languages: ${workspace.languages.join(', ')}.`]);
    }
    const earlier: EarlierSource[] = [];
    if (values.previous) {
      const old = openWorkspace(resolve(io.cwd, values.previous), values.previous);
      if (!old.workspace) {
        printDiagnostics(io, old.diagnostics);
        return EXIT.content;
      }
      earlier.push(old.workspace.source);
    }
    earlier.push(...workspace.history.values());
    const out = resolve(io.cwd, values.out);
    const extension = FORMAT_EXTENSIONS[format][0] ?? `.${format}`;
    const toFile = langs.length === 1 && FORMAT_EXTENSIONS[format].includes(extname(out)) && !isDirectory(out);
    for (const lang of langs) {
      const entries = collectEntries(workspace.source, workspace.translations.get(lang), earlier);
      const meta: ExchangeMeta = { sourceLanguage: workspace.sourceLanguage, targetLanguage: lang, version: workspace.version, date: workspace.date };
      const path = toFile ? out : join(out, `${lang}${extension}`);
      saveText(path, WRITERS[format](entries, meta));
      const count = (s: string) => entries.filter((e) => e.status === s).length;
      io.out(`${relative(io.cwd, path) || path}  ${lang}: ${count('current')} current, ${count('stale')} stale, ${count('missing')} missing`);
    }
    return EXIT.ok;
  },
});

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
