import type { SourceGuidance, TranslationFile } from '../../content/types.ts';
import { sourceHash } from '../hash.ts';
import { translationStatus } from './status.ts';
import type { ExchangeEntry } from './types.ts';

/**
 * The entries to export for one language, in source key order.
 * `previousSources` lists older source guidance (e.g. an earlier edition's content folder): for a stale key, the
 * old text whose hash equals the stored hash is attached so PO can show it as `#| msgid` and XLIFF as a note.
 */
export function collectEntries(
  source: SourceGuidance,
  translation: TranslationFile | undefined,
  previousSources: readonly SourceGuidance[] = [],
): ExchangeEntry[] {
  return Object.entries(source.strings).map(([key, text]) => {
    const stored = translation?.strings[key];
    const status = translationStatus(text, stored);
    const previousSource =
      status === 'stale' && stored ? findPrevious(key, stored.source, previousSources) : undefined;
    return {
      key,
      source: text,
      sourceHash: sourceHash(text),
      translation: status === 'missing' ? '' : (stored?.text ?? ''),
      status,
      ...(stored && status !== 'missing' ? { storedHash: stored.source } : {}),
      ...(previousSource !== undefined ? { previousSource } : {}),
      ...(stored?.review ? { review: stored.review } : {}),
    };
  });
}

function findPrevious(key: string, hash: string, previous: readonly SourceGuidance[]): string | undefined {
  for (const guidance of previous) {
    const old = guidance.strings[key];
    if (old !== undefined && sourceHash(old) === hash) return old;
  }
  return undefined;
}
