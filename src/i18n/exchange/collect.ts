import type { SourceGuidance, TranslationFile } from '../../content/types.ts';
import { sourceHash } from '../hash.ts';
import { oldSourceText, type EarlierSource } from '../history.ts';
import { translationState } from '../translation-state.ts';
import type { ExchangeEntry } from './types.ts';

/**
 * The entries to export for one language, in source key order.
 * `earlier` lists older source guidance (the edition history, an earlier edition's content folder): for a stale
 * key, the old text whose hash equals the stored hash is attached so PO can show it as `#| msgid` and XLIFF as a note.
 */
export function collectEntries(source: SourceGuidance, translation: TranslationFile | undefined, earlier: readonly EarlierSource[] = []): ExchangeEntry[] {
  return Object.entries(source.strings).map(([key, text]) => {
    const stored = translation?.strings[key];
    const status = translationState(text, stored);
    const previousSource = status === 'stale' && stored ? oldSourceText(earlier, key, stored.source) : undefined;
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
