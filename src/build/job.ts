import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { MaterialName, MaterialOptions } from '../materials/types.ts';
import type { PdfStandard } from '../render/pdf.ts';

/** What a job builds: one material for one language, or the edition-level mixed-language card sheet. */
export type JobKind = MaterialName | 'mixed-card';

/** One unit of parallel work. Plain data, so it crosses to a worker thread unchanged. */
export interface Job {
  /**
   * Stable id, also the build-cache key, e.g. `generic/ar/card`, or `generic/mixed-card[ar,fa,prs]` for the mixed
   * sheet: the languages are part of its identity, so a sheet built for one language selection is never taken for
   * another's (they write the same file).
   */
  readonly id: string;
  readonly edition: string;
  /** The language; for `mixed-card`, every language of the edition in `langs`. */
  readonly lang?: string;
  readonly langs?: readonly string[];
  readonly kind: JobKind;
  /** Output folder relative to the build's output root: `<edition>/<lang>` or `<edition>`. */
  readonly dir: string;
  /** `--only`: the outputs to render and write (names as in OUTPUT_KINDS); absent = every output of the job. */
  readonly outputs?: readonly string[];
}

/** Id of an edition's mixed-language card sheet holding exactly `langs`, in that order. */
export function mixedCardId(edition: string, langs: readonly string[]): string {
  return `${edition}/mixed-card[${langs.join(',')}]`;
}

/** Settings shared by every job of one build. */
export interface JobContext {
  /** Absolute content folder; each worker loads it once. */
  readonly contentDir: string;
  /** The content folder as shown in messages, so workers' diagnostics match (and de-duplicate with) the main thread's. */
  readonly contentDisplay?: string;
  readonly standard: PdfStandard;
  readonly materialOptions: Omit<MaterialOptions, 'keys'>;
}

/** One finished PDF, not yet written. */
export interface JobOutput {
  /** Relative to the output root, e.g. `generic/ar/card-press.pdf`. */
  readonly file: string;
  readonly data: Uint8Array;
  readonly pages: number;
}

export interface JobResult {
  readonly id: string;
  /** Empty when the job failed: nothing of a failed job is written. */
  readonly outputs: readonly JobOutput[];
  readonly diagnostics: readonly Diagnostic[];
  /** Stack of an unexpected failure (a bug, not a content problem). */
  readonly internalError?: string;
  /** Milliseconds spent, for progress and bench. */
  readonly ms: number;
}
