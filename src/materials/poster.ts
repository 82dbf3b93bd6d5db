import { guidanceString } from '../i18n/doc.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import type { MaterialsSpec } from '../content/types.ts';
import { languageInfo } from '../content/languages.ts';
import { boxRows } from '../layout/box-rows.ts';
import { COLORS } from '../layout/colors.ts';
import { fitGrid, fitSize, type FitProblem } from '../layout/fit-size.ts';
import { flowChips, type ChipFlow } from '../layout/flow-chips.ts';
import { boundingSetText, recordingSetText, type SetTextCall } from '../layout/text-bounds.ts';
import type { Color, DocumentSpec, Positioned, StructNode } from '../layout/frame.ts';
import { nodeIds } from '../layout/node-ids.ts';
import { plainParagraph } from '../layout/paragraphize.ts';
import { qrCode } from '../layout/qr.ts';
import { setPieces } from '../layout/set-pieces.ts';
import { sideBySide } from '../layout/side-by-side.ts';
import { rowsHeight, stackRows } from '../layout/stack-rows.ts';
import type { KeyedMissingGlyph, Row, SetText, TextPiece, TextStyle } from '../layout/types.ts';
import { mm, toMm } from '../layout/units.ts';
import { pressPage } from '../print/press-page.ts';
import { CODES } from '../diagnostics/codes.ts';
import { missingGlyphDiagnostics, noKeysDiagnostic } from './diagnostics.ts';
import { editionLogo, logoBlock, type EditionLogo } from './logo.ts';
import { materialMetadata } from './metadata.ts';
import { PRESS_GEOMETRY } from './press-geometry.ts';
import { POSTER } from './specs.ts';
import { editionPiece, keysToShorten, stringPieces, uiPiece } from './texts.ts';
import type { MaterialOptions, MaterialResult } from './types.ts';

/** The poster laid out with its rights at one size. */
export interface PosterAttempt {
  readonly items: Positioned[];
  readonly nodes: StructNode[];
  readonly missing: KeyedMissingGlyph[];
  /** Content height between the title band and the strip. */
  readonly height: number;
  readonly available: number;
  readonly pieces: TextPiece[];
  /** The text setter's calls (the basis of lower bounds at larger sizes, layout/text-bounds.ts). */
  readonly calls: readonly SetTextCall[];
}

/**
 * The strip's size per text setter and strip (see posterFit): every poster of an edition has the same strip, and
 * its height does not depend on the poster's language or direction (those only place and tag the chips), so the
 * search runs once per process. Bounded: a build has one strip per edition and paper.
 */
const stripSizes = new WeakMap<SetText, Map<string, number>>();
const MAX_STRIPS = 64;

/** The poster's two shrink-to-fit problems and what they share. */
export interface PosterFit {
  /**
   * The strip ("Know your rights" in every language of the edition): the largest size at which it takes at most
   * stripMaxHeight. Scanned (no `below`): its rows are as tall as their tallest chip and chips of different
   * scripts differ in height, so packing the same chips differently at a larger size can make the strip lower.
   */
  readonly strip: FitProblem<ChipFlow>;
  /** What decides the strip's size besides the text setter (its memo key). */
  readonly stripKey: string;
  /** The strip at a size, tagged. */
  readonly setStrip: (size: number) => ChipFlow;
  /** The rights (and the title, in proportion), around a strip already set. */
  readonly rights: (strip: ChipFlow) => FitProblem<PosterAttempt>;
}

/**
 * The poster's fitting problems (exported for the search tests; buildPoster solves them). The rights' lower
 * bounds (fit-size.ts `below`, layout/text-bounds.ts) hold because the flow's height rises with every line's
 * height and count and with the size — the rights rows (gaps in proportion to the size), the hotline box (its
 * rows + fixed padding), the QR row, the notes and the gaps (fixed) — and the room for it falls with them: the
 * page minus the strip (fixed here) and the title band (its rows, at a size that rises with the rights' until
 * its cap).
 */
export function posterFit(
  doc: LocalizedDoc,
  keys: MaterialsSpec['poster'],
  paper: NonNullable<MaterialOptions['posterPaper']>,
  setText: SetText,
  logo: { readonly logo?: EditionLogo },
): PosterFit {
  const s = POSTER.scale[paper];
  const W = mm(POSTER.base.width * s);
  const H = mm(POSTER.base.height * s);
  const margin = mm(POSTER.margin * s);
  const width = W - 2 * margin;
  const docLang = doc.lang.code;
  const rtl = doc.lang.dir === 'rtl';

  // Strip: it does not depend on the rights' size, so it is fitted once, not again for every rights size tried.
  const stripPad = mm(POSTER.stripPad * s);
  const chips = doc.strip.map((e) => ({ key: keys.strip, lang: e.lang.code, text: e.text }));
  const chipStyle = (pt: number) => ({ size: pt * s, leading: 1.15, color: COLORS.white, gap: mm(POSTER.stripGap * s) });
  const strip: FitProblem<ChipFlow> = {
    // Untagged while searching: the tags (fresh per poster) go on the strip at the size chosen.
    attempt: (pt) => flowChips(chips, width, chipStyle(pt), docLang, rtl, setText),
    fits: (f) => rowsHeight(f.rows) <= mm(POSTER.stripMaxHeight * s),
    steps: { max: POSTER.stripMaxPt, min: POSTER.stripMinPt, step: POSTER.stepPt },
  };
  const stripKey = [width, s, ...chips.flatMap((c) => [c.lang, c.text])].join('\u0000');
  const setStrip = (pt: number) => {
    // The tags number on from where the scan's attempts at the larger sizes left off (one per chip each), as when
    // every attempt was tagged: they enter the file's /ID (render/pdf.ts fileId), so the files stay the same.
    const ids = nodeIds('poster-strip');
    const skipped = fitGrid(strip.steps).indexOf(pt) * chips.length;
    for (let i = 0; i < skipped; i++) ids('P');
    return flowChips(chips, width, chipStyle(pt), docLang, rtl, setText, ids);
  };

  // The texts do not depend on the size tried: made once, not at every attempt (ui lookups, paragraphs).
  const titlePieces = stringPieces(doc, guidanceString(doc, keys.title), 'H1');
  const rights: TextPiece[] = keys.rights.flatMap((key) =>
    stringPieces(doc, guidanceString(doc, key)).map((p): TextPiece => (p.role === 'P' ? { ...p, role: 'LI', list: 0 } : p)),
  );
  const hotlinePieces = stringPieces(doc, guidanceString(doc, keys.hotline));
  const captionPieces: TextPiece[] = [
    uiPiece(doc, 'qrCaption', 'P', undefined, true),
    { key: 'settings.website', role: 'P', paragraph: plainParagraph(doc.settings.website, docLang) },
  ];
  const notePieces = [...stringPieces(doc, guidanceString(doc, keys.disclaimer), 'Note'), editionPiece(doc)];

  const attempt = (strip: ChipFlow, size: number, setText: SetText): Omit<PosterAttempt, 'calls'> => {
    const stripHeight = rowsHeight(strip.rows) + 2 * stripPad;
    const stripTop = H - stripHeight;
    const ids = nodeIds('poster');
    const missing: KeyedMissingGlyph[] = [];
    const nodes: StructNode[] = [];
    const pieces: TextPiece[] = [];
    // Notes inside body text (pending translation) are smaller and grey; note blocks at the note size are not scaled
    // again; in the title band (white text) they stay white: grey on the red band is unreadable.
    const style = (pt: number, color: Color, align: TextStyle['align'] = 'start', leading: number = POSTER.leading): TextStyle => ({
      size: pt,
      leading,
      color,
      align,
      paragraphSpace: 0.45,
      bulletIndent: 1.1,
      ...(color === COLORS.note ? {} : { noteScale: 0.6, noteColor: color === COLORS.white ? COLORS.white : COLORS.note }),
    });
    const set = (p: readonly TextPiece[], pt: number, color: Color, measure = width, align: TextStyle['align'] = 'start', leading: number = POSTER.leading) => {
      pieces.push(...p);
      const r = setPieces(p, { width: measure, style: style(pt, color, align, leading), docLang, setText, ids });
      missing.push(...r.missing);
      nodes.push(...r.nodes);
      return r.rows;
    };
    const gap = mm(POSTER.gap * s);

    // Title band (scaled with the rights so a long title never crowds them out), the edition logo in its top
    // start corner on a white plate; the title is centred in the rest of the band.
    const logoId = logo.logo ? ids('Figure') : undefined;
    if (logo.logo && logoId) nodes.push({ id: logoId, role: 'Figure', alt: logo.logo.alt, children: [] });
    const plate = { pad: mm(POSTER.logo.platePad * s), radius: mm(POSTER.logo.plateRadius * s) };
    const logoBox = logo.logo ? logoBlock(logo.logo.logo, mm(POSTER.logo.maxWidth * s), mm(POSTER.logo.maxHeight * s), plate, logoId) : undefined;
    const logoSpace = logoBox ? logoBox.width + mm(POSTER.logo.gap * s) : 0;
    const titleSize = Math.min(POSTER.titleMaxPt * s, size * (POSTER.titleMaxPt / POSTER.rightsMaxPt));
    const titleRows = set(titlePieces, titleSize, COLORS.white, width - logoSpace, 'center', POSTER.titleLeading);
    const bandPad = mm(POSTER.bandPad * s);
    const mastHeight = Math.max(rowsHeight(titleRows), logoBox?.height ?? 0);
    const bandHeight = bandPad + mastHeight + bandPad;
    const logoItems = logoBox
      ? logoBox.items.map((p) => ({ ...p, x: p.x + (rtl ? W - margin - logoBox.width : margin), y: p.y + bandPad + (mastHeight - logoBox.height) / 2 }))
      : [];

    // Rights: every paragraph of every right becomes one item of a single list.
    const flow: Row[] = [...set(rights, size, COLORS.text)];
    const pad = mm(POSTER.boxPad * s);
    const hotlineRows = set(hotlinePieces, size * POSTER.hotlineScale, COLORS.text, width - 2 * pad, 'center');
    flow.push(
      boxRows(hotlineRows, width, { pad, fill: COLORS.tint, stroke: COLORS.accent, lineWidth: POSTER.boxStrokePt * s, radius: mm(POSTER.boxRadius * s) }, gap),
    );
    const qrSide = mm(POSTER.qr * s);
    const figureId = ids('Figure');
    nodes.push({ id: figureId, role: 'Figure', alt: `QR code: ${doc.settings.website}`, children: [] });
    const qr = qrCode(doc.settings.website, qrSide, COLORS.qr, figureId);
    const captionRows = set(captionPieces, POSTER.notePt * s * 1.6, COLORS.text, width - qrSide - mm(POSTER.qrGap * s));
    flow.push(sideBySide({ item: qr.item, size: qrSide }, captionRows, width, mm(POSTER.qrGap * s), rtl, gap));
    const noteRows = set(notePieces, POSTER.notePt * s, COLORS.note);
    flow.push(...noteRows.map((r, i) => (i === 0 ? { ...r, spaceBefore: gap } : r)));

    missing.push(...strip.missing);

    const contentTop = bandHeight + gap;
    const available = stripTop - gap - contentTop;
    const height = rowsHeight(flow);
    const bleed = mm(3);
    const items: Positioned[] = [
      { x: -bleed, y: -bleed, item: { kind: 'rect', width: W + 2 * bleed, height: bandHeight + bleed, fill: COLORS.accent } },
      ...logoItems,
      ...stackRows(titleRows, rtl ? margin : margin + logoSpace, bandPad + (mastHeight - rowsHeight(titleRows)) / 2),
      // Spread the remaining space: the flow sits centred between band and strip, a poster has no "bottom of page".
      ...stackRows(flow, margin, contentTop + Math.max(0, (available - height) / 2)),
      { x: -bleed, y: stripTop, item: { kind: 'rect', width: W + 2 * bleed, height: stripHeight + bleed, fill: COLORS.accent } },
      ...stackRows(strip.rows, margin, stripTop + stripPad),
    ];
    const stripSect: StructNode = { id: 'poster-strip', role: 'Sect', children: strip.nodes };
    return { items, nodes: [...nodes, stripSect], missing, height, available, pieces };
  };

  // 40 → 14 pt is 27 sizes: rights text over 40/14 times too tall at the top is tried at 14 pt next, so a pasted
  // document is reported after two layouts (fit-size.ts `farOff`; the size chosen is the same either way).
  const rightsFit = (strip: ChipFlow): FitProblem<PosterAttempt> => ({
    attempt: (size) => {
      const recorded = recordingSetText(setText);
      return { ...attempt(strip, size, recorded.setText), calls: recorded.calls };
    },
    fits: (a) => a.height <= a.available + 1e-6,
    steps: { max: POSTER.rightsMaxPt * s, min: POSTER.rightsMinPt * s, step: POSTER.stepPt * s },
    farOff: (a) => a.height > a.available * (POSTER.rightsMaxPt / POSTER.rightsMinPt),
    excess: (a) => a.height - a.available,
    below: (size, basis) => {
      const bounding = boundingSetText(basis.calls, setText);
      const bound = attempt(strip, size, bounding.setText);
      return bounding.sound() ? { ...bound, calls: [] } : undefined;
    },
  });
  return { strip, stripKey, setStrip, rights: rightsFit };
}

/**
 * The poster: A3 by default, A4/A2 by scaling every length and size of the one A3 spec. A title band, the key
 * rights as a big bullet list, the hotline in a box, the QR code with its caption, the disclaimer and edition,
 * and at the foot a strip with "Know your rights" in every language of the edition, each in its own script.
 * Rights shrink in 1 pt steps until everything fits (the largest size that does; fit-size.ts finds it); if not
 * even at the minimum, error RP3003.
 * Outputs `poster.pdf` (RGB, for home or copy-shop printing) and `poster-press.pdf` (bleed, crop marks, CMYK).
 */
export function buildPoster(doc: LocalizedDoc, opts: MaterialOptions, setText: SetText): MaterialResult {
  if (!opts.keys) return { outputs: [], diagnostics: [noKeysDiagnostic('poster')] };
  const keys = opts.keys.poster;
  const paper = opts.posterPaper ?? 'A3';
  const s = POSTER.scale[paper];
  const W = mm(POSTER.base.width * s);
  const H = mm(POSTER.base.height * s);
  const docLang = doc.lang.code;
  const logo = editionLogo(doc, opts);
  const problems = posterFit(doc, keys, paper, setText, logo);

  let sizes = stripSizes.get(setText);
  if (!sizes) stripSizes.set(setText, (sizes = new Map()));
  let stripPt = sizes.get(problems.stripKey);
  if (stripPt === undefined) {
    if (sizes.size >= MAX_STRIPS) sizes.clear();
    stripPt = fitSize(problems.strip).size;
    sizes.set(problems.stripKey, stripPt);
  }
  const fitted = fitSize(problems.rights(problems.setStrip(stripPt)));
  const a = fitted.result;
  const name = (code: string) => languageInfo(code)?.name ?? code;
  const diagnostics = [...logo.diagnostics, ...missingGlyphDiagnostics(a.missing, name)];
  if (!fitted.fits) {
    diagnostics.push(
      error(
        CODES.layout.posterOverflow,
        `Poster (${paper}) in ${doc.lang.name} (${docLang}) is ${toMm(a.height - a.available).toFixed(1)} mm too tall even with the rights at ${fitted.size.toFixed(1)} pt.`,
        undefined,
        [
          `shorten the translation of: ${keysToShorten(a.pieces).join(', ')}`,
          'or list fewer rights in content/project.yaml (materials.poster.rights: three to five)',
        ],
      ),
    );
  }
  const doc_: DocumentSpec = {
    lang: docLang,
    pages: [{ width: W, height: H, frame: { width: W, height: H, items: a.items } }],
    structure: { id: 'doc', role: 'Document', children: a.nodes },
    metadata: materialMetadata(doc, guidanceString(doc, keys.title).plain, 'poster', opts.keys),
    colorMode: 'rgb',
  };
  // The print-shop twin: the same page on a press sheet (bands run into the 3 mm bleed, crop marks, CMYK).
  const press: DocumentSpec = { ...doc_, pages: doc_.pages.map((p) => pressPage(p.frame, PRESS_GEOMETRY)), colorMode: 'cmyk' };
  return {
    outputs: [
      { file: 'poster.pdf', material: 'poster', kind: 'home', doc: doc_ },
      { file: 'poster-press.pdf', material: 'poster', kind: 'press', doc: press },
    ],
    diagnostics,
  };
}
