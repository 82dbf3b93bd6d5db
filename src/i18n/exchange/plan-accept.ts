import type { SourceGuidance, TranslationFile } from '../../content/types.ts';
import type { TranslationChange } from '../../content/write-translation.ts';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { sourceHash } from '../hash.ts';
import { CODES } from './codes.ts';
import { translationStatus } from './status.ts';

/** One line of what `accept` did. */
export interface Accepted {
  readonly key: string;
  /** Status before accepting. */
  readonly was: 'current' | 'stale';
  readonly fromHash: string;
  readonly toHash: string;
  readonly reviewed: boolean;
}

/**
 * After a reviewer has checked that a translation still says what the current source says: restamp the
 * current source hash on `keys` (all stale keys when none are given) and, when `markReviewed`, set
 * `review: reviewed`. Pure. Unknown or untranslated keys are errors (nothing to accept).
 */
export function planAccept(
  source: SourceGuidance,
  translation: TranslationFile | undefined,
  keys: readonly string[],
  markReviewed: boolean,
): { changes: TranslationChange[]; accepted: Accepted[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const changes: TranslationChange[] = [];
  const accepted: Accepted[] = [];
  const wanted =
    keys.length > 0
      ? keys
      : Object.keys(source.strings).filter((k) => translationStatus(source.strings[k] ?? '', translation?.strings[k]) === 'stale');
  for (const key of wanted) {
    const text = source.strings[key];
    const stored = translation?.strings[key];
    if (text === undefined) {
      diagnostics.push(error(CODES.acceptKey, `"${key}" is not a key of the source guidance.`, undefined, [
        'List keys exactly as in guidance; `rightsprint status` shows the stale ones.',
      ]));
      continue;
    }
    const status = translationStatus(text, stored);
    if (status === 'missing' || !stored) {
      diagnostics.push(error(CODES.acceptKey, `"${key}" has no translation to accept.`, undefined, [
        'Translate it first (rightsprint export / import).',
      ]));
      continue;
    }
    const toHash = sourceHash(text);
    const reviewed = markReviewed && stored.review !== 'reviewed';
    if (stored.source === toHash && !reviewed) continue;
    changes.push({ key, text: stored.text, source: toHash, ...(markReviewed ? { review: 'reviewed' as const } : {}) });
    accepted.push({ key, was: status, fromHash: stored.source, toHash, reviewed: markReviewed });
  }
  return { changes, accepted, diagnostics };
}
