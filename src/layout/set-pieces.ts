import type { Line, Paragraph } from '../text/types.ts';
import type { Positioned, StructNode } from './frame.ts';
import type { NodeIds } from './node-ids.ts';
import { leadingFactor } from './line-height.ts';
import { plainParagraph } from './paragraphize.ts';
import { alignX, baselineOffset, lineBoxHeight, lineItem } from './place-line.ts';
import type { KeyedMissingGlyph, Row, SetResult, SetText, TextPiece, TextStyle } from './types.ts';

export interface SetPiecesOptions {
  /** Measure, points. */
  readonly width: number;
  readonly style: TextStyle;
  /** Document language: lines and nodes in another language carry their own `lang`. */
  readonly docLang: string;
  readonly setText: SetText;
  /** Structure ids; omit to set untagged text (artifacts, e.g. copies of a card on a sheet). */
  readonly ids?: NodeIds;
}

/** The bullet character: in Noto Sans, which is in every script's fallback stack. */
const BULLET = '•';

/** The bullet's paragraph per language, made once (its layout memo key is kept per paragraph object). */
const bullets = new Map<string, Paragraph>();

function bulletParagraph(lang: string): Paragraph {
  let paragraph = bullets.get(lang);
  if (!paragraph) bullets.set(lang, (paragraph = plainParagraph(BULLET, lang)));
  return paragraph;
}

type MutableNode = { id: string; role: StructNode['role']; lang?: string; children: MutableNode[] };

/**
 * Sets pieces one under the other in a measure: one Row per line (a list item's bullet rides on its first
 * line's row, on the start side of its direction, so RTL bullets sit on the right). Headings keep with the
 * next row; paragraphs may break between any two lines. Builds the structure nodes (P, H1, H2, Note,
 * L › LI › Lbl + LBody) and tags every line with its node.
 */
export function setPieces(pieces: readonly TextPiece[], options: SetPiecesOptions): SetResult {
  const { width, style, docLang, setText, ids } = options;
  const rows: Row[] = [];
  const nodes: MutableNode[] = [];
  const missing: KeyedMissingGlyph[] = [];
  let widest = 0;
  let openList: { list: number; node: MutableNode } | undefined;
  let previousWasHeading = false;

  const node = (role: StructNode['role'], lang: string | undefined): MutableNode => ({
    id: ids ? ids(role) : '',
    role,
    ...(lang === undefined ? {} : { lang }),
    children: [],
  });

  pieces.forEach((piece, index) => {
    const lang = piece.paragraph.lang !== docLang ? piece.paragraph.lang : undefined;
    const isNote = piece.role === 'Note' && style.noteScale !== undefined;
    const size = isNote ? style.size * (style.noteScale ?? 1) : style.size;
    const color = isNote ? (style.noteColor ?? style.color) : style.color;
    const leading = style.leading * leadingFactor(piece.paragraph.lang);
    const layoutOptions = { size, leading };
    const isItem = piece.role === 'LI';
    const indent = isItem ? style.bulletIndent * size : 0;
    const body = setText(piece.paragraph, { ...layoutOptions, width: width - indent });
    for (const glyph of body.missing) missing.push({ key: piece.key, glyph });
    widest = Math.max(widest, body.maxWidth + indent);

    // Structure: list items share one L node while the list number stays the same.
    let bodyTag: string | undefined;
    let labelTag: string | undefined;
    if (isItem) {
      if (!openList || openList.list !== piece.list) {
        openList = { list: piece.list ?? -1, node: node('L', lang) };
        nodes.push(openList.node);
      }
      const li = node('LI', undefined);
      const lbl = node('Lbl', undefined);
      const lbody = node('LBody', undefined);
      li.children.push(lbl, lbody);
      openList.node.children.push(li);
      labelTag = lbl.id;
      bodyTag = lbody.id;
    } else {
      openList = undefined;
      const n = node(piece.role, lang);
      nodes.push(n);
      bodyTag = n.id;
    }
    if (!ids) {
      bodyTag = undefined;
      labelTag = undefined;
    }

    const bullet: Line | undefined = isItem ? setText(bulletParagraph(piece.paragraph.lang), { ...layoutOptions, width: width }).lines[0] : undefined;
    const spaceBefore = index === 0 ? 0 : style.paragraphSpace * style.size * (isItem && pieces[index - 1]?.role === 'LI' ? 0.5 : 1);
    const isHeading = piece.role === 'H1' || piece.role === 'H2';

    body.lines.forEach((line, lineIndex) => {
      const height = lineBoxHeight(line, leading);
      const baseline = baselineOffset(line, leading);
      const rtl = line.direction === 'rtl';
      const textLeft = rtl ? 0 : indent;
      const items: Positioned[] = [];
      if (bullet && lineIndex === 0) {
        const bulletX = rtl ? width - bullet.width : 0;
        items.push(lineItem(bullet, bulletX, baseline, color, labelTag, lang));
      }
      items.push(lineItem(line, alignX(line, textLeft, width - indent, style.align), baseline, color, bodyTag, lang));
      rows.push({
        height,
        spaceBefore: lineIndex === 0 ? spaceBefore : 0,
        // Never break inside a heading, nor between a heading and what follows it; a note (e.g. "translation
        // pending") stays on the page of the text it is about.
        // Orphans and widows: the 2nd line keeps with the 1st, the last with the one before, so a page never
        // ends on a paragraph's first line nor starts with its last line alone.
        keepWithPrevious:
          lineIndex === 0 ? previousWasHeading || (piece.role === 'Note' && index > 0) : isHeading || lineIndex === 1 || lineIndex === body.lines.length - 1,
        items,
      });
    });
    previousWasHeading = isHeading;
  });

  return { rows, nodes: ids ? nodes : [], missing, widest };
}
