import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { writeTranslation } from '../content/write-translation.ts';
import { planAccept } from '../i18n/exchange/plan-accept.ts';
import { reviewDate } from '../i18n/exchange/review-date.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { saveText } from '../i18n/exchange/save.ts';
import { contentNote, openWorkspace, translationPath } from '../i18n/exchange/workspace.ts';
import { EXIT, type CliIO, type Command } from './command.ts';
import { parseCommandLine } from './args.ts';

export const acceptCommand: Command = {
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
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(acceptCommand.help);
      return EXIT.ok;
    }
    const parsed = parseCommandLine(argv, { by: { type: 'string' }, content: { type: 'string', default: 'content' } }, 'accept', true);
    const [lang, ...keys] = parsed.positionals;
    if (!lang) {
      io.err('rightsprint accept: name the language, e.g. `rightsprint accept ar`.');
      return EXIT.usage;
    }
    const { workspace, diagnostics, otherErrors } = openWorkspace(resolve(io.cwd, parsed.values.content), parsed.values.content);
    if (!workspace) {
      formatDiagnostics(diagnostics).forEach((l) => io.err(l));
      return EXIT.content;
    }
    if (otherErrors > 0) io.err(contentNote(otherErrors));
    if (!workspace.languages.includes(lang)) {
      io.err(`rightsprint accept: ${lang} is not a translation language of this project (${workspace.languages.join(', ')}).`);
      return EXIT.usage;
    }
    const by = parsed.values.by?.trim();
    if (by === '') {
      io.err('rightsprint accept: --by needs the reviewer\'s name, e.g. --by "Amal K.".');
      return EXIT.usage;
    }
    const on = by !== undefined ? reviewDate() : '';
    if (on === undefined) {
      io.err(`rightsprint accept: SOURCE_DATE_EPOCH is "${process.env.SOURCE_DATE_EPOCH}", not a whole number of seconds.`);
      io.err('    hint: set it to an integer such as 1767225600, or unset it to record today\'s date.');
      return EXIT.usage;
    }
    const plan = planAccept(workspace.source, workspace.translations.get(lang), keys, by !== undefined ? { by, on } : undefined);
    formatDiagnostics(plan.diagnostics).forEach((l) => io.err(l));
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
};
