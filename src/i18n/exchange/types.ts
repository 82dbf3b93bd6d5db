import type { ReviewStatus } from '../../content/types.ts';
import type { SourceSpan } from '../../diagnostics/diagnostic.ts';
import type { StoredState } from '../translation-state.ts';

/** How one translated string relates to the current source text (the shared rule: i18n/translation-state.ts). */
export type TranslationStatus = StoredState;

/** The exchange formats a translator can receive. The file extension names the format. */
export type ExchangeFormat = 'po' | 'xliff' | 'csv';

/** File extensions per format; `.xlf` is what most CAT tools write, `.xliff` is accepted too. */
export const FORMAT_EXTENSIONS: Readonly<Record<ExchangeFormat, readonly string[]>> = {
  po: ['.po'],
  xliff: ['.xlf', '.xliff'],
  csv: ['.csv'],
};

/** One key as it is exported: the current source text and what the language has for it. */
export interface ExchangeEntry {
  readonly key: string;
  /** Current source text. */
  readonly source: string;
  /** `sourceHash(source)`: what an import stamps when the translator confirms the entry. */
  readonly sourceHash: string;
  /** The stored translation; empty when missing. */
  readonly translation: string;
  readonly status: TranslationStatus;
  /** The hash the stored translation was made from (differs from `sourceHash` when stale). */
  readonly storedHash?: string;
  /** The old source text a stale translation was made from, when the edition history or an earlier content folder has it. */
  readonly previousSource?: string;
  /** Per-string review status from the translation file. */
  readonly review?: ReviewStatus;
}

/** What an export file says about the whole file. */
export interface ExchangeMeta {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Content version (project.yaml `version`), written into headers for the translator's information. */
  readonly version: string;
  /** Edition date (project.yaml `date`, `YYYY-MM-DD`): the PO header's dates, so exports do not depend on the clock. */
  readonly date: string;
}

/**
 * One entry read back from an exchange file, before any checks. Positions point into the exchange file so
 * every problem can be reported as `file:line:col`.
 */
export interface ImportedUnit {
  readonly key: string;
  /** The translation as the translator left it. */
  readonly text: string;
  /** Where the translation value starts (PO: the `msgstr` string; XLIFF: `<target>`; CSV: the cell). */
  readonly span: SourceSpan;
  /** Where the entry starts (PO: first line of the entry; XLIFF: `<trans-unit>`; CSV: the row). */
  readonly entrySpan: SourceSpan;
  /** The source text written in the file (PO msgid, XLIFF `<source>`, CSV `source`), if any. */
  readonly source?: string;
  /** Hash of the source the file was exported with, if recorded and well formed. */
  readonly sourceHash?: string;
  /** Hash the previous translation was made from (recorded for stale entries), if any. */
  readonly previousHash?: string;
  /**
   * The file still says "needs review" (PO `#, fuzzy`, XLIFF `needs-review-translation`, CSV `stale`): the
   * translation is imported but keeps its old hash, so it stays stale.
   */
  readonly needsReview: boolean;
  /** The file marks the entry as reviewed/approved (XLIFF `final`, CSV `reviewed`). */
  readonly reviewed: boolean;
  /**
   * The file cannot say an entry is done (a CSV without a status column, as translate-toolkit's po2csv writes):
   * an unchanged stale translation then stays stale instead of being confirmed as current.
   */
  readonly unconfirmed?: boolean;
}

/** An exchange file read into units, plus problems with the file itself. */
export interface ReadResult {
  /** Target language declared in the file, if any (PO `Language:`, XLIFF `target-language`). */
  readonly language?: string;
  readonly units: readonly ImportedUnit[];
  readonly diagnostics: readonly import('../../diagnostics/diagnostic.ts').Diagnostic[];
}
