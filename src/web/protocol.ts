import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PreviewList } from '../engine/index.ts';

/**
 * Messages between the page (src/web/app.ts) and its Web Worker (src/web/worker.ts). Plain data: it crosses
 * postMessage by structured clone; PDF bytes are transferred, not copied.
 */

/** One edition as the page shows it. */
export interface EditionView {
  readonly name: string;
  readonly title?: string;
  /** Effective settings (project defaults with the edition's own over them). */
  readonly settings: Readonly<Record<string, string>>;
  readonly languages: readonly string[];
}

/** One language row of the picker: names, direction, review status and how many strings are stale or missing. */
export interface LanguageView {
  readonly code: string;
  readonly name: string;
  readonly autonym: string;
  readonly dir: 'ltr' | 'rtl';
  readonly review: string;
  readonly stale: number;
  readonly missing: number;
  readonly printable: boolean;
  /**
   * False while the worker has not read this language's translation yet (the first answer to a load reads only
   * what the first preview prints): stale, missing and printable are then unknown and the page shows no counts.
   */
  readonly counted: boolean;
}

/**
 * A diagnostic as the worker sends it, with what it concerns as data, so the page can show it beside that
 * field or language without reading its message.
 */
export type PageDiagnostic = Diagnostic & {
  readonly about?: {
    /** The setting whose value it is about (its span is that setting's line in project.yaml or the edition file). */
    readonly setting?: string;
    /** The language it is about: the job's language, or the translation file it points at. */
    readonly lang?: string;
    /** A font face the page could not load (RP8001): its manifest id and the scripts it covers. */
    readonly font?: { readonly id: string; readonly scripts: readonly string[] };
  };
};

export type ToWorker =
  | {
      readonly type: 'load';
      /** Echoed in both 'loaded' answers, so a late answer to an earlier load is never taken for this one's. */
      readonly id: number;
      readonly files?: readonly (readonly [string, Uint8Array])[];
      readonly zip?: Uint8Array;
      readonly name?: string;
    }
  /**
   * Read the rest of the loaded content (every translation): sent once the first preview is drawn. A build in a
   * language the first answer left out reads it first (the worker handles messages one at a time, in order).
   */
  | { readonly type: 'complete' }
  | {
      readonly type: 'build';
      readonly id: number;
      readonly edition: string;
      readonly settings: Readonly<Record<string, string>>;
      /** An uploaded logo: stored as assets/<name> in the in-memory content and named in settings.logo. */
      readonly logo?: { readonly name: string; readonly data: Uint8Array };
      readonly langs: readonly string[];
      readonly materials: readonly ('card' | 'leaflet' | 'poster')[];
      readonly options: { readonly leafletPaper?: 'A5' | 'A4'; readonly posterPaper?: 'A4' | 'A3' | 'A2'; readonly cardsPerSheet?: 10 | 8 | 6 };
      /** Only this output file (`<edition>/<lang>/<file>`), for the preview; undefined builds everything chosen. */
      readonly only?: string;
    }
  | {
      readonly type: 'edition-yaml';
      readonly id: number;
      readonly edition: string;
      readonly settings: Readonly<Record<string, string>>;
      readonly logo?: string;
    };

export type FromWorker =
  /** Sent once the worker's modules (HarfBuzz's wasm among them) are ready: messages before it would be lost. */
  | { readonly type: 'ready' }
  /**
   * A load's answer. When the content reads without error, the first answer (complete: false) comes from
   * everything but the translations the first preview does not print (it is in the source language), and a
   * second answer (complete: true, after 'complete') from all of it: every language's counts, and the
   * diagnostics the CLI gives.
   */
  | {
      readonly type: 'loaded';
      readonly id: number;
      readonly complete: boolean;
      readonly name: string;
      readonly editions: readonly EditionView[];
      readonly languages: readonly LanguageView[];
      readonly sourceLanguage: string;
      readonly settingNames: readonly string[];
      readonly diagnostics: readonly PageDiagnostic[];
      readonly ok: boolean;
    }
  | { readonly type: 'progress'; readonly id: number; readonly text: string }
  /**
   * A preview build's first page as a display list (render/preview-list.ts), sent as soon as its layout is done
   * and before its PDF is written; the build's 'built' answer (same id) follows with the PDF.
   */
  | { readonly type: 'preview'; readonly id: number; readonly file: string; readonly list: PreviewList }
  | {
      readonly type: 'built';
      readonly id: number;
      readonly outputs: readonly { readonly file: string; readonly data: Uint8Array; readonly pages: number }[];
      readonly diagnostics: readonly PageDiagnostic[];
      readonly ms: number;
      readonly internalError?: string;
    }
  | { readonly type: 'edition-yaml'; readonly id: number; readonly text: string }
  | { readonly type: 'fatal'; readonly message: string };
