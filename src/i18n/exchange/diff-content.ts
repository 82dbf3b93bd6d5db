import type { TranslationFile } from '../../content/types.ts';
import { sourceHash } from '../hash.ts';
import type { EarlierSource } from '../history.ts';
import { translationState } from '../translation-state.ts';

/** How one changed key affects each language. */
export interface ChangedKey {
  readonly key: string;
  readonly oldHash: string;
  readonly newHash: string;
  /** Languages whose translation matched the old source: the change makes them stale. */
  readonly madeStale: readonly string[];
  /** Languages already stale before the change (translated from an even older source). */
  readonly alreadyStale: readonly string[];
  /** Languages already updated for the new source (e.g. translated ahead of the edition). */
  readonly alreadyCurrent: readonly string[];
  /** Languages without a translation. */
  readonly missing: readonly string[];
}

export interface ContentDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ChangedKey[];
}

/**
 * Source keys added, removed and changed between two editions (an earlier content folder or a history snapshot,
 * and the current guidance), and, for each changed key, which of `languages` the change makes stale. Compares by
 * source hash, so whitespace-only edits at the end of a string do not count. Pure; keys in the new source's order,
 * removed keys in the old order.
 */
export function diffContent(
  oldSource: EarlierSource,
  newSource: EarlierSource,
  translations: ReadonlyMap<string, TranslationFile>,
  languages: readonly string[],
): ContentDiff {
  const added = Object.keys(newSource.strings).filter((k) => !(k in oldSource.strings));
  const removed = Object.keys(oldSource.strings).filter((k) => !(k in newSource.strings));
  const changed: ChangedKey[] = [];
  for (const [key, text] of Object.entries(newSource.strings)) {
    const before = oldSource.strings[key];
    if (before === undefined) continue;
    const oldHash = sourceHash(before);
    const newHash = sourceHash(text);
    if (oldHash === newHash) continue;
    const madeStale: string[] = [];
    const alreadyStale: string[] = [];
    const alreadyCurrent: string[] = [];
    const missing: string[] = [];
    for (const lang of languages) {
      const stored = translations.get(lang)?.strings[key];
      const state = translationState(text, stored);
      if (state === 'missing') missing.push(lang);
      else if (state === 'current') alreadyCurrent.push(lang);
      else if (stored?.source === oldHash) madeStale.push(lang);
      else alreadyStale.push(lang);
    }
    changed.push({ key, oldHash, newHash, madeStale, alreadyStale, alreadyCurrent, missing });
  }
  return { added, removed, changed };
}
