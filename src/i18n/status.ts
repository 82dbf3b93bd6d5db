import { materialKeys } from '../content/validate.ts';
import type { ContentDoc, ReviewStatus } from '../content/types.ts';
import { DEFAULT_EDITION } from '../content/load.ts';
import { sourceHash } from './hash.ts';
import { languageInfo } from './languages.ts';
import { languageReview, policyDiagnostics, translationState, type TranslationState } from './localize.ts';

export interface StaleString {
  readonly key: string;
  /** The current source text. */
  readonly source: string;
  /** The source text it was translated from, when an earlier content folder was given and has it. */
  readonly oldSource?: string;
  /** The outdated translation. */
  readonly translation: string;
}

/** Where one language stands against the current source guidance. */
export interface LanguageStatus {
  readonly code: string;
  readonly name: string;
  readonly review: ReviewStatus;
  readonly reviewedBy?: string;
  readonly reviewedOn?: string;
  /** Source keys. */
  readonly total: number;
  readonly translated: number;
  readonly missing: number;
  readonly stale: number;
  /** Current strings whose own review status is `reviewed`. */
  readonly reviewedStrings: number;
  readonly staleStrings: readonly StaleString[];
  readonly missingKeys: readonly string[];
  readonly strings: readonly { readonly key: string; readonly state: TranslationState; readonly review: ReviewStatus }[];
  /** Whether the print policy lets this language be printed (false: policy fail with stale/missing material keys). */
  readonly printable: boolean;
  /** How stale and missing material strings print under the policy. */
  readonly outcome: 'complete' | 'fallback' | 'keep' | 'blocked';
}

/**
 * Counts per language (translated / missing / stale over every source key), review status, the stale strings
 * with their current and (when `previous` content is given) old source text, and whether policy allows printing.
 */
export function translationStatus(content: ContentDoc, langs: readonly string[], previous?: ContentDoc): LanguageStatus[] {
  const keys = Object.keys(content.source.strings);
  const printedKeys = new Set(materialKeys(content.project.materials).map(([, k]) => k));
  const oldByHash = new Map<string, Map<string, string>>();
  const oldText = (key: string, hash: string): string | undefined => {
    const text = previous?.source.strings[key];
    if (text === undefined) return undefined;
    let m = oldByHash.get(key);
    if (!m) oldByHash.set(key, (m = new Map([[sourceHash(text), text]])));
    return m.get(hash);
  };
  return langs.map((code) => {
    const entry = content.project.languages.find((l) => l.code === code);
    const file = content.translations.get(code);
    const strings = keys.map((key) => {
      const state = translationState(content, code, key);
      const review: ReviewStatus = state === 'source' ? 'reviewed' : file?.strings[key]?.review ?? languageReview(content, code);
      return { key, state, review };
    });
    const staleStrings = strings.filter((s) => s.state === 'stale').map((s): StaleString => {
      const t = file!.strings[s.key]!;
      const old = oldText(s.key, t.source);
      return { key: s.key, source: content.source.strings[s.key]!, ...(old !== undefined ? { oldSource: old } : {}), translation: t.text };
    });
    const blocked = policyDiagnostics(content, content.editions[0] ?? DEFAULT_EDITION, code).some((d) => d.severity === 'error');
    const printedGaps = strings.filter((s) => printedKeys.has(s.key) && (s.state === 'stale' || s.state === 'missing'));
    const outcome = blocked
      ? 'blocked'
      : printedGaps.length === 0
        ? 'complete'
        : content.project.policy.stale === 'keep' && printedGaps.every((s) => s.state === 'stale')
          ? 'keep'
          : 'fallback';
    const count = (st: TranslationState) => strings.filter((s) => s.state === st).length;
    return {
      code,
      name: languageInfo(code)?.name ?? code,
      review: languageReview(content, code),
      ...(entry?.reviewedBy ? { reviewedBy: entry.reviewedBy } : {}),
      ...(entry?.reviewedOn ? { reviewedOn: entry.reviewedOn } : {}),
      total: keys.length,
      translated: count('current') + count('source'),
      missing: count('missing'),
      stale: count('stale'),
      reviewedStrings: strings.filter((s) => (s.state === 'current' || s.state === 'source') && s.review === 'reviewed').length,
      staleStrings,
      missingKeys: strings.filter((s) => s.state === 'missing').map((s) => s.key),
      strings,
      printable: !blocked,
      outcome,
    };
  });
}
