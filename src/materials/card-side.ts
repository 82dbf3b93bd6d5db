import type { Direction } from '../text/types.ts';
import { COLORS } from '../layout/colors.ts';
import { fitSize, type FitProblem, type Fitted } from '../layout/fit-size.ts';
import { boundingSetText, recordingSetText, type SetTextCall } from '../layout/text-bounds.ts';
import type { Frame, Positioned, StructNode } from '../layout/frame.ts';
import { nodeIds } from '../layout/node-ids.ts';
import { qrCode } from '../layout/qr.ts';
import { setPieces } from '../layout/set-pieces.ts';
import { rowsHeight, stackRows } from '../layout/stack-rows.ts';
import type { KeyedMissingGlyph, Row, SetText, TextPiece, TextStyle } from '../layout/types.ts';
import { mm } from '../layout/units.ts';
import { logoBlock, type EditionLogo } from './logo.ts';
import { CARD, PRESS } from './specs.ts';

/** What goes on one side of the card. */
export interface CardSideInput {
  /** Title pieces (role H1 on the front, H2 on the back), set in the band. */
  readonly title: readonly TextPiece[];
  readonly body: readonly TextPiece[];
  /** The hotline line, set bold and larger. */
  readonly hotline: readonly TextPiece[];
  /** Small notes at the bottom (edition, draft notice, disclaimer). */
  readonly notes: readonly TextPiece[];
  /** Language of the side (`lang` on its section when it differs from the document's). */
  readonly lang: string;
  readonly dir: Direction;
  /** URL for a QR code in the bottom end corner (back side). */
  readonly qrUrl?: string;
  /**
   * Edition logo (back side): drawn small in the free column above the QR code when at least CARD.logoMin of it
   * is free, so it never takes room from text and never lowers the fitted size.
   */
  readonly logo?: EditionLogo;
}

export interface CardSide {
  /** Trim-size frame; the title band extends into the bleed (negative coordinates and beyond the size). */
  readonly frame: Frame;
  /** A Sect node holding the side's structure (empty children when untagged). */
  readonly node: StructNode;
  /** Body size chosen by fitting, points. */
  readonly size: number;
  readonly fits: boolean;
  /** How much too tall at the smallest size, points (0 when it fits). */
  readonly overflow: number;
  readonly missing: readonly KeyedMissingGlyph[];
}

/** One side laid out at one body size. */
export interface CardAttempt {
  readonly items: Positioned[];
  readonly nodes: StructNode[];
  readonly height: number;
  readonly missing: KeyedMissingGlyph[];
  /** The text setter's calls (the basis of lower bounds at larger sizes, layout/text-bounds.ts). */
  readonly calls: readonly SetTextCall[];
}

/**
 * A side this many times too tall at the largest size is probably too tall at the smallest too, so that size is
 * tried next (fit-size.ts `farOff`). Text height shrinks about with the square of the size (fewer lines, each
 * lower), so 9 → 6.5 pt gains up to (9/6.5)² ≈ 1.9; the linear ratio 1.38 probes a little early but rarely (2 of
 * the shipped cards' 140 sides when it was chosen), and the probe is not lost: it is the fitting end the search
 * narrows from.
 */
const FAR_OFF = CARD.bodyMaxPt / CARD.bodyMinPt;

const W = mm(CARD.trim.width);
const H = mm(CARD.trim.height);
const SAFE = mm(CARD.safe);
const BLEED = mm(PRESS.bleed);

/** Text style of the card; `Note` pieces inside body text (pending translation) are set smaller and grey. */
function style(size: number, color: TextStyle['color'], notesInline = true): TextStyle {
  const base: TextStyle = { size, leading: CARD.leading, color, align: 'start', paragraphSpace: 0.35, bulletIndent: 1.1 };
  return notesInline ? { ...base, noteScale: 0.85, noteColor: COLORS.note } : base;
}

/**
 * Lays out one side at body size `size`: band with the title, body (beside the QR code when there is one),
 * hotline, and notes at the bottom. Returns the content height measured from the top trim, to compare
 * with the trim height minus the bottom safety margin.
 */
function attempt(input: CardSideInput, size: number, docLang: string, setText: SetText, idPrefix?: string): Omit<CardAttempt, 'calls'> {
  const ids = idPrefix === undefined ? undefined : nodeIds(idPrefix);
  const safeWidth = W - 2 * SAFE;
  const qrSide = input.qrUrl ? mm(CARD.qr) : 0;
  const bodyWidth = input.qrUrl ? safeWidth - qrSide - mm(CARD.qrGap) : safeWidth;
  const rtl = input.dir === 'rtl';
  const common = { docLang, setText, ...(ids ? { ids } : {}) };

  const title = setPieces(input.title, { ...common, width: safeWidth, style: style(size * CARD.titleScale, COLORS.white) });
  const body = setPieces(input.body, { ...common, width: bodyWidth, style: style(size, COLORS.text) });
  const hotline = setPieces(input.hotline, { ...common, width: bodyWidth, style: style(size * CARD.hotlineScale, COLORS.accent) });
  const notes = setPieces(input.notes, { ...common, width: safeWidth, style: style(CARD.notePt, COLORS.note, false) });

  const bandHeight = SAFE + rowsHeight(title.rows) + mm(CARD.bandPad);
  const bodyRows: Row[] = [...body.rows, ...hotline.rows.map((r, i) => (i === 0 ? { ...r, spaceBefore: size * 0.45 } : r))];
  const bodyTop = bandHeight + mm(CARD.bandPad);
  const bodyHeight = rowsHeight(bodyRows);
  const notesHeight = rowsHeight(notes.rows);
  const notesGap = notesHeight > 0 ? mm(CARD.footerGap) : 0;
  // The QR code sits in the bottom end corner, above the notes; the body runs beside it.
  const qrBlock = Math.max(qrSide, 0);
  const height = Math.max(bodyTop + bodyHeight, bodyTop + qrBlock) + notesGap + notesHeight;

  const items: Positioned[] = [
    // Band: extended into the bleed on three sides so a press cut never leaves a white hairline.
    { x: -BLEED, y: -BLEED, item: { kind: 'rect', width: W + 2 * BLEED, height: bandHeight + BLEED, fill: COLORS.accent } },
    ...stackRows(title.rows, SAFE, SAFE),
    ...stackRows(bodyRows, rtl && qrSide > 0 ? SAFE + qrSide + mm(CARD.qrGap) : SAFE, bodyTop),
  ];
  const nodes: StructNode[] = [...title.nodes, ...body.nodes, ...hotline.nodes];
  if (input.qrUrl) {
    const qrY = H - SAFE - notesHeight - notesGap - qrSide;
    // The column above the QR code is empty (the body runs beside it): the logo goes there when it fits.
    const logoRoom = Math.min(qrY - mm(CARD.qrGap) - bodyTop, mm(CARD.logoMax));
    if (input.logo && logoRoom >= mm(CARD.logoMin)) {
      const logoId = ids ? ids('Figure') : undefined;
      const block = logoBlock(input.logo.logo, qrSide, logoRoom, undefined, logoId);
      const columnX = rtl ? SAFE : W - SAFE - qrSide;
      items.push(...block.items.map((p) => ({ ...p, x: p.x + columnX + (qrSide - block.width) / 2, y: p.y + bodyTop })));
      if (logoId) nodes.push({ id: logoId, role: 'Figure', alt: input.logo.alt, children: [] });
    }
    const figureId = ids ? ids('Figure') : undefined;
    const qr = qrCode(input.qrUrl, qrSide, COLORS.qr, figureId);
    // Quiet zone is white by construction: the code may sit closer to the edge than the text safety margin.
    items.push({ x: rtl ? SAFE : W - SAFE - qrSide, y: qrY, item: qr.item });
    if (figureId) nodes.push({ id: figureId, role: 'Figure', alt: `QR code: ${input.qrUrl}`, children: [] });
  }
  items.push(...stackRows(notes.rows, SAFE, H - SAFE - notesHeight));
  nodes.push(...notes.nodes);
  return { items, nodes, height, missing: [...title.missing, ...body.missing, ...hotline.missing, ...notes.missing] };
}

/**
 * The fitting problem of one side: body size from 9 pt down by 0.25 pt to 6.5 pt, fitting when everything stays
 * inside the safety margin. Its lower bounds (fit-size.ts `below`, layout/text-bounds.ts) hold because the
 * height rises with every line's height and count and with the size: the band (title rows), then the body and
 * hotline rows (gaps in proportion to the size) or the QR code's fixed height, whichever is taller, then the
 * fixed-size notes. Exported for the search tests.
 */
export function cardSideFit(input: CardSideInput, docLang: string, setText: SetText, idPrefix?: string): FitProblem<CardAttempt> {
  const limit = H - SAFE;
  return {
    attempt: (size) => {
      const recorded = recordingSetText(setText);
      return { ...attempt(input, size, docLang, recorded.setText, idPrefix), calls: recorded.calls };
    },
    fits: (a) => a.height <= limit + 1e-6,
    steps: { max: CARD.bodyMaxPt, min: CARD.bodyMinPt, step: CARD.stepPt },
    farOff: (a) => a.height > limit * FAR_OFF,
    excess: (a) => a.height - limit,
    below: (size, basis) => {
      const bounding = boundingSetText(basis.calls, setText);
      const bound = attempt(input, size, docLang, bounding.setText, idPrefix);
      return bounding.sound() ? { ...bound, calls: [] } : undefined;
    },
  };
}

/**
 * One card side, fitted: body size steps down from 9 pt by 0.25 pt to 6.5 pt until everything fits
 * inside the safety margin (the largest such size; fit-size.ts finds it). Tagged with ids `<idPrefix>-…` when
 * idPrefix is given.
 */
export function layoutCardSide(input: CardSideInput, docLang: string, setText: SetText, idPrefix?: string): CardSide {
  const limit = H - SAFE;
  const fitted: Fitted<CardAttempt> = fitSize(cardSideFit(input, docLang, setText, idPrefix));
  const a = fitted.result;
  const lang = input.lang !== docLang ? input.lang : undefined;
  const node: StructNode = {
    id: idPrefix === undefined ? '' : `${idPrefix}-sect`,
    role: 'Sect',
    ...(lang === undefined ? {} : { lang }),
    children: idPrefix === undefined ? [] : a.nodes,
  };
  return {
    frame: { width: W, height: H, items: a.items },
    node,
    size: fitted.size,
    fits: fitted.fits,
    overflow: Math.max(0, a.height - limit),
    missing: a.missing,
  };
}

/** Card trim size in points. */
export const CARD_SIZE = { width: W, height: H } as const;
/** Text safety margin in points (tests check ink stays inside). */
export const CARD_SAFE = SAFE;
