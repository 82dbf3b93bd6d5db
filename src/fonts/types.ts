/** 400 regular or 700 bold: the only weights bundled in fonts/. */
export type Weight = 400 | 700;

/** Identifies a face from fonts/manifest.json. */
export interface FaceRef {
  /** Manifest face id, e.g. `noto-naskh-arabic-bold`. */
  readonly id: string;
  /** Path relative to the repository root, e.g. `fonts/noto-naskh-arabic/NotoNaskhArabic_700Bold.ttf`. */
  readonly file: string;
  readonly faceIndex: number;
  readonly unitsPerEm: number;
  /** Ascender and descender (positive, below baseline) in font units, from hhea/OS2 as the engine uses them. */
  readonly ascent: number;
  readonly descent: number;
}

/** One face of fonts/manifest.json, opened once per process. */
export interface LoadedFace {
  readonly ref: FaceRef;
  /** Manifest family id, e.g. `noto-naskh-arabic`. */
  readonly familyId: string;
  readonly weight: Weight;
  /**
   * The font file's bytes (shared by HarfBuzz and pdfkit). For a large face read in part (PartialFontBytes in
   * registry.ts) the glyph records of glyphs not used yet are zeros: read them through `fontkit`, never here.
   */
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
