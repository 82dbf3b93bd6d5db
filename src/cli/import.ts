import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import { writeTranslation } from '../content/write-translation.ts';
import { error, warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { readCsv } from '../i18n/exchange/csv.ts';
import { decodeUtf8 } from '../i18n/exchange/decode.ts';
import { planImport } from '../i18n/exchange/plan-import.ts';
import { readPo } from '../i18n/exchange/po.ts';
import { saveText } from '../i18n/exchange/save.ts';
import { FORMAT_EXTENSIONS, type ExchangeFormat, type ReadResult } from '../i18n/exchange/types.ts';
import { resolveLanguage, toBcp47 } from '../i18n/exchange/language-code.ts';
import { contentNote, openWorkspace, translationPath, type Workspace } from '../i18n/exchange/workspace.ts';
import { readXliff } from '../i18n/exchange/xliff.ts';
import { hasOwnEntry, languageInfo } from '../content/languages.ts';
import { UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

const READERS: Record<ExchangeFormat, (text: string, file: string) => ReadResult> = {
  po: readPo,
  xliff: readXliff,
  csv: readCsv,
};

export const importCommand: Command = defineCommand({
  name: 'import',
  summary: 'Check translated PO/XLIFF/CSV files and write them into content/translations/<lang>.yaml',
  help: `Usage: rightsprint import <file>… [--lang <code>] [--content <dir>] [--partial] [--dry-run]

Reads translator files (format from the extension: .po, .xlf/.xliff, .csv), checks every entry and writes
the valid ones into <content>/translations/<lang>.yaml, stamped with the source hash they were translated from.
Comments, key order and untouched keys of the YAML file are kept; the file is replaced atomically.

Checks (errors reject the entry): unknown key, duplicate key, {{placeholders}} missing or extra, unbalanced
**bold**, a different number of "- " list lines than the source — the source the translator saw: for a file
exported before the source changed, its own source text, else the edition history (content/history/).
Also refused: a CSV cell that is a spreadsheet formula (=…, +…, @…), a cut-off CSV row, a translation whose
letters became "?" (a file saved as ANSI, not UTF-8), a control character, a file that is not UTF-8.
Warnings: paragraph count differs, an empty translation where one exists (it is kept), the source changed
since the export (imported, stays stale).
Entries still marked fuzzy / needs-review / stale keep their old hash: they stay stale until reviewed.

Options:
  --lang <code>    Target language; default from the file (PO "Language:", XLIFF target-language, or a CSV
                   named <code>.csv). gettext codes are read as BCP 47 (zh_Hans → zh-Hans, ar_SA → ar);
                   --lang overrides a file language that is not a project language.
  --content <dir>  Content folder (default ./content).
  --partial        Write the valid entries even when others have errors (exit code is still 1).
  --dry-run        Check only; write nothing.

Exit codes: 0 imported, 1 errors found (nothing written unless --partial), 2 usage error.

Example:
  rightsprint import exchange/ar.po
`,
  options: {
    lang: { type: 'string' },
    content: { type: 'string', default: 'content' },
    partial: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) {
      throw new UsageError('Name at least one file to import, e.g. `rightsprint import exchange/ar.po`.', ['See `rightsprint import --help`.']);
    }
    let failed = false;
    for (const name of positionals) {
      // Re-read per file: an earlier file in this run may have written the same language.
      const { workspace, diagnostics: contentProblems, otherErrors } = openWorkspace(resolve(io.cwd, values.content), values.content);
      if (!workspace) {
        printDiagnostics(io, contentProblems);
        return EXIT.content;
      }
      if (otherErrors > 0) io.err(contentNote(otherErrors));
      const format = formatOf(name);
      const path = resolve(io.cwd, name);
      if (!format) throw new UsageError(`Cannot tell the format of ${name}.`, ['Name a .po, .xlf, .xliff or .csv file.']);
      if (!existsSync(path)) throw new UsageError(`${name} does not exist.`);
      const decoded = decodeUtf8(readFileSync(path), name);
      if (decoded.text === undefined) {
        printDiagnostics(io, decoded.diagnostics);
        failed = true;
        continue;
      }
      const read = READERS[format](decoded.text, name);
      const problems: Diagnostic[] = [...read.diagnostics];
      const stem = basename(name, extname(name));
      const at = { file: name, line: 1, col: 1 };
      // A file that could not be read at all has no language to report on: its syntax error is the whole story.
      const unreadable = read.units.length === 0 && read.diagnostics.some((d) => d.severity === 'error');
      const { lang, diagnostics: languageProblems } = unreadable
        ? { lang: undefined, diagnostics: [] }
        : chooseLanguage(values.lang, read.language, stem, workspace, at);
      problems.push(...languageProblems);
      const plan =
        lang && !problems.some((p) => p.severity === 'error' && p.code === CODES.exchange.language)
          ? planImport(
              read.units,
              workspace.source,
              workspace.translations.get(lang),
              workspace.languageReview.get(lang),
              [...workspace.history.values()],
              languageInfo(lang)?.script,
            )
          : undefined;
      problems.push(...(plan?.diagnostics ?? []));
      printDiagnostics(io, problems);
      const hasErrors = problems.some((p) => p.severity === 'error');
      failed ||= hasErrors;
      if (!plan || !lang) continue;
      const target = translationPath(workspace.root, lang);
      const summary = `${name} → ${relative(io.cwd, target)}: ${plan.changes.length} updated, ${plan.stale.length} still stale, ${plan.untranslated.length} untranslated, ${plan.rejected.length} rejected`;
      if (hasErrors && !values.partial) {
        io.out(`${summary}; nothing written (fix the errors above, or use --partial to write the valid entries).`);
        continue;
      }
      if (values['dry-run'] || plan.changes.length === 0) {
        io.out(`${summary}${values['dry-run'] ? ' (dry run: nothing written)' : ''}.`);
        continue;
      }
      const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      const after = writeTranslation(before, lang, plan.changes, Object.keys(workspace.source.strings));
      if (after !== before) saveText(target, after);
      io.out(`${summary}.`);
    }
    return failed ? EXIT.content : EXIT.ok;
  },
});

/**
 * The language to import into: `--lang` when given, else the file's own (PO `Language:`, XLIFF
 * `target-language`), else a file named after its language (`ar.csv`). gettext-style codes are matched to the
 * project's BCP 47 codes (language-code.ts). `--lang` overrides a file language that names no project language
 * (warning RP2621); one that names ANOTHER project language is an error: that is the wrong file, not a bad header.
 */
function chooseLanguage(
  option: string | undefined,
  declared: string | undefined,
  stem: string,
  workspace: Workspace,
  at: SourceSpan,
): { lang?: string; diagnostics: Diagnostic[] } {
  const translatable = workspace.languages.filter((l) => l !== workspace.sourceLanguage);
  const resolve = (code: string) => resolveLanguage(code, translatable, hasOwnEntry);
  const fromFile = declared === undefined ? undefined : resolve(declared);
  const notProject = (code: string) =>
    error(CODES.exchange.language, `${code} is not a translation language of this project.`, at, [
      `Add it to languages: in project.yaml first (project languages: ${workspace.languages.join(', ')}).`,
    ]);
  if (option !== undefined) {
    const lang = resolve(option);
    if (lang === undefined) return { diagnostics: [notProject(option)] };
    if (fromFile !== undefined && fromFile !== lang)
      return {
        diagnostics: [
          error(CODES.exchange.language, `The file says its language is ${declared}, but --lang is ${option}.`, at, [
            'Check you picked the right file; fix the file header or --lang.',
          ]),
        ],
      };
    if (declared !== undefined && fromFile === undefined)
      return {
        lang,
        diagnostics: [
          warning(
            CODES.exchange.languageOverride,
            `The file says its language is "${declared}", which is not a language of this project; --lang ${option} is used instead.`,
            at,
            [`Fix the file's language (PO "Language: ${lang}", XLIFF target-language="${lang}") to import it without --lang.`],
          ),
        ],
      };
    return { lang, diagnostics: [] };
  }
  if (declared !== undefined) {
    if (fromFile !== undefined) return { lang: fromFile, diagnostics: [] };
    const bcp47 = toBcp47(declared);
    return {
      diagnostics: [
        error(
          CODES.exchange.language,
          `The file's language "${declared}"${bcp47 !== declared ? ` (${bcp47} in BCP 47)` : ''} is not a translation language of this project.`,
          at,
          [`Pass --lang <code> to say which project language it is (project languages: ${translatable.join(', ')}).`],
        ),
      ],
    };
  }
  const fromName = resolve(stem);
  if (fromName !== undefined) return { lang: fromName, diagnostics: [] };
  if (languageInfo(stem)) return { diagnostics: [notProject(stem)] };
  return {
    diagnostics: [
      error(CODES.exchange.language, 'The file does not say which language it is in.', at, [
        'Pass --lang <code>, or name a CSV file after its language (e.g. ar.csv).',
      ]),
    ],
  };
}

function formatOf(name: string): ExchangeFormat | undefined {
  const ext = extname(name).toLowerCase();
  return (Object.keys(FORMAT_EXTENSIONS) as ExchangeFormat[]).find((f) => FORMAT_EXTENSIONS[f].includes(ext));
}
