import { historyFile } from '../content/history-file.ts';
import type { ContentDoc } from '../content/types.ts';
import { CODES } from '../diagnostics/codes.ts';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { sourceHash } from './hash.ts';

/** Source guidance at some earlier point: a history snapshot, or the guidance of an earlier content folder. */
export interface EarlierSource {
  readonly strings: Readonly<Record<string, string>>;
}

/**
 * The old source text a stale translation was made from: the text of `key` whose hash is the stored `hash`,
 * looked up in `earlier` (the content folder's edition history, plus any `--previous` folder) in order.
 * Undefined when no earlier source has it (the guidance was edited without a snapshot being taken first).
 */
export function oldSourceText(earlier: readonly EarlierSource[], key: string, hash: string): string | undefined {
  for (const source of earlier) {
    const text = source.strings[key];
    if (text !== undefined && sourceHash(text) === hash) return text;
  }
  return undefined;
}

/**
 * Keys added, removed or changed between two versions of the source guidance, by source hash (as staleness
 * counts them: trailing whitespace alone is no change). Keys of `after` first, in its order, then removed keys.
 */
export function changedKeys(before: EarlierSource, after: EarlierSource): string[] {
  const keys = [...new Set([...Object.keys(after.strings), ...Object.keys(before.strings)])];
  return keys.filter((k) => {
    const was = before.strings[k];
    const now = after.strings[k];
    return was === undefined || now === undefined || sourceHash(was) !== sourceHash(now);
  });
}

/**
 * A warning when the guidance no longer matches the snapshot of the project's current version: it was edited
 * without raising `version`, so two different texts would print under one edition label, and the snapshot no
 * longer records what that version said. Reported by `status` (not by every load: drafting would warn each build).
 */
export function outdatedSnapshot(content: ContentDoc): Diagnostic | undefined {
  const { project, source } = content;
  const snapshot = content.history?.get(project.version);
  if (!snapshot) return undefined;
  const changed = changedKeys(snapshot, source);
  if (changed.length === 0) return undefined;
  const shown = changed.slice(0, KEYS_SHOWN).join(', ') + (changed.length > KEYS_SHOWN ? ` … and ${changed.length - KEYS_SHOWN} more` : '');
  return warning(
    CODES.i18n.historyOutdated,
    `guidance/${project.sourceLanguage}.yaml differs from ${historyFile(project.version)}, the snapshot of the current version ${project.version}: ${shown}.`,
    content.spans.get('project.yaml#version'),
    [
      `Raise \`version\` (and \`date\`) in project.yaml before printing: every copy labelled ${project.version} must say the same thing.`,
      'If the snapshot was taken after the edit by mistake, run `rightsprint snapshot --force` to replace it.',
    ],
  );
}

/** How many changed keys the warning names before summarising the rest. */
const KEYS_SHOWN = 5;
