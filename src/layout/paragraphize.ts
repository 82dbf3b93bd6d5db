import type { Inline } from '../content/markup-types.ts';
import type { Paragraph, StyledSpan } from '../text/types.ts';
import type { PieceRole, SourceText, TextPiece } from './types.ts';

/**
 * A paragraph from inlines: text concatenated, one span per inline (bold → 700), spans covering the text. An
 * inline in another language than `lang` (an interpolated setting value, see Inline.lang) keeps it as the span's
 * `lang`, which the text engine hands on to the runs for /Lang in the PDF.
 */
export function paragraphFromInlines(inlines: readonly Inline[], lang: string, forceBold = false): Paragraph {
  let text = '';
  const spans: StyledSpan[] = [];
  for (const inline of inlines) {
    if (inline.text.length === 0) continue;
    const start = text.length;
    text += inline.text;
    const weight = forceBold || inline.bold ? 700 : 400;
    const spanLang = inline.lang !== undefined && inline.lang !== lang ? inline.lang : undefined;
    const last = spans[spans.length - 1];
    // Merge neighbours of the same weight and language: fewer items for the shaper, identical result.
    if (last && last.weight === weight && last.lang === spanLang) spans[spans.length - 1] = { ...last, end: text.length };
    else spans.push(spanLang === undefined ? { start, end: text.length, weight } : { start, end: text.length, weight, lang: spanLang });
  }
  return { text, lang, spans };
}

/** A plain (unstyled) paragraph, for UI strings such as the edition line. */
export function plainParagraph(text: string, lang: string, bold = false): Paragraph {
  return { text, lang, spans: text.length === 0 ? [] : [{ start: 0, end: text.length, weight: bold ? 700 : 400 }] };
}

/**
 * Markup blocks of one string → pieces: each `para` block becomes one piece of `role`, each list item a
 * `LI` piece. `listBase` numbers the lists so two lists in a row stay two lists. Headings are set bold.
 */
export function paragraphize(source: SourceText, role: Exclude<PieceRole, 'LI'> = 'P', listBase = 0): TextPiece[] {
  const bold = role === 'H1' || role === 'H2';
  const pieces: TextPiece[] = [];
  source.blocks.forEach((block, index) => {
    if (block.kind === 'para') {
      const paragraph = paragraphFromInlines(block.inlines, source.lang, bold);
      if (paragraph.text.trim().length > 0) pieces.push({ key: source.key, role, paragraph });
    } else {
      for (const item of block.items) {
        const paragraph = paragraphFromInlines(item, source.lang, bold);
        if (paragraph.text.trim().length > 0) pieces.push({ key: source.key, role: 'LI', paragraph, list: listBase + index });
      }
    }
  });
  return pieces;
}
