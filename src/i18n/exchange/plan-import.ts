import type { ReviewStatus, SourceGuidance, TranslationFile } from '../../content/types.ts';
import type { TranslationChange } from '../../content/write-translation.ts';
import { warning, error, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { sourceHash } from '../hash.ts';
import { oldSourceText, type EarlierSource } from '../history.ts';
import { translationState } from '../translation-state.ts';
import { checkTranslation } from './check.ts';
import { checkControls, checkLetters } from './letters.ts';
import { CODES } from '../../diagnostics/codes.ts';
import type { ImportedUnit } from './types.ts';

export interface ImportPlan {
  /** Changes for valid entries (entries whose text, hash and review are already stored are left out). */
  readonly changes: readonly TranslationChange[];
  readonly diagnostics: readonly Diagnostic[];
  /** Keys whose entries had an error: not written. */
  readonly rejected: readonly string[];
  /** Keys left untranslated in the file (empty translation, nothing stored). */
  readonly untranslated: readonly string[];
  /** Keys imported but still stale (marked for review, or translated from an older source). */
  readonly stale: readonly string[];
}

/**
 * Decides what importing `units` into one language means. Pure. For each entry:
 * - unknown key, duplicate key, placeholder/markup problems → error, entry rejected;
 * - empty translation → nothing written (warning when it would blank an existing translation);
 * - marked for review (fuzzy / needs-review / stale) → written with its OLD hash (it stays stale);
 * - otherwise → written with the hash of the source the file was exported from; that is the current hash
 *   unless the source changed since the export, in which case the entry stays stale and a warning says so.
 * An entry that changes nothing is not checked (a stale one matches the older source it was made from); others
 * are checked against the source the translator saw (the file's source text when it hashes to the stamp, else the
 * text with that hash in `earlier`: the edition history).
 * An edited translation loses a per-string `reviewed` mark (it becomes `draft`) unless the file marks it reviewed,
 * and always loses its per-string reviewer (`reviewedBy`/`reviewedOn`: they signed off the old text).
 * `script` (the language's ISO 15924 code) lets a translation whose letters became `?` be refused (letters.ts).
 */
export function planImport(
  units: readonly ImportedUnit[],
  source: SourceGuidance,
  existing: TranslationFile | undefined,
  languageReview: ReviewStatus = 'draft',
  earlier: readonly EarlierSource[] = [],
  script?: string,
): ImportPlan {
  const diagnostics: Diagnostic[] = [];
  const changes: TranslationChange[] = [];
  const rejected: string[] = [];
  const untranslated: string[] = [];
  const stale: string[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.key)) {
      diagnostics.push(
        error(CODES.exchange.duplicateKey, `"${unit.key}" appears more than once in this file.`, unit.entrySpan, [
          'Keep one entry per key; delete the extra copy.',
        ]),
      );
      rejected.push(unit.key);
      continue;
    }
    seen.add(unit.key);
    const sourceText = source.strings[unit.key];
    if (sourceText === undefined) {
      diagnostics.push(
        error(CODES.exchange.unknownKey, `"${unit.key}" is not a key of the source guidance.`, unit.entrySpan, [
          'The key may have been removed or renamed since the export; export again and copy the translation over.',
        ]),
      );
      rejected.push(unit.key);
      continue;
    }
    const stored = existing?.strings[unit.key];
    const hasStored = stored !== undefined && translationState(sourceText, stored) !== 'missing';
    const text = unit.text.normalize('NFC');
    if (text.trim() === '') {
      if (hasStored)
        diagnostics.push(
          warning(CODES.exchange.emptyTranslation, `"${unit.key}" is empty here; the existing translation is kept.`, unit.span, [
            'To replace a translation, write the new text; an empty entry never deletes one.',
          ]),
        );
      else untranslated.push(unit.key);
      continue;
    }
    const untouched = hasStored && stored.text === text;
    // A file that cannot mark entries done (no status column) does not confirm an unchanged stale translation.
    if (unit.unconfirmed && untouched) {
      if (stored.source !== sourceHash(sourceText)) stale.push(unit.key);
      continue;
    }
    const currentHash = sourceHash(sourceText);
    const notes: Diagnostic[] = [];
    let stamp: string;
    if (unit.needsReview) {
      const old = unit.previousHash ?? (hasStored ? stored.source : undefined);
      if (old === undefined) {
        diagnostics.push(
          warning(
            CODES.exchange.fuzzyWithoutHistory,
            `"${unit.key}" is marked for review and has no earlier translation; it is not imported.`,
            unit.entrySpan,
            [
              'Remove the fuzzy / needs-review mark when the translation is done (XLIFF: state="translated", also for a filled state="new"; CSV: status current).',
            ],
          ),
        );
        untranslated.push(unit.key);
        continue;
      }
      if (old === currentHash && !untouched) {
        // Flagged for review on purpose over a current translation: gettext leaves fuzzy entries unused, and so
        // does rightsprint — stamping the old (= current) hash would print an unreviewed edit as current.
        diagnostics.push(
          warning(
            CODES.exchange.stillFuzzy,
            `"${unit.key}" was edited and marked for review; the current translation is kept until the mark is removed.`,
            unit.entrySpan,
            ['Remove the fuzzy / needs-review mark (CSV: set status to current) when the new translation is ready, then import again.'],
          ),
        );
        rejected.push(unit.key);
        continue;
      }
      if (!untouched)
        notes.push(
          warning(CODES.exchange.stillFuzzy, `"${unit.key}" was edited but is still marked for review, so it stays stale.`, unit.entrySpan, [
            'If the translation now matches the current source text, remove the fuzzy flag (XLIFF: state="translated"; CSV: status current) and import again.',
          ]),
        );
      stamp = old;
    } else {
      const basis = unit.sourceHash ?? (unit.source !== undefined ? sourceHash(unit.source) : currentHash);
      if (basis !== currentHash)
        notes.push(
          warning(
            CODES.exchange.sourceChanged,
            `The source of "${unit.key}" changed after this file was exported; the translation is imported but stays stale.`,
            unit.entrySpan,
            ['Export again to get the new source text, update the translation, and import that file.'],
          ),
        );
      stamp = basis;
    }
    const edited = !untouched;
    const wasReviewed = (stored?.review ?? languageReview) === 'reviewed';
    const review: ReviewStatus | undefined = unit.reviewed ? 'reviewed' : edited && wasReviewed ? 'draft' : undefined;
    // Nothing changes for this key: no checks (a stale translation matches the older source it was made from).
    if (hasStored && !edited && stored.source === stamp && (review === undefined || stored.review === review)) {
      if (stamp !== currentHash) stale.push(unit.key);
      continue;
    }
    // Check against the source the translator saw: the current one, or the older one the file was exported with
    // (its own source text when that hashes to the stamp, else the edition history's). An entry still marked for
    // review keeps its old stamp but was edited against the current source, so it is checked against that.
    const fileSource = unit.source !== undefined && sourceHash(unit.source) === stamp ? unit.source : undefined;
    const historySource = unit.needsReview ? undefined : oldSourceText(earlier, unit.key, stamp);
    const basisSource = stamp === currentHash ? sourceText : (fileSource ?? historySource ?? sourceText);
    const problems = [
      ...checkTranslation(unit.key, basisSource, text, unit.span),
      ...checkLetters(unit.key, basisSource, text, script, unit.span),
      ...checkControls(unit.key, text, unit.span),
    ];
    diagnostics.push(...notes, ...problems);
    if (problems.some((p) => p.severity === 'error')) {
      rejected.push(unit.key);
      continue;
    }
    if (stamp !== currentHash) stale.push(unit.key);
    // A per-string reviewer signed off the old text, not this one: an edit drops the name and date with the mark.
    const reviewer = edited && (stored?.reviewedBy !== undefined || stored?.reviewedOn !== undefined) ? { reviewedBy: null, reviewedOn: null } : {};
    changes.push({ key: unit.key, text, source: stamp, ...(review ? { review } : {}), ...reviewer });
  }
  return { changes, diagnostics, rejected, untranslated, stale };
}
