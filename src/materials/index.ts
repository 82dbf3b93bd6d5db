import type { ContentDoc } from '../content/types.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import { rememberedLayout } from '../text/remembered-layout.ts';
import { buildCard, buildMixedCard } from './card.ts';
import { buildLeaflet } from './leaflet.ts';
import { buildPoster } from './poster.ts';
import type { BuildMaterial, MaterialName, MaterialOptions, MaterialResult } from './types.ts';

/**
 * The materials, bound to the text engine. Each builder is pure over its inputs (the text engine only reads
 * fonts); tests pass a different setter to the `build…` functions directly.
 */
export const materials: Record<MaterialName, BuildMaterial> = {
  card: (doc, opts) => buildCard(doc, opts, rememberedLayout),
  leaflet: (doc, opts) => buildLeaflet(doc, opts, rememberedLayout),
  poster: (doc, opts) => buildPoster(doc, opts, rememberedLayout),
};

/** What every material builder is given: the chosen options plus which keys go where and the content folder
 * (settings.logo is relative to it). Shared by `build` and `check`, which lays materials out without rendering. */
export function materialOptionsFor(content: ContentDoc, chosen: MaterialOptions = {}): MaterialOptions {
  return { ...chosen, keys: content.project.materials, contentRoot: content.root, contentFiles: content.files };
}

/** One card per language on shared sheets (fronts in each language, backs behind them). */
export function buildMixedCardSheet(docs: readonly LocalizedDoc[], opts: MaterialOptions): MaterialResult {
  return buildMixedCard(docs, opts, rememberedLayout);
}

export type { BuildMaterial, BuildOutput, MaterialName, MaterialOptions, MaterialResult } from './types.ts';
