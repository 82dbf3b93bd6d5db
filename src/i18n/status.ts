import { materialKeys } from '../content/validate.ts';
import type { ContentDoc, ReviewStatus } from '../content/types.ts';
import { DEFAULT_EDITION } from '../content/load.ts';
import { oldSourceText, type EarlierSource } from './history.ts';
import { languageInfo } from '../content/languages.ts';
import { keyState, languageReview, policyDiagnostics } from './policy.ts';
import type { TranslationState } from './translation-state.ts';

export interface StaleString {
  readonly key: string;
  /** The current source text. */
  readonly source: string;
  /** The source text it was translated from, when the edition history (or an earlier content folder) has it. */
  readonly oldSource?: string;
  /** The outdated translation. */
  readonly translation: string;
}

/** One key of one language. `reviewedBy`/`reviewedOn` are the per-string reviewer, when recorded. */
export interface KeyStatus {
  readonly key: string;
  readonly state: TranslationState;
  readonly review: ReviewStatus;
  readonly reviewedBy?: string;
  readonly reviewedOn?: string;
}

/** How many current strings one person reviewed, and the latest date they did. */
export interface StringReviewer {
  readonly name: string;
  readonly strings: number;
  /** Latest `reviewedOn` among them (ISO dates sort as text), when any is recorded. */
  readonly latest?: string;
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
  /** Current strings reviewed one by one (`accept --by`), per reviewer, most strings first, then by name. */
  readonly reviewers: readonly StringReviewer[];
  readonly staleStrings: readonly StaleString[];
  readonly missingKeys: readonly string[];
  readonly strings: readonly KeyStatus[];
  /** Whether the print policy lets this language be printed (false: policy fail with stale/missing material keys). */
  readonly printable: boolean;
  /** How stale and missing material strings print under the policy. */
  readonly outcome: 'complete' | 'fallback' | 'keep' | 'blocked';
}

/**
 * Counts per language (translated / missing / stale over every source key), review status (per language and per
 * string), the stale strings with their current and old source text, and whether policy allows printing. The old
 * text comes from an earlier content folder (`previous`, when given) or the content's edition history.
 */
export function translationStatus(content: ContentDoc, langs: readonly string[], previous?: ContentDoc): LanguageStatus[] {
  const keys = Object.keys(content.source.strings);
  const printedKeys = new Set(materialKeys(content.project.materials).map(([, k]) => k));
  const earlier: EarlierSource[] = [...(previous ? [previous.source] : []), ...(content.history?.values() ?? [])];
  return langs.map((code) => {
    const entry = content.project.languages.find((l) => l.code === code);
    const file = content.translations.get(code);
    const strings = keys.map((key): KeyStatus => {
      const state = keyState(content, code, key);
      const stored = file?.strings[key];
      const review: ReviewStatus = state === 'source' ? 'reviewed' : (stored?.review ?? languageReview(content, code));
      return {
        key,
        state,
        review,
        ...(state !== 'source' && stored?.reviewedBy ? { reviewedBy: stored.reviewedBy } : {}),
        ...(state !== 'source' && stored?.reviewedOn ? { reviewedOn: stored.reviewedOn } : {}),
      };
    });
    const staleStrings = strings
      .filter((s) => s.state === 'stale')
      .map((s): StaleString => {
        const t = file!.strings[s.key]!;
        const old = oldSourceText(earlier, s.key, t.source);
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
      reviewers: reviewersOf(strings),
      staleStrings,
      missingKeys: strings.filter((s) => s.state === 'missing').map((s) => s.key),
      strings,
      printable: !blocked,
      outcome,
    };
  });
}

/** Per-string reviewers of the current strings: a stale string's review was of a text that no longer holds. */
function reviewersOf(strings: readonly KeyStatus[]): StringReviewer[] {
  const byName = new Map<string, { strings: number; latest?: string }>();
  for (const s of strings) {
    if (s.state !== 'current' || s.review !== 'reviewed' || !s.reviewedBy) continue;
    const seen = byName.get(s.reviewedBy) ?? { strings: 0 };
    seen.strings++;
    if (s.reviewedOn && (!seen.latest || s.reviewedOn > seen.latest)) seen.latest = s.reviewedOn;
    byName.set(s.reviewedBy, seen);
  }
  return [...byName]
    .map(([name, r]): StringReviewer => ({ name, strings: r.strings, ...(r.latest ? { latest: r.latest } : {}) }))
    .sort((a, b) => b.strings - a.strings || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
