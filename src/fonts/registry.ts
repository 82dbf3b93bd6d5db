import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { CODES } from '../diagnostics/codes.ts';
import { placed, UserError } from '../diagnostics/diagnostic.ts';
import { languageInfo, REPO_ROOT, type LanguageInfo } from '../i18n/languages.ts';
import type { FaceRef, Weight } from '../text/types.ts';
import type { FontRegistry, LoadedFace } from './types.ts';

/**
 * The font registry: every face of fonts/manifest.json, opened lazily and exactly once per process.
 * One read of the file's bytes feeds both fontkit (metrics, subsetting through pdfkit) and HarfBuzz (shaping),
 * so the renderer embeds the very font the shaper measured.
 */

/** One `faces[]` row of fonts/manifest.json. */
export interface ManifestFace {
  readonly id: string;
  readonly family: string;
  readonly familyId: string;
  /** Relative to the fonts folder. */
  readonly file: string;
  readonly weight: Weight;
  readonly scripts: readonly string[];
  readonly licence: string;
  readonly source: string;
  readonly sha256: string;
}

/** fonts/manifest.json. `stacks` maps an ISO 15924 script to family ids, most preferred first. */
export interface FontManifest {
  readonly faces: readonly ManifestFace[];
  readonly stacks: Readonly<Record<string, readonly string[]>>;
}

/** The parts of a fontkit Font we use. fontkit ships no types; this is the subset we rely on. */
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: unknown): unknown;
  getGlyph(id: number, codePoints?: number[]): unknown;
}

/** Ink box of a glyph in font units (y up): x from `xMin` to `xMax`, y from `yMin` to `yMax`. */
export interface GlyphBox {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** A LoadedFace plus the HarfBuzz objects the shaper uses. The HarfBuzz font is kept alive for the process. */
export interface OpenedFace extends LoadedFace {
  readonly fontkit: FontkitFont;
  readonly hbFont: hb.Font;
  readonly manifest: ManifestFace;
  /** Ink box of glyph `id` (memoised), or undefined for an empty glyph such as a space. */
  glyphBox(id: number): GlyphBox | undefined;
}

/** The registry as the text engine uses it: the contract plus typed access to the HarfBuzz side. */
export interface Registry extends FontRegistry {
  readonly manifest: FontManifest;
  face(familyId: string, weight: Weight): OpenedFace;
  faceById(id: string): OpenedFace;
  /** Family ids that have a face in the manifest. */
  families(): readonly string[];
  /** Default stack for an ISO 15924 script (`Hans`/`Hant`/`Hani` as in the manifest), or [] if none. */
  scriptStack(script: string): readonly string[];
}

/** Repository-relative fonts folder (FaceRef.file is `fonts/<manifest file>`). */
const FONTS_DIR = 'fonts';

// fontkit is CommonJS-first; requiring it gives the same module instance pdfkit uses, so pdfkit accepts our Font objects.
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(data: Buffer, postscriptName?: string): FontkitFont };

/** Read and parse fonts/manifest.json (no font files are opened). */
export function readManifest(root: string = REPO_ROOT): FontManifest {
  const raw = JSON.parse(readFileSync(join(root, FONTS_DIR, 'manifest.json'), 'utf8')) as {
    faces: ManifestFace[];
    stacks: Record<string, unknown>;
  };
  const stacks: Record<string, readonly string[]> = {};
  for (const [script, families] of Object.entries(raw.stacks)) {
    if (Array.isArray(families)) stacks[script] = families as string[]; // skips "$comment"
  }
  return { faces: raw.faces, stacks };
}

/**
 * The language for a BCP 47 tag (ICU's data under locales/languages.json and the content's declarations; a
 * more specific tag inherits its base's font stack: `ur-IN` is set like `ur`). Undefined for a malformed tag or
 * one whose script nobody knows.
 */
export function resolveLanguage(lang: string): LanguageInfo | undefined {
  return languageInfo(lang);
}

class Face implements OpenedFace {
  readonly ref: FaceRef;
  readonly familyId: string;
  readonly weight: Weight;
  readonly data: Buffer;
  readonly fontkit: FontkitFont;
  readonly hbFont: hb.Font;
  readonly manifest: ManifestFace;
  /** Per-face memo of cmap lookups: fallback asks the same few hundred code points over and over. */
  private readonly coverage = new Map<number, boolean>();

  constructor(root: string, m: ManifestFace) {
    this.manifest = m;
    this.familyId = m.familyId;
    this.weight = m.weight;
    this.data = readVerifiedFont(root, m);
    this.fontkit = fontkit.create(this.data);
    const hbFace = new hb.Face(new hb.Blob(this.data), 0);
    this.hbFont = new hb.Font(hbFace);
    // HarfBuzz fonts default to scale = upem, so positions come back in font units, as the trace format wants.
    const extents = this.hbFont.hExtents();
    this.ref = {
      id: m.id,
      file: `${FONTS_DIR}/${m.file}`,
      faceIndex: 0,
      unitsPerEm: hbFace.upem,
      // HarfBuzz's choice of hhea vs OS/2 typo metrics (USE_TYPO_METRICS bit) — the same numbers hb-view uses.
      ascent: extents.ascender,
      descent: -extents.descender,
    };
  }

  private readonly boxes = new Map<number, GlyphBox | null>();

  glyphBox(id: number): GlyphBox | undefined {
    let box = this.boxes.get(id);
    if (box === undefined) {
      const e = this.hbFont.glyphExtents(id);
      // HarfBuzz extents: bearing at the top-left, height negative (downwards).
      box = e && e.width !== 0 ? { xMin: e.xBearing, xMax: e.xBearing + e.width, yMin: e.yBearing + e.height, yMax: e.yBearing } : null;
      this.boxes.set(id, box);
    }
    return box ?? undefined;
  }

  hasChar(codePoint: number): boolean {
    let has = this.coverage.get(codePoint);
    if (has === undefined) {
      has = this.hbFont.nominalGlyph(codePoint) !== undefined;
      this.coverage.set(codePoint, has);
    }
    return has;
  }
}

/**
 * A face's bytes, checked against its sha256 in the manifest before any parser sees them. A truncated, damaged or
 * swapped font would otherwise crash HarfBuzz or fontkit (a stack, exit 3), or worse, parse and set wrong glyphs;
 * the build's input hash also relies on the manifest standing for the fonts' bytes. Missing or different files are
 * user-fixable problems (RP4003, RP4002) naming the file. Hashing costs ~20 ms per MB, once per face per process.
 */
export function readVerifiedFont(root: string, m: ManifestFace): Buffer {
  const shown = `${FONTS_DIR}/${m.file}`;
  const restore = `Restore it from the repository (git checkout -- ${shown}) or from its source: ${m.source}`;
  let data: Buffer;
  try {
    data = readFileSync(join(root, FONTS_DIR, m.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError([placed('error', CODES.fontMissing, `font file of face ${m.id} cannot be read (${code}): nothing can be set in ${m.family}`, shown, [restore])]);
  }
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== m.sha256) {
    throw new UserError([
      placed('error', CODES.fontMismatch, `font file of face ${m.id} does not match fonts/manifest.json: its sha256 is ${actual.slice(0, 12)}…, the manifest says ${m.sha256.slice(0, 12)}… (${data.byteLength} bytes read) — truncated, damaged or replaced`, shown, [
        restore,
        'If you replaced the font on purpose, put its sha256 (and licence and source) in fonts/manifest.json.',
      ]),
    ]);
  }
  return data;
}

/** Build a registry over the manifest at `root`. Faces open on first use. Prefer `fontRegistry()`. */
export function loadFontRegistry(root: string = REPO_ROOT): Registry {
  const manifest = readManifest(root);
  const byId = new Map(manifest.faces.map((f) => [f.id, f]));
  const opened = new Map<string, Face>();

  const faceById = (id: string): OpenedFace => {
    let face = opened.get(id);
    if (!face) {
      const m = byId.get(id);
      if (!m) throw new Error(`font face "${id}" is not in fonts/manifest.json`);
      face = new Face(root, m);
      opened.set(id, face);
    }
    return face;
  };

  const face = (familyId: string, weight: Weight): OpenedFace => {
    const exact = manifest.faces.find((f) => f.familyId === familyId && f.weight === weight);
    const regular = exact ?? manifest.faces.find((f) => f.familyId === familyId && f.weight === 400);
    if (!regular) throw new Error(`font family "${familyId}" is not in fonts/manifest.json`);
    return faceById(regular.id);
  };

  const scriptStack = (script: string): readonly string[] => manifest.stacks[script] ?? [];

  const stack = (lang: string): readonly string[] => {
    const info = resolveLanguage(lang);
    // Unknown languages are refused by the CLI and content checks; the engine itself sets them in the Latin stack.
    if (!info) return scriptStack('Latn');
    return info.fonts ?? scriptStack(info.script);
  };

  const families = (): readonly string[] => [...new Set(manifest.faces.map((f) => f.familyId))];

  return { root: FONTS_DIR, manifest, face, faceById, stack, scriptStack, families };
}

let singleton: Registry | undefined;

/** The process-wide registry: each face is read, parsed and handed to HarfBuzz once. */
export function fontRegistry(): Registry {
  singleton ??= loadFontRegistry();
  return singleton;
}
