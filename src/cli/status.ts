import { loadContent } from '../content/load.ts';
import type { ContentDoc } from '../content/types.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { outdatedSnapshot } from '../i18n/history.ts';
import { translationStatus, type LanguageStatus } from '../i18n/status.ts';
import { folderOption, sharedOptions, helpText, parseList, requireKnown } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

const NAMES = ['content', 'lang', 'json', 'previous'] as const;

export const statusCommand: Command = defineCommand({
  name: 'status',
  summary: 'Show translated / missing / stale counts and review status per language',
  help: helpText(
    'rightsprint status [options]',
    [
      'Per language: strings translated, missing and stale (translated from an older source text), review status',
      '(per language, and who reviewed which strings), what the print policy does with the gaps, and every stale',
      'string with its current source text and the old one it was translated from (found in the edition history,',
      'content/history/<version>.yaml, written by `rightsprint snapshot`; or in --previous).',
      'Exit 1 when the policy says some language cannot be printed (policy fail with gaps), else 0.',
    ].join('\n'),
    ['content', 'lang', 'json', 'previous'],
    ['rightsprint status', 'rightsprint status --lang ar,fa --json', 'rightsprint status --previous ../content-2026.1'],
  ),
  options: sharedOptions(NAMES),
  async run({ values }, io) {
    const folder = folderOption(values.content, 'content', io);
    const loaded = loadContent(folder.abs, { display: folder.display });
    if (!loaded.content || hasErrors(loaded.diagnostics)) {
      printDiagnostics(io, loaded.diagnostics);
      return EXIT.content;
    }
    const content = loaded.content;
    const all = [content.project.sourceLanguage, ...content.project.languages.map((l) => l.code)];
    const langs = parseList(values.lang, 'lang');
    requireKnown('language', langs, all);
    let previous: ContentDoc | undefined;
    if (values.previous !== undefined) {
      const prev = folderOption(values.previous, values.previous, io);
      previous = loadContent(prev.abs, { display: prev.display }).content;
      if (!previous) io.err(`note: ${prev.display} is not a readable content folder; old source texts are not shown.`);
    }
    const status = translationStatus(
      content,
      all.filter((l) => !langs || langs.includes(l)),
      previous,
    );
    const drift = outdatedSnapshot(content);
    if (drift) printDiagnostics(io, [drift]);
    const blocked = status.filter((s) => !s.printable);
    if (values.json) {
      io.out(
        JSON.stringify(
          { version: content.project.version, sourceLanguage: content.project.sourceLanguage, policy: content.project.policy, languages: status },
          null,
          2,
        ),
      );
    } else {
      for (const line of statusTable(content, status)) io.out(line);
    }
    return blocked.length > 0 ? EXIT.content : EXIT.ok;
  },
});

/** Human-readable status: one row per language, then the stale strings of each language. */
function statusTable(content: ContentDoc, status: readonly LanguageStatus[]): string[] {
  const { policy, version } = content.project;
  const lines = [`Content ${version} — policy: stale → ${policy.stale}, missing → ${policy.missing}`, ''];
  const header = ['lang', 'language', 'translated', 'missing', 'stale', 'review', 'prints'];
  const rows = status.map((s) => [
    s.code,
    s.name,
    `${s.translated}/${s.total}`,
    String(s.missing),
    String(s.stale),
    s.review === 'reviewed'
      ? `reviewed${s.reviewedBy ? ` (${s.reviewedBy}${s.reviewedOn ? `, ${s.reviewedOn}` : ''})` : ''}`
      : `draft (${s.reviewedStrings} strings reviewed)`,
    { complete: 'complete', fallback: 'with fallbacks', keep: 'keeps stale', blocked: 'BLOCKED' }[s.outcome],
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  lines.push(fmt(header), ...rows.map(fmt));
  const reviewed = status.filter((s) => s.reviewers.length > 0);
  if (reviewed.length > 0) {
    lines.push('', 'Strings reviewed one by one (current strings only):');
    for (const s of reviewed) {
      const who = s.reviewers.map((r) => `${r.strings} by ${r.name}${r.latest ? ` (latest ${r.latest})` : ''}`).join('; ');
      lines.push(`  ${s.code}  ${who}`);
    }
  }
  for (const s of status) {
    if (s.staleStrings.length === 0) continue;
    lines.push('', `${s.name} (${s.code}) — stale strings:`);
    for (const st of s.staleStrings) {
      lines.push(`  ${st.key}`);
      lines.push(`    source now: ${oneLine(st.source)}`);
      lines.push(`    source was: ${st.oldSource !== undefined ? oneLine(st.oldSource) : UNKNOWN_OLD_SOURCE}`);
      lines.push(`    translation: ${oneLine(st.translation)}`);
    }
  }
  const blocked = status.filter((s) => !s.printable);
  if (blocked.length > 0) lines.push('', `Cannot print under policy fail: ${blocked.map((s) => s.code).join(', ')}.`);
  return lines;
}

/** Shown when neither the edition history nor --previous has the text a stale translation was made from. */
const UNKNOWN_OLD_SOURCE =
  '(unknown: no snapshot in history/ has it — run `rightsprint snapshot` before editing the guidance, or pass --previous <earlier content folder>)';

function oneLine(text: string): string {
  return text.replace(/\n+/gu, ' ⏎ ');
}
