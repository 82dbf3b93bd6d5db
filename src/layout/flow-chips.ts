import type { Line, Paragraph } from '../text/types.ts';
import type { Color, Positioned, StructNode } from './frame.ts';
import type { NodeIds } from './node-ids.ts';
import { leadingFactor } from './line-height.ts';
import { plainParagraph } from './paragraphize.ts';
import { baselineOffset, lineBoxHeight, lineItem } from './place-line.ts';
import type { KeyedMissingGlyph, Row, SetText } from './types.ts';

/** One short text in its own language (a poster strip entry). */
export interface Chip {
  readonly key: string;
  readonly lang: string;
  readonly text: string;
}

export interface ChipStyle {
  readonly size: number;
  readonly leading: number;
  readonly color: Color;
  /** Horizontal gap between chips, points. */
  readonly gap: number;
}

export interface ChipFlow {
  readonly rows: readonly Row[];
  readonly nodes: readonly StructNode[];
  readonly missing: readonly KeyedMissingGlyph[];
}

/**
 * Each chip's paragraph, made once: a poster sets its strip at every size it tries with the same chips, and a new
 * paragraph object each time meant building its memo key again (text/paragraph-key.ts keeps keys per object).
 */
const chipParagraphs = new WeakMap<Chip, Paragraph>();

function chipParagraph(chip: Chip): Paragraph {
  let paragraph = chipParagraphs.get(chip);
  if (!paragraph) chipParagraphs.set(chip, (paragraph = plainParagraph(chip.text, chip.lang)));
  return paragraph;
}

/**
 * Short texts, each set in its own language (so each gets its own script's font and direction), packed into
 * centred rows like words: left to right for an LTR document, right to left for RTL. Each chip is a P node
 * with its own `lang`.
 */
export function flowChips(chips: readonly Chip[], width: number, style: ChipStyle, docLang: string, rtl: boolean, setText: SetText, ids?: NodeIds): ChipFlow {
  const set: { chip: Chip; lines: readonly Line[]; width: number; height: number; leading: number }[] = [];
  const missing: KeyedMissingGlyph[] = [];
  for (const chip of chips) {
    const leading = style.leading * leadingFactor(chip.lang);
    const layout = setText(chipParagraph(chip), { width, size: style.size, leading });
    for (const glyph of layout.missing) missing.push({ key: chip.key, glyph });
    const height = layout.lines.reduce((h, l) => h + lineBoxHeight(l, leading), 0);
    set.push({ chip, lines: layout.lines, width: layout.maxWidth, height, leading });
  }
  // Greedy packing into rows.
  const packed: (typeof set)[] = [];
  let current: typeof set = [];
  let used = 0;
  for (const s of set) {
    const add = (current.length > 0 ? style.gap : 0) + s.width;
    if (current.length > 0 && used + add > width) {
      packed.push(current);
      current = [];
      used = 0;
    }
    used += (current.length > 0 ? style.gap : 0) + s.width;
    current.push(s);
  }
  if (current.length > 0) packed.push(current);

  const nodes: StructNode[] = [];
  const rows: Row[] = packed.map((row) => {
    const rowWidth = row.reduce((w, s, i) => w + s.width + (i > 0 ? style.gap : 0), 0);
    const height = Math.max(...row.map((s) => s.height));
    const items: Positioned[] = [];
    let x = rtl ? (width + rowWidth) / 2 : (width - rowWidth) / 2;
    for (const s of row) {
      const lang = s.chip.lang !== docLang ? s.chip.lang : undefined;
      const tag = ids ? ids('P') : undefined;
      if (tag) nodes.push({ id: tag, role: 'P', ...(lang ? { lang } : {}), children: [] });
      const left = rtl ? x - s.width : x;
      let top = (height - s.height) / 2;
      for (const line of s.lines) {
        items.push(lineItem(line, left + (s.width - line.width) / 2, top + baselineOffset(line, s.leading), style.color, tag, lang));
        top += lineBoxHeight(line, s.leading);
      }
      x = rtl ? x - s.width - style.gap : x + s.width + style.gap;
    }
    return { height, spaceBefore: style.size * 0.3, keepWithPrevious: false, items };
  });
  return { rows, nodes, missing };
}
