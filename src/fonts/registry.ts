import * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';
import { readFontFile } from '#platform';
import manifestJson from '../../fonts/manifest.json' with { type: 'json' };
import { languageInfo } from '../content/languages.ts';
import { shapingBytes, type TrueTypeBoxes } from './sfnt.ts';
import type { FaceRef, FontRegistry, LoadedFace, Weight } from './types.ts';

/**
 * The font registry: every face of fonts/manifest.json, opened lazily and exactly once per process, from bytes a
 * FontSource provides (the CLI reads and verifies fonts/; the web page fetches what `fontsFor` says a job needs).
 * One read of the file's bytes feeds both fontkit (metrics, subsetting through pdfkit) and HarfBuzz (shaping),
 * so the renderer embeds the very font the shaper measured; a large face's glyph records are read as its glyphs
 * are first used (PartialFontBytes, docs/fonts.md). HarfBuzz gets those bytes without the outline tables
 * it does not shape with (sfnt.ts): a Chinese face costs WebAssembly memory 0.3 MB instead of 10 MB.
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

/**
 * Where font bytes come from, by manifest face. The registry asks only for faces it opens; a source that does not
 * hold a face throws (the web page loads what `fontsFor` names before a job, and a miss is a clear error).
 */
export interface FontSource {
  bytes(face: ManifestFace): Uint8Array | PartialFontBytes;
}

/**
 * A face's bytes in which the glyph records (the `glyf` table) are read only when asked for: the Node front end
 * reads a large face this way (src/platform/node-fonts.ts), since a document sets a few hundred of a Chinese
 * face's 65,000 glyphs and the rest would be megabytes held for nothing. Every byte outside `glyf` is there from
 * the start; `need(start, end)` must have been called before anything reads a byte of `[start, end)` inside it
 * (it throws a UserError when those bytes are not the ones verified against the manifest). The registry calls
 * it for a glyph before fontkit or the ink-box reader can see the glyph (`Face.open`).
 */
export interface PartialFontBytes {
  /** The whole file's length; `glyf` bytes not yet needed read as zeros. */
  readonly data: Uint8Array;
  need(start: number, end: number): void;
}

// The ESM fontkit is the module instance pdfkit's own ESM build imports, so pdfkit accepts our Font objects.
const createFont = (fontkit as unknown as { create(data: Uint8Array, postscriptName?: string): FontkitFont }).create;

/** fonts/manifest.json, parsed (no font files are opened). Bundled with the engine as a JSON module. */
export function readManifest(): FontManifest {
  const raw = manifestJson as unknown as { faces: ManifestFace[]; stacks: Record<string, unknown> };
  const stacks: Record<string, readonly string[]> = {};
  for (const [script, families] of Object.entries(raw.stacks)) {
    if (Array.isArray(families)) stacks[script] = families as string[]; // skips "$comment"
  }
  return { faces: raw.faces, stacks };
}

/** What opening a face's bytes yields. */
interface OpenedBytes {
  readonly ref: FaceRef;
  readonly data: Uint8Array;
  readonly fontkit: FontkitFont;
  readonly hbFont: hb.Font;
  /** Ink boxes from the `glyf` headers, when HarfBuzz was given the face without its outlines. */
  readonly boxes: TrueTypeBoxes | undefined;
}

/**
 * A face whose bytes are read and parsed on first use, not when a font stack names it: a zh-Hans card lists the
 * Traditional Chinese fonts after the Simplified ones for fallback, and must not read 14 MB it never embeds.
 */
class Face implements OpenedFace {
  readonly familyId: string;
  readonly weight: Weight;
  readonly manifest: ManifestFace;
  /** Per-face memo of cmap lookups: fallback asks the same few hundred code points over and over. */
  private readonly coverage = new Map<number, boolean>();
  private opened: OpenedBytes | undefined;

  constructor(
    private readonly source: FontSource,
    m: ManifestFace,
  ) {
    this.manifest = m;
    this.familyId = m.familyId;
    this.weight = m.weight;
  }

  get ref(): FaceRef {
    return this.open().ref;
  }
  get data(): Uint8Array {
    return this.open().data;
  }
  get fontkit(): FontkitFont {
    return this.open().fontkit;
  }
  get hbFont(): hb.Font {
    return this.open().hbFont;
  }

  private open(): OpenedBytes {
    if (this.opened) return this.opened;
    const m = this.manifest;
    const given = this.source.bytes(m);
    const data = given instanceof Uint8Array ? given : given.data;
    const fontkitFont = createFont(data);
    const shaping = shapingBytes(data);
    if (!(given instanceof Uint8Array)) {
      // A face whose glyph boxes cannot be located has its glyph records read now, all of them.
      if (shaping.boxes) needGlyphs(fontkitFont, shaping.boxes, given);
      else given.need(0, data.byteLength);
    }
    const hbFace = new hb.Face(new hb.Blob(shaping.bytes), 0);
    const hbFont = new hb.Font(hbFace);
    // HarfBuzz fonts default to scale = upem, so positions come back in font units, as the trace format wants.
    const extents = hbFont.hExtents();
    const ref: FaceRef = {
      id: m.id,
      file: `${FONTS_DIR}/${m.file}`,
      faceIndex: 0,
      unitsPerEm: hbFace.upem,
      // HarfBuzz's choice of hhea vs OS/2 typo metrics (USE_TYPO_METRICS bit) — the same numbers hb-view uses.
      ascent: extents.ascender,
      descent: -extents.descender,
    };
    this.opened = { ref, data, fontkit: fontkitFont, hbFont, boxes: shaping.boxes };
    return this.opened;
  }

  private readonly boxes = new Map<number, GlyphBox | null>();

  glyphBox(id: number): GlyphBox | undefined {
    let box = this.boxes.get(id);
    if (box === undefined) {
      const opened = this.open();
      const e = opened.boxes ? opened.boxes.extents(id) : opened.hbFont.glyphExtents(id);
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
 * Makes every glyph record of a partly read face be read before fontkit or `TrueTypeBoxes` looks at it. Every path
 * by which fontkit 2.0.4 reads the `glyf` table starts from a glyph object that `getGlyph(id)` returns (decoding,
 * bounding boxes, composite components, pdfkit's subsetting through `createSubset`), and `glyphForCodePoint`,
 * `layout` and the subsetter call `getGlyph` on the font object itself; so an own `getGlyph` that first asks for
 * glyph `id`'s bytes covers them all (fontkit is pinned; tests/unit/fonts/partial-font.test.ts builds from a
 * partly read face and compares the subset bytes with the whole file's). `TrueTypeBoxes.extents` is wrapped alike.
 */
function needGlyphs(font: FontkitFont, boxes: TrueTypeBoxes, bytes: PartialFontBytes): void {
  // Glyph ids are 16-bit: one flag per possible id, so asking again for a glyph costs one array read.
  const ready = new Uint8Array(0x10000);
  const need = (id: number) => {
    if (ready[id] === 1) return;
    const [start, end] = boxes.span(id);
    // A glyph header is 10 bytes, read even from a (malformed) shorter record.
    if (end > start) bytes.need(start, Math.max(end, start + 10));
    ready[id] = 1;
  };
  const withGlyphs = font as unknown as { getGlyph(id: number, codePoints?: number[]): unknown };
  const getGlyph = withGlyphs.getGlyph.bind(font);
  withGlyphs.getGlyph = (id: number, codePoints?: number[]) => {
    need(id);
    return getGlyph(id, codePoints);
  };
  const extents = boxes.extents.bind(boxes);
  boxes.extents = (id: number) => {
    need(id);
    return extents(id);
  };
}

/** Node's source: fonts/<file>, verified against the manifest's sha256 (src/platform/node-fonts.ts). */
const fileSource: FontSource = { bytes: (m) => readFontFile(m) };

/** Build a registry over the manifest. Faces open on first use. Prefer `fontRegistry()`. */
export function loadFontRegistry(source: FontSource = fileSource): Registry {
  const manifest = readManifest();
  const byId = new Map(manifest.faces.map((f) => [f.id, f]));
  const opened = new Map<string, Face>();

  const faceById = (id: string): OpenedFace => {
    let face = opened.get(id);
    if (!face) {
      const m = byId.get(id);
      if (!m) throw new Error(`font face "${id}" is not in fonts/manifest.json`);
      face = new Face(source, m);
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
    const info = languageInfo(lang);
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

/** Make every later job use fonts from `source` (the web worker's fetched fonts). Faces opened so far are dropped. */
export function useFontSource(source: FontSource): void {
  singleton = loadFontRegistry(source);
}
