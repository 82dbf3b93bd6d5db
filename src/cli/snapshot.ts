import { join, relative } from 'node:path';
import { historyFile } from '../content/history-file.ts';
import { loadContent } from '../content/load.ts';
import type { HistorySnapshot } from '../content/types.ts';
import { writeSnapshot } from '../content/write-snapshot.ts';
import { CODES } from '../diagnostics/codes.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { saveText } from '../i18n/exchange/save.ts';
import { changedKeys } from '../i18n/history.ts';
import { folderOption, sharedOptions } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

/** A version becomes a file name: no path separators, no leading dot (project.yaml `version`, e.g. 2026.1). */
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/u;

export const snapshotCommand: Command = defineCommand({
  name: 'snapshot',
  summary: 'Save the source guidance of the current version into content/history/<version>.yaml',
  help: `Usage: rightsprint snapshot [--content <dir>] [--force]

Writes content/history/<version>.yaml: every source guidance string as it is now, with the project's version
and date. Run it when an edition is final, BEFORE editing the guidance for the next version. Later, \`status\`,
\`export\` and \`import\` find the old source text a stale translation was made from in these snapshots (by
its stored hash), and \`rightsprint diff --since <version>\` lists what changed since.

Writing the same snapshot again changes nothing. A different snapshot of the same version is refused: the
guidance was edited without raising \`version\` in project.yaml. The file is replaced atomically.

Options:
  --content <dir>  Content folder (default ./content).
  --force          Replace a different snapshot of the same version (e.g. one taken after the edit by mistake).

Example:
  rightsprint snapshot --content content
`,
  options: sharedOptions(['content', 'force']),
  async run({ values }, io) {
    const { abs, display } = folderOption(values.content, 'content', io);
    const { content, diagnostics } = loadContent(abs, { display });
    const { project, source } = content ?? { project: undefined, source: undefined };
    const sourceRel = `guidance/${project?.sourceLanguage ?? 'en'}.yaml`;
    // Only problems in the files the snapshot copies stop it; a broken translation or edition does not matter here.
    const inputs = new Set([`${display}/project.yaml`, `${display}/${sourceRel}`]);
    const blocking = diagnostics.filter((d) => d.severity === 'error' && (!d.span || inputs.has(d.span.file)));
    if (!content || !project || !source || blocking.length > 0) {
      printDiagnostics(io, blocking.length > 0 ? blocking : [...diagnostics]);
      io.err('Nothing written: fix project.yaml and the source guidance first (a snapshot of a broken file is no record).');
      return EXIT.content;
    }
    if (!SAFE_VERSION.test(project.version)) {
      printDiagnostics(io, [
        error(CODES.content.badValue, `project.yaml version \`${project.version}\` cannot name a snapshot file.`, content.spans.get('project.yaml#version'), [
          'Use letters, digits, dots and dashes, e.g. "2026.1".',
        ]),
      ]);
      return EXIT.content;
    }
    const snapshot: HistorySnapshot = { version: project.version, date: project.date, language: source.language, strings: source.strings };
    const rel = historyFile(snapshot.version);
    const target = join(content.root, rel);
    const shown = relative(io.cwd, target) || target;
    const existing = content.history?.get(snapshot.version);
    if (existing) {
      const conflict = conflictWith(existing, snapshot, `${display}/${rel}`, content.spans.get(`${rel}#version`));
      if (!conflict) {
        io.out(`${shown} already holds this snapshot of ${snapshot.version}; nothing written.`);
        return EXIT.ok;
      }
      if (!values.force) {
        const fileProblems = diagnostics.filter((d) => d.span?.file === `${display}/${rel}`);
        printDiagnostics(io, [...fileProblems, conflict]);
        return EXIT.content;
      }
      io.err(`note: replacing the different snapshot in ${shown} (--force).`);
    }
    saveText(target, writeSnapshot(snapshot, sourceRel));
    io.out(`Wrote ${shown}: ${Object.keys(snapshot.strings).length} strings of ${sourceRel} at version ${snapshot.version} (${snapshot.date}).`);
    return EXIT.ok;
  },
});

/** Why an existing snapshot of the same version is not the one `snapshot` would write; undefined when it is. */
function conflictWith(existing: HistorySnapshot, wanted: HistorySnapshot, file: string, span: Diagnostic['span']): Diagnostic | undefined {
  const keys = changedKeys(existing, wanted);
  const fields = (['version', 'date', 'language'] as const).filter((f) => existing[f] !== wanted[f]);
  if (keys.length === 0 && fields.length === 0) return undefined;
  const what = [
    ...(keys.length > 0 ? [`${keys.length} string(s) differ: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`] : []),
    ...fields.map((f) => `${f} is ${existing[f] || '(none)'}, now ${wanted[f]}`),
  ].join('; ');
  return error(
    CODES.i18n.snapshotConflict,
    `This file holds a different snapshot of version ${wanted.version} (${what}); nothing written.`,
    span ?? { file, line: 1, col: 1 },
    [
      `If the guidance was edited for the next edition, raise \`version\` (and \`date\`) in project.yaml first: the ${wanted.version} snapshot is what stale translations are traced back to, so it must stay as it was printed.`,
      'If this snapshot was taken after the edit by mistake, run `rightsprint snapshot --force` to replace it.',
    ],
  );
}
