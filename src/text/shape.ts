import * as hb from 'harfbuzzjs';
import type { OpenedFace } from '../fonts/registry.ts';
import { harfbuzzScript } from './scripts.ts';
import type { Direction, Glyph } from './types.ts';

/**
 * Shape: one stretch of text in one face with HarfBuzz (harfbuzzjs), with script, language and direction set
 * explicitly (never guessed). Glyphs come back exactly as HarfBuzz returns them, in font units (the HarfBuzz font
 * keeps its default scale = units per em), in HarfBuzz order (visual order for RTL).
 *
 * Clusters: harfbuzzjs `addText` hands the string to `hb_buffer_add_utf16`, so cluster values are UTF-16 offsets
 * into `text` (tested in tests/unit/text/shape.test.ts with an astral character).
 */

/** What the layout needs besides the glyphs: HarfBuzz's per-glyph flags (see `GlyphFlag`). */
export interface Shaped {
  readonly glyphs: readonly Glyph[];
  /** `hb_glyph_flags_t` per glyph, parallel to `glyphs`; bit 1 = UNSAFE_TO_BREAK. */
  readonly flags: Uint8Array;
}

/** HarfBuzz `HB_GLYPH_FLAG_UNSAFE_TO_BREAK`: breaking the line before this glyph's cluster changes the shaping. */
export const UNSAFE_TO_BREAK = hb.GlyphFlag.UNSAFE_TO_BREAK;

/**
 * Shaping results kept per (face, script, language, direction, features, text). 20,000 entries is several full
 * editions of cards in every language (a few MB): enough that a warm rebuild never shapes twice, small enough
 * to bound memory in a long-lived process (the web page's worker, which rebuilds on every settings change).
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Shaped>();

/** One reusable buffer: shaping is synchronous and single-threaded, so it is never shared across calls. */
let buffer: hb.Buffer | undefined;

/**
 * Shape `text` in `face`. `script` is ISO 15924 (mapped to HarfBuzz's tag), `lang` a BCP 47 tag, `features` a
 * comma-separated HarfBuzz feature string (e.g. `-liga,+smcp`), empty for the font's defaults.
 * The returned object is shared through the cache: treat it as immutable.
 */
export function shape(face: OpenedFace, text: string, script: string, lang: string, direction: Direction, features = ''): Shaped {
  const key = `${face.ref.id}\u0000${script}\u0000${lang}\u0000${direction}\u0000${features}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency so the bound evicts the least recently used entry.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const shaped = shapeUncached(face, text, script, lang, direction, features);
  cache.set(key, shaped);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return shaped;
}

function shapeUncached(face: OpenedFace, text: string, script: string, lang: string, direction: Direction, features: string): Shaped {
  buffer ??= new hb.Buffer();
  buffer.reset();
  buffer.addText(text);
  buffer.setDirection(direction === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setScript(harfbuzzScript(script));
  buffer.setLanguage(lang);
  const feats = features
    ? features.split(',').map((f) => {
        const parsed = hb.Feature.fromString(f.trim());
        if (!parsed) throw new Error(`invalid HarfBuzz feature "${f}"`);
        return parsed;
      })
    : undefined;
  hb.shape(face.hbFont, buffer, feats);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const glyphs: Glyph[] = new Array<Glyph>(infos.length);
  const flags = new Uint8Array(infos.length);
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const pos = positions[i]!;
    // Not frozen one by one (Glyph's fields are readonly to the compiler): Object.freeze is a runtime call that
    // optimised code cannot inline, and per glyph it was a quarter of this function's own time (≈29,000 glyphs a
    // build). The arrays stay frozen, which costs one call per shaping.
    glyphs[i] = { id: info.codepoint, cluster: info.cluster, ax: pos.xAdvance, dx: pos.xOffset, dy: pos.yOffset };
    flags[i] = info.flags;
  }
  return Object.freeze({ glyphs: Object.freeze(glyphs), flags });
}

/** Empty the shaping cache (the bench measures layout with and without it). */
export function clearShapeCache(): void {
  cache.clear();
}

/** Number of cached shaping results (for tests and the bench). */
export function shapeCacheSize(): number {
  return cache.size;
}

/**
 * HarfBuzz's text serialisation of glyphs, as `hb-shape --no-glyph-names` prints it:
 * `gid=cluster@dx,dy+ax|…` (the `@dx,dy` part only when an offset is non-zero). Clusters are converted from UTF-16
 * offsets to code point indices, which is what hb-shape reports by default.
 */
export function formatGlyphs(text: string, glyphs: readonly Glyph[]): string {
  const cpIndex = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cpIndex[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0)) n++;
    else cpIndex[i] = n - 1;
  }
  cpIndex[text.length] = n;
  return glyphs.map((g) => `${g.id}=${cpIndex[g.cluster]}${g.dx || g.dy ? `@${g.dx},${g.dy}` : ''}+${g.ax}`).join('|');
}
