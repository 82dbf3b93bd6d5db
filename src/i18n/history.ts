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
