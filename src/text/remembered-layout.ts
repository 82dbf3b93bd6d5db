import { layoutParagraph } from './layout-paragraph.ts';
import { paragraphKey } from './paragraph-key.ts';
import type { LayoutOptions, Paragraph, ParagraphLayout } from './types.ts';

/**
 * Most layouts a build asks for it has asked for before: a poster tries up to 27 sizes for its rights and
 * re-sets the same title, caption and notes at each; every poster of an edition sets the same "Know your rights"
 * chip of every language at the same strip sizes. layoutParagraph is a pure function of its plain-data inputs,
 * so one result can serve them all (callers only read layouts). Bounded: cleared when full, since a long
 * process (tests, the full matrix) sees many paragraphs.
 *
 * Kept per paragraph key, then per width, size and leading: the paragraph key is remembered per paragraph object
 * (paragraph-key.ts), and the options are looked up as numbers (a Map compares them as SameValueZero, as their
 * strings compared before: 0 and -0 alike), since turning two fractional numbers into a string key at each of a
 * build's ≈4,400 look-ups cost more than the look-up itself.
 */
const remembered = new Map<string, Map<number, Map<number, Map<number | undefined, ParagraphLayout>>>>();
let rememberedCount = 0;

/** Entries kept before starting afresh: a full poster search with its strip is a few hundred. */
const MAX_REMEMBERED = 4000;

/** layoutParagraph, answered from memory when the same paragraph was set with the same options before. */
export function rememberedLayout(p: Paragraph, opts: LayoutOptions): ParagraphLayout {
  const pk = paragraphKey(p);
  const layout = remembered.get(pk)?.get(opts.width)?.get(opts.size)?.get(opts.leading);
  if (layout) return layout;
  if (rememberedCount >= MAX_REMEMBERED) {
    remembered.clear();
    rememberedCount = 0;
  }
  const made = layoutParagraph(p, opts);
  let byWidth = remembered.get(pk);
  if (!byWidth) remembered.set(pk, (byWidth = new Map()));
  let bySize = byWidth.get(opts.width);
  if (!bySize) byWidth.set(opts.width, (bySize = new Map()));
  let byLeading = bySize.get(opts.size);
  if (!byLeading) bySize.set(opts.size, (byLeading = new Map()));
  byLeading.set(opts.leading, made);
  rememberedCount++;
  return made;
}
