import type { ContentSource } from '../content/source.ts';
import type { MaterialsSpec } from '../content/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import type { DocumentSpec } from '../layout/frame.ts';

/** The three materials. */
export type MaterialName = 'card' | 'leaflet' | 'poster';

/** One PDF to write. */
export interface BuildOutput {
  /** File name relative to `output/<edition>/<lang>/`, e.g. `card-sheet-a4.pdf`, `card-press.pdf`, `leaflet.pdf`. */
  readonly file: string;
  readonly material: MaterialName;
  /** `home`: RGB, imposed or plain pages for desktop printers. `press`: CMYK, single item, bleed and crop marks. */
  readonly kind: 'home' | 'press';
  readonly doc: DocumentSpec;
}

export interface MaterialResult {
  readonly outputs: readonly BuildOutput[];
  /** Overflow errors (language, side, how much, which keys to shorten), placeholder warnings, … */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options chosen on the command line or in the project; every size itself lives in the spec tables. */
export interface MaterialOptions {
  /** Leaflet paper: A5 by default, A4 as an option. */
  readonly leafletPaper?: 'A5' | 'A4';
  /** Poster paper: A3 by default; A4 and A2 scale the same spec. */
  readonly posterPaper?: 'A4' | 'A3' | 'A2';
  /**
   * Home card sheets: by default each paper's own grid (A4 10-up, US Letter 8-up so cut marks stay inside a home
   * printer's printable area); a number asks for that grid on every paper (10-up Letter has 4.75 mm margins).
   */
  readonly cardsPerSheet?: 10 | 8 | 6;
  /**
   * Which content keys go where (project.yaml `materials:`; `ContentDoc.project.materials`). LocalizedDoc does
   * not carry it, and the keys come from content, not code. Without it a material returns error RP3001 and no
   * outputs.
   */
  readonly keys?: MaterialsSpec;
  /**
   * Absolute path of the content folder (`ContentDoc.root`), which `settings.logo` is relative to. Without it
   * materials print no logo.
   */
  readonly contentRoot?: string;
  /** The content's files (`ContentDoc.files`); preferred over contentRoot, and the only way in a browser. */
  readonly contentFiles?: ContentSource;
}

/** Builds every output of one material for one (edition, language). Pure apart from reading fonts and assets. */
export type BuildMaterial = (doc: LocalizedDoc, opts: MaterialOptions) => MaterialResult;
