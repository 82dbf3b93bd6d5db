import type { ContentDoc, Edition } from '../content/types.ts';
import { localize, type LocalizeResult } from '../i18n/localize.ts';

/**
 * One localisation per (content, edition, language) in this thread. The build localises every language once to
 * find the ones blocked by policy, and each of a language's jobs (card, leaflet, poster) needs the very same
 * result: localising again re-resolved every string, re-parsed its markup and re-checked the policy each time.
 * A loaded ContentDoc is never changed afterwards, so its identity stands for its content; a new load (another
 * build, a rewritten fixture) is a new object and starts afresh. Workers get their own copy of the content and
 * localise once per language there.
 */
const byContent = new WeakMap<ContentDoc, Map<string, LocalizeResult>>();

/** `localize`, answered from memory when this content object was localised for the edition and language before. */
export function localized(content: ContentDoc, edition: Edition, lang: string): LocalizeResult {
  let memo = byContent.get(content);
  if (!memo) byContent.set(content, (memo = new Map()));
  const key = `${edition.name}\u0000${lang}`;
  let result = memo.get(key);
  if (!result) {
    result = localize(content, edition, lang);
    memo.set(key, result);
  }
  return result;
}

/**
 * Records a localisation made elsewhere (a worker thread is handed the main thread's, as plain data), so
 * `localized` answers with it instead of localising again.
 */
export function rememberLocalized(content: ContentDoc, edition: Edition, lang: string, result: LocalizeResult): void {
  let memo = byContent.get(content);
  if (!memo) byContent.set(content, (memo = new Map()));
  memo.set(`${edition.name}\u0000${lang}`, result);
}
