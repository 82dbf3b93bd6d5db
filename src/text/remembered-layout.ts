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
 * Kept per paragraph key, then per options: the paragraph key is remembered per paragraph object
 * (paragraph-key.ts), so a look-up builds only the short options key instead of one string of both.
 */
const remembered = new Map<string, Map<string, ParagraphLayout>>();
let rememberedCount = 0;

/** Entries kept before starting afresh: a full poster search with its strip is a few hundred. */
const MAX_REMEMBERED = 4000;

/** layoutParagraph, answered from memory when the same paragraph was set with the same options before. */
export function rememberedLayout(p: Paragraph, opts: LayoutOptions): ParagraphLayout {
  const pk = paragraphKey(p);
  const ok = `${opts.width}\u0000${opts.size}\u0000${opts.leading ?? ''}`;
  let bySize = remembered.get(pk);
  let layout = bySize?.get(ok);
  if (!layout) {
    if (rememberedCount >= MAX_REMEMBERED) {
      remembered.clear();
      rememberedCount = 0;
      bySize = undefined;
    }
    layout = layoutParagraph(p, opts);
    if (!bySize) remembered.set(pk, (bySize = new Map()));
    bySize.set(ok, layout);
    rememberedCount++;
  }
  return layout;
}
