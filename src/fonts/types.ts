import type { FaceRef, Weight } from '../text/types.ts';

/** One face of fonts/manifest.json, opened once per process. */
export interface LoadedFace {
  readonly ref: FaceRef;
  /** Manifest family id, e.g. `noto-naskh-arabic`. */
  readonly familyId: string;
  readonly weight: Weight;
  /** The raw font file bytes (shared by HarfBuzz and pdfkit; never re-read). */
  readonly data: Uint8Array;
  /** fontkit Font object for this face (pdfkit embeds and subsets through it). */
  readonly fontkit: unknown;
  /** True when the face has a glyph for this code point (cmap lookup). */
  hasChar(codePoint: number): boolean;
}

/** All faces of the manifest, opened lazily and cached for the life of the process. */
export interface FontRegistry {
  /** Repository-relative path of the fonts folder. */
  readonly root: string;
  /** The face of `familyId` at `weight` (falls back to 400 if the family has no bold). */
  face(familyId: string, weight: Weight): LoadedFace;
  /** By manifest face id (`FaceRef.id`). */
  faceById(id: string): LoadedFace;
  /** Font stack for a language: language override, else script default from the manifest. */
  stack(lang: string): readonly string[];
}
