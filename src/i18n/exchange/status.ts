import type { TranslatedString } from '../../content/types.ts';
import { sourceHash } from '../hash.ts';
import type { TranslationStatus } from './types.ts';

/**
 * Status of one key in one language, from the stored hash alone (no git history needed):
 * missing = no entry or only whitespace; stale = stored hash differs from the hash of the current source text.
 */
export function translationStatus(sourceText: string, stored: TranslatedString | undefined): TranslationStatus {
  if (!stored || stored.text.trim() === '') return 'missing';
  return stored.source === sourceHash(sourceText) ? 'current' : 'stale';
}
