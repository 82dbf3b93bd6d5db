import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { writeTranslation } from '../content/write-translation.ts';
import { planAccept } from '../i18n/exchange/plan-accept.ts';
import { reviewDate } from '../i18n/exchange/review-date.ts';
import { saveText } from '../i18n/exchange/save.ts';
import { contentNote, openWorkspace, translationPath } from '../i18n/exchange/workspace.ts';
import { UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

export const acceptCommand: Command = defineCommand({
  name: 'accept',
  summary: 'Mark reviewed translations as current (restamp their source hash)',
  help: `Usage: rightsprint accept <lang> [<key>…] [--by "Name"] [--content <dir>]

After a reviewer has checked that a stale translation still says what the current source text says (for
example, the English changed only a comma), mark it current: its stored source hash is set to the hash of
the current source text. With no keys, every stale key of the language is accepted. Prints each change.

Options:
  --by <name>      Also mark the accepted strings reviewed: each gets "review: reviewed", "reviewedBy: <name>"
                   and "reviewedOn: <date>" (today; the UTC date of SOURCE_DATE_EPOCH when that is set).
                   \`rightsprint status\` counts the strings each reviewer signed off.
  --content <dir>  Content folder (default ./content).

Example:
  rightsprint accept ar street.body home.body --by "Amal K."
`,
  options: { by: { type: 'string' }, content: { type: 'string', default: 'content' } },
  positionals: true,
  async run({ values, positionals }, io) {
    const [lang, ...keys] = positionals;
    if (!lang) throw new UsageError('Name the language, e.g. `rightsprint accept ar`.', ['See `rightsprint accept --help`.']);
    const { workspace, diagnostics, otherErrors } = openWorkspace(resolve(io.cwd, values.content), values.content);
    if (!workspace) {
      printDiagnostics(io, diagnostics);
      return EXIT.content;
    }
    if (otherErrors > 0) io.err(contentNote(otherErrors));
    if (!workspace.languages.includes(lang)) {
      throw new UsageError(`${lang} is not a translation language of this project.`, [`Project languages: ${workspace.languages.join(', ')}.`]);
    }
    const by = values.by?.trim();
    if (by === '') throw new UsageError('--by needs the reviewer\'s name, e.g. --by "Amal K.".');
    const on = by !== undefined ? reviewDate() : '';
    if (on === undefined) {
      throw new UsageError(`SOURCE_DATE_EPOCH is "${process.env.SOURCE_DATE_EPOCH}", not a whole number of seconds.`, [
        "Set it to an integer such as 1767225600, or unset it to record today's date.",
      ]);
    }
    const plan = planAccept(workspace.source, workspace.translations.get(lang), keys, by !== undefined ? { by, on } : undefined);
    printDiagnostics(io, plan.diagnostics);
    if (plan.diagnostics.some((d) => d.severity === 'error')) {
      io.out('Nothing accepted: fix the keys above.');
      return EXIT.content;
    }
    if (plan.accepted.length === 0) {
      io.out(`${lang}: nothing to accept${keys.length === 0 ? ' (no stale translations)' : ' (already current)'}.`);
      return EXIT.ok;
    }
    const target = translationPath(workspace.root, lang);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    saveText(target, writeTranslation(before, lang, plan.changes, Object.keys(workspace.source.strings)));
    for (const a of plan.accepted) {
      const what = a.was === 'stale' ? `stale → current (source ${a.fromHash} → ${a.toHash})` : 'already current';
      io.out(`${lang}  ${a.key}  ${what}${a.reviewed ? `, reviewed by ${by} on ${on}` : ''}`);
    }
    io.out(`${plan.accepted.length} string(s) accepted in ${relative(io.cwd, target)}.`);
    return EXIT.ok;
  },
});
