import type { TranslatedString } from '../content/types.ts';
import { sourceHash } from './hash.ts';

/** How one key of one language relates to the current source text, before policy. */
export type TranslationState = 'source' | 'current' | 'stale' | 'missing';

/** The state of a stored translation (a translation language, so never `source`). */
export type StoredState = Exclude<TranslationState, 'source'>;

/**
 * The one staleness rule, shared by localize (what prints), status, export, import, accept and diff, from the
 * stored hash alone (no git history needed): no entry or only whitespace is `missing` (an empty string must
 * not print as a translation); a stored hash different from the hash of the current source text is `stale`;
 * otherwise `current`.
 */
export function translationState(sourceText: string, stored: TranslatedString | undefined): StoredState {
  if (!stored || stored.text.trim() === '') return 'missing';
  return stored.source === sourceHash(sourceText) ? 'current' : 'stale';
}
