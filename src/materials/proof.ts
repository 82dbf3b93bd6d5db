import { languageInfo } from '../content/languages.ts';
import type { Color, DocumentSpec, Page } from '../layout/frame.ts';
import { nodeIds } from '../layout/node-ids.ts';
import { paginate } from '../layout/paginate.ts';
import { plainParagraph } from '../layout/paragraphize.ts';
import { setPieces } from '../layout/set-pieces.ts';
import { stackRows } from '../layout/stack-rows.ts';
import type { KeyedMissingGlyph, SetText, TextPiece, TextStyle } from '../layout/types.ts';
import { mm } from '../layout/units.ts';

/**
 * The proof sheet of `rightsprint proof`: any text in any known language on A4 pages, set with the same layout
 * steps as the materials, so a translator or reviewer can check what the cards will show before the text goes
 * into content/ — and get a trace to attach to a bug report.
 */

/** A4 portrait in points (210 × 297 mm). */
const A4 = { width: 595.28, height: 841.89 } as const;
/** Page margin, mm: generous enough for home printers' unprintable edges (≈ 5 mm). */
const MARGIN_MM = 20;
/** Line spacing for proofs: 1.25 × the line's own font-metric height, close to the leaflet body text. */
const LEADING = 1.25;
/** Space between paragraphs, as a multiple of the font size. */
const PARAGRAPH_GAP = 0.8;
/** Proofs are not editions: a fixed date keeps identical input byte-identical (the PDF writer derives dates from it). */
const PROOF_DATE = '2026-01-01';
/** Body text: black, and 100 % K for press-like proofs. */
const BLACK: Color = { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] };

export interface ProofOptions {
  readonly widthMm: number;
  readonly size: number;
}

export interface Proof {
  readonly doc: DocumentSpec;
  /** Text lines set, over all pages. */
  readonly lineCount: number;
  /** Characters no font can draw, keyed by the paragraph they are in (`paragraph 2`). */
  readonly missing: readonly KeyedMissingGlyph[];
}

/** Paragraphs are separated by blank lines; a single newline inside a paragraph is a forced line break. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC')
    .split(/\n[ \t]*\n+/u)
    .map((p) => p.replace(/^\n+|\n+$/gu, ''))
    .filter((p) => p.trim() !== '');
}

/**
 * Lay out `text` in `lang` on as many A4 pages as needed, with the materials' own layout steps (setPieces →
 * paginate → stackRows): the same line boxes, leading corrections, RTL alignment and orphan/widow rules as the
 * leaflet body. Pure: `setText` is the text engine.
 */
export function buildProof(lang: string, text: string, opts: ProofOptions, setText: SetText): Proof {
  const info = languageInfo(lang);
  const margin = mm(MARGIN_MM);
  const pieces: TextPiece[] = splitParagraphs(text).map((para, n) => ({ key: `paragraph ${n + 1}`, role: 'P', paragraph: plainParagraph(para, lang) }));
  const style: TextStyle = { size: opts.size, leading: LEADING, color: BLACK, align: 'start', paragraphSpace: PARAGRAPH_GAP, bulletIndent: 0 };
  const set = setPieces(pieces, { width: mm(opts.widthMm), style, docLang: lang, setText, ids: nodeIds('proof') });
  const pageRows = paginate(set.rows, () => A4.height - 2 * margin);
  const pages: Page[] = pageRows.map((rows) => ({
    width: A4.width,
    height: A4.height,
    frame: { width: A4.width, height: A4.height, items: stackRows(rows, margin, margin) },
  }));
  const doc: DocumentSpec = {
    lang,
    pages,
    structure: { id: 'doc', role: 'Document', lang, children: set.nodes },
    metadata: {
      title: `Text proof (${info?.name ?? lang})`,
      subject: `rightsprint proof, ${opts.size} pt on a ${opts.widthMm} mm measure`,
      keywords: ['proof', lang],
      author: 'rightsprint',
      version: 'proof',
      date: PROOF_DATE,
    },
    colorMode: 'rgb',
  };
  return { doc, lineCount: set.rows.length, missing: set.missing };
}
