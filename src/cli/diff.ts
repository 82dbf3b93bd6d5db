import { resolve } from 'node:path';
import { diffContent, type ContentDiff } from '../i18n/exchange/diff-content.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { openWorkspace } from '../i18n/exchange/workspace.ts';
import { UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

export const diffCommand: Command = defineCommand({
  name: 'diff',
  summary: 'List source strings added, removed and changed since an earlier content folder, and which translations go stale',
  help: `Usage: rightsprint diff <old-content-dir> [--content <dir>] [--json]
       rightsprint diff --since <version> [--content <dir>] [--json]

Compares the source guidance of an earlier edition with the current one: an earlier content folder (e.g. a
copy of the last printed edition), or with --since the snapshot of that version in the edition history
(content/history/<version>.yaml, written by \`rightsprint snapshot\`). For each changed key it lists the
languages whose translation the change makes stale (they matched the old text), those already stale before,
and those with no translation.

Options:
  --since <version>  Compare with the history snapshot of this version instead of a folder.
  --content <dir>    Current content folder (default ./content).
  --json             Print the result as JSON.

Example:
  rightsprint diff --since 2026.1
  rightsprint diff ../editions/2026.1/content --content content
`,
  options: {
    content: { type: 'string', default: 'content' },
    json: { type: 'boolean', default: false },
    since: { type: 'string' },
  },
  positionals: true,
  async run(parsed, io) {
    const [oldDir, ...extra] = parsed.positionals;
    const since = parsed.values.since;
    if ((oldDir === undefined) === (since === undefined) || extra.length > 0) {
      throw new UsageError('Name exactly one earlier edition: a content folder or a version in the edition history.', [
        'E.g. `rightsprint diff old/content`, or `rightsprint diff --since 2026.1`.',
      ]);
    }
    const before = oldDir !== undefined ? openWorkspace(resolve(io.cwd, oldDir), oldDir) : undefined;
    const after = openWorkspace(resolve(io.cwd, parsed.values.content), parsed.values.content);
    if ((before && !before.workspace) || !after.workspace) {
      printDiagnostics(io, [...(before?.diagnostics ?? []), ...after.diagnostics]);
      return EXIT.content;
    }
    const current = after.workspace;
    const old = before?.workspace ? { version: before.workspace.version, strings: before.workspace.source.strings } : current.history.get(since ?? '');
    if (!old) {
      const known = [...current.history.keys()];
      const suggestion = didYouMean(since ?? '', known);
      throw new UsageError(`The edition history of ${parsed.values.content} has no snapshot of version ${since}.`, [
        `${suggestion ? `Did you mean --since ${suggestion}? ` : ''}${known.length > 0 ? `Snapshots: ${known.join(', ')}.` : 'There is no history/ folder yet: `rightsprint snapshot` writes one for the current version.'}`,
      ]);
    }
    const languages = [...new Set([...current.languages, ...current.translations.keys()])].filter((l) => l !== current.sourceLanguage);
    const diff = diffContent(old, current.source, current.translations, languages);
    if (parsed.values.json) {
      io.out(JSON.stringify({ from: old.version, to: current.version, ...diff }, null, 2));
      return EXIT.ok;
    }
    describe(diff, old.version, current.version).forEach((l) => io.out(l));
    return EXIT.ok;
  },
});

function describe(diff: ContentDiff, from: string, to: string): string[] {
  const lines = [`Source changes from version ${from || '?'} to ${to || '?'}:`];
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return [...lines, '  none'];
  lines.push(`  added    ${diff.added.length}${diff.added.length ? `: ${diff.added.join(', ')}` : ''}`);
  lines.push(`  removed  ${diff.removed.length}${diff.removed.length ? `: ${diff.removed.join(', ')}` : ''}`);
  lines.push(`  changed  ${diff.changed.length}`);
  for (const c of diff.changed) {
    const list = (l: readonly string[]) => (l.length ? l.join(', ') : 'none');
    lines.push(`    ${c.key}  (${c.oldHash} → ${c.newHash})`);
    lines.push(`      made stale: ${list(c.madeStale)}`);
    if (c.alreadyStale.length) lines.push(`      already stale: ${list(c.alreadyStale)}`);
    if (c.alreadyCurrent.length) lines.push(`      already updated: ${list(c.alreadyCurrent)}`);
    if (c.missing.length) lines.push(`      not translated: ${list(c.missing)}`);
  }
  return lines;
}
