import type { SourceGuidance, TranslationFile } from '../../content/types.ts';
import type { TranslationChange } from '../../content/write-translation.ts';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { sourceHash } from '../hash.ts';
import { CODES } from '../../diagnostics/codes.ts';
import { translationState } from '../translation-state.ts';

/** One line of what `accept` did. */
export interface Accepted {
  readonly key: string;
  /** Status before accepting. */
  readonly was: 'current' | 'stale';
  readonly fromHash: string;
  readonly toHash: string;
  /** Marked reviewed by the reviewer given to `accept --by`. */
  readonly reviewed: boolean;
}

/** Who reviewed the accepted strings and when (`accept --by`), stored per string as reviewedBy/reviewedOn. */
export interface Reviewer {
  readonly by: string;
  /** `YYYY-MM-DD`. */
  readonly on: string;
}

/**
 * After a reviewer has checked that a translation still says what the current source says: restamp the
 * current source hash on `keys` (all stale keys when none are given) and, with a `reviewer`, set
 * `review: reviewed`, `reviewedBy` and `reviewedOn` (a current string already reviewed by the same person is left
 * as it is). Pure. Unknown or untranslated keys are errors (nothing to accept).
 */
export function planAccept(
  source: SourceGuidance,
  translation: TranslationFile | undefined,
  keys: readonly string[],
  reviewer?: Reviewer,
): { changes: TranslationChange[]; accepted: Accepted[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const changes: TranslationChange[] = [];
  const accepted: Accepted[] = [];
  const wanted =
    keys.length > 0 ? keys : Object.keys(source.strings).filter((k) => translationState(source.strings[k] ?? '', translation?.strings[k]) === 'stale');
  for (const key of wanted) {
    const text = source.strings[key];
    const stored = translation?.strings[key];
    if (text === undefined) {
      diagnostics.push(
        error(CODES.exchange.acceptKey, `"${key}" is not a key of the source guidance.`, undefined, [
          'List keys exactly as in guidance; `rightsprint status` shows the stale ones.',
        ]),
      );
      continue;
    }
    const status = translationState(text, stored);
    if (status === 'missing' || !stored) {
      diagnostics.push(
        error(CODES.exchange.acceptKey, `"${key}" has no translation to accept.`, undefined, ['Translate it first (rightsprint export / import).']),
      );
      continue;
    }
    const toHash = sourceHash(text);
    const newReview = reviewer !== undefined && (stored.review !== 'reviewed' || stored.reviewedBy !== reviewer.by);
    if (stored.source === toHash && !newReview) continue;
    const review = reviewer ? { review: 'reviewed' as const, reviewedBy: reviewer.by, reviewedOn: reviewer.on } : {};
    changes.push({ key, text: stored.text, source: toHash, ...review });
    accepted.push({ key, was: status, fromHash: stored.source, toHash, reviewed: reviewer !== undefined });
  }
  return { changes, accepted, diagnostics };
}
