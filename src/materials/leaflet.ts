import { guidanceString, uiText } from '../i18n/doc.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import { languageInfo } from '../content/languages.ts';
import { boxRows } from '../layout/box-rows.ts';
import { COLORS } from '../layout/colors.ts';
import type { Color, DocumentSpec, Frame, Page, Positioned, StructNode } from '../layout/frame.ts';
import { nodeIds } from '../layout/node-ids.ts';
import { paginate } from '../layout/paginate.ts';
import { plainParagraph } from '../layout/paragraphize.ts';
import { qrCode } from '../layout/qr.ts';
import { setPieces } from '../layout/set-pieces.ts';
import { sideBySide } from '../layout/side-by-side.ts';
import { rowsHeight, stackRows } from '../layout/stack-rows.ts';
import type { KeyedMissingGlyph, Row, SetText, TextPiece, TextStyle } from '../layout/types.ts';
import { mm } from '../layout/units.ts';
import { pressPage } from '../print/press-page.ts';
import { PRESS_GEOMETRY } from './press-geometry.ts';
import { missingGlyphDiagnostics, noKeysDiagnostic } from './diagnostics.ts';
import { editionLogo, logoBlock } from './logo.ts';
import { materialMetadata } from './metadata.ts';
import { LEAFLET } from './specs.ts';
import { editionPiece, stringPieces, uiPiece } from './texts.ts';
import type { MaterialOptions, MaterialResult } from './types.ts';

/**
 * The leaflet: A5 (or A4) pages, as many as needed. Page 1 opens with a title band; then intro, sections
 * (H2 heading + bodies), the boxed hotline, the QR code with its caption, the disclaimer and the edition
 * note. Pages break between lines; a heading never ends a page. Every page has a running footer
 * (edition · status at the start side, "n / N" at the end side) drawn as an artifact.
 * Outputs `leaflet.pdf` (RGB) and `leaflet-press.pdf` (same pages on a press sheet: bleed, crop marks, CMYK).
 */
export function buildLeaflet(doc: LocalizedDoc, opts: MaterialOptions, setText: SetText): MaterialResult {
  if (!opts.keys) return { outputs: [], diagnostics: [noKeysDiagnostic('leaflet')] };
  const keys = opts.keys.leaflet;
  const paper = opts.leafletPaper ?? 'A5';
  const k = paper === 'A4' ? LEAFLET.a4TypeScale : 1;
  const pageW = mm(LEAFLET.pages[paper].width);
  const pageH = mm(LEAFLET.pages[paper].height);
  const left = mm(LEAFLET.margin.inner);
  const width = pageW - mm(LEAFLET.margin.inner) - mm(LEAFLET.margin.outer);
  const docLang = doc.lang.code;
  const rtl = doc.lang.dir === 'rtl';
  const ids = nodeIds('leaflet');
  const missing: KeyedMissingGlyph[] = [];
  const nodes: StructNode[] = [];
  // Notes set inside body text (pending translation) are smaller and grey; note blocks set at the note size are not
  // scaled again; in the title band (white text) they stay white: grey on the red band is unreadable.
  const style = (size: number, color: Color = COLORS.text, leading: number = LEAFLET.leading): TextStyle => ({
    size,
    leading,
    color,
    align: 'start',
    paragraphSpace: 0.5,
    bulletIndent: 1.2,
    ...(color === COLORS.note ? {} : { noteScale: 0.8, noteColor: color === COLORS.white ? COLORS.white : COLORS.note }),
  });
  const set = (pieces: readonly TextPiece[], size: number, color: Color = COLORS.text, measure = width, leading: number = LEAFLET.leading) => {
    const result = setPieces(pieces, { width: measure, style: style(size, color, leading), docLang, setText, ids });
    missing.push(...result.missing);
    nodes.push(...result.nodes);
    return result.rows;
  };
  // `keep`: the first row may not start a page (it follows a heading set in another call).
  const withSpace = (rows: readonly Row[], space: number, keep = false): Row[] =>
    rows.map((r, i) => (i === 0 ? { ...r, spaceBefore: space, keepWithPrevious: r.keepWithPrevious || keep } : r));
  const body = LEAFLET.bodyPt * k;

  // Title band on page 1, with the edition logo on its start side (left in LTR, right in RTL) on a white plate.
  const logo = editionLogo(doc, opts);
  const logoId = logo.logo ? ids('Figure') : undefined;
  if (logo.logo && logoId) nodes.push({ id: logoId, role: 'Figure', alt: logo.logo.alt, children: [] });
  const plate = { pad: mm(LEAFLET.logo.platePad) * k, radius: mm(LEAFLET.logo.plateRadius) * k };
  const logoBox = logo.logo ? logoBlock(logo.logo.logo, mm(LEAFLET.logo.maxWidth) * k, mm(LEAFLET.logo.maxHeight) * k, plate, logoId) : undefined;
  const logoSpace = logoBox ? logoBox.width + mm(LEAFLET.logo.gap) * k : 0;
  const titleRows = set(stringPieces(doc, guidanceString(doc, keys.title), 'H1'), LEAFLET.titlePt * k, COLORS.white, width - logoSpace, LEAFLET.headingLeading);
  const bandPad = mm(LEAFLET.bandPad);
  const titleTop = mm(LEAFLET.margin.top) - bandPad / 2;
  // Title and logo share the band's height and are centred on each other.
  const mastHeight = Math.max(rowsHeight(titleRows), logoBox?.height ?? 0);
  const bandHeight = titleTop + mastHeight + bandPad;

  // The flow.
  const flow: Row[] = [];
  if (keys.intro) flow.push(...set(stringPieces(doc, guidanceString(doc, keys.intro)), body));
  keys.sections.forEach((section, s) => {
    flow.push(
      ...withSpace(
        set(stringPieces(doc, guidanceString(doc, section.heading), 'H2'), LEAFLET.headingPt * k, COLORS.accent, width, LEAFLET.headingLeading),
        body * 1.1,
      ),
    );
    section.body.forEach((key, b) => {
      flow.push(...withSpace(set(stringPieces(doc, guidanceString(doc, key), 'P', (s * 100 + b) * 1000), body), body * 0.5, b === 0));
    });
  });
  const pad = mm(LEAFLET.boxPad) * k;
  const hotlineRows = set(stringPieces(doc, guidanceString(doc, keys.hotline)), LEAFLET.hotlinePt * k, COLORS.text, width - 2 * pad);
  flow.push(
    boxRows(hotlineRows, width, { pad, fill: COLORS.tint, stroke: COLORS.accent, lineWidth: LEAFLET.boxStrokePt, radius: mm(LEAFLET.boxRadius) }, body * 1.2),
  );

  // QR code beside its caption; reading order: the Figure, then the caption.
  const qrSide = mm(LEAFLET.qr) * k;
  const figureId = ids('Figure');
  nodes.push({ id: figureId, role: 'Figure', alt: `QR code: ${doc.settings.website}`, children: [] });
  const qr = qrCode(doc.settings.website, qrSide, COLORS.qr, figureId);
  const captionPieces: TextPiece[] = [
    uiPiece(doc, 'qrCaption', 'P', undefined, true),
    { key: 'settings.website', role: 'P', paragraph: plainParagraph(doc.settings.website, docLang) },
  ];
  const captionRows = set(captionPieces, body, COLORS.text, width - qrSide - mm(LEAFLET.qrGap));
  flow.push(sideBySide({ item: qr.item, size: qrSide }, captionRows, width, mm(LEAFLET.qrGap), rtl, body));

  flow.push(...withSpace(set([...stringPieces(doc, guidanceString(doc, keys.disclaimer), 'Note'), editionPiece(doc)], LEAFLET.notePt * k, COLORS.note), body));

  // Pagination: page 1 starts under the band.
  const firstTop = bandHeight + bandPad;
  const otherTop = mm(LEAFLET.margin.top);
  const bottom = pageH - mm(LEAFLET.margin.bottom);
  const pagesRows = paginate(flow, (page) => bottom - (page === 0 ? firstTop : otherTop));
  const total = pagesRows.length;

  const pages: Page[] = pagesRows.map((rows, index) => {
    const items: Positioned[] = [];
    if (index === 0) {
      const bleed = PRESS_GEOMETRY.bleed;
      items.push({ x: -bleed, y: -bleed, item: { kind: 'rect', width: pageW + 2 * bleed, height: bandHeight + bleed, fill: COLORS.accent } });
      if (logoBox) {
        const x = rtl ? left + width - logoBox.width : left;
        const y = titleTop + (mastHeight - logoBox.height) / 2;
        items.push(...logoBox.items.map((p) => ({ ...p, x: p.x + x, y: p.y + y })));
      }
      items.push(...stackRows(titleRows, rtl ? left : left + logoSpace, titleTop + (mastHeight - rowsHeight(titleRows)) / 2));
    }
    items.push(...stackRows(rows, left, index === 0 ? firstTop : otherTop));
    items.push(...footer(doc, index + 1, total, { left, width, baseline: pageH - mm(LEAFLET.footerFromBottom), size: LEAFLET.notePt * k }, setText, missing));
    const frame: Frame = { width: pageW, height: pageH, items };
    return { width: pageW, height: pageH, frame };
  });

  const structure: StructNode = { id: 'doc', role: 'Document', children: nodes };
  const metadata = materialMetadata(doc, guidanceString(doc, keys.title).plain, 'leaflet', opts.keys);
  const home: DocumentSpec = { lang: docLang, pages, structure, metadata, colorMode: 'rgb' };
  const press: DocumentSpec = { ...home, pages: pages.map((p) => pressPage(p.frame, PRESS_GEOMETRY)), colorMode: 'cmyk' };
  const name = (code: string) => languageInfo(code)?.name ?? code;
  return {
    outputs: [
      { file: 'leaflet.pdf', material: 'leaflet', kind: 'home', doc: home },
      { file: 'leaflet-press.pdf', material: 'leaflet', kind: 'press', doc: press },
    ],
    diagnostics: [...logo.diagnostics, ...missingGlyphDiagnostics(missing, name)],
  };
}

/** Running footer: edition (and draft status) on the start side, "n / N" on the end side; untagged artifacts. */
function footer(
  doc: LocalizedDoc,
  page: number,
  total: number,
  at: { left: number; width: number; baseline: number; size: number },
  setText: SetText,
  missing: KeyedMissingGlyph[],
): Positioned[] {
  const options = { width: at.width, size: at.size, leading: 1 };
  const edition = setText(editionPiece(doc).paragraph, { ...options, width: at.width * 0.7 });
  const number = setText(plainParagraph(uiText(doc, 'page', { page, total }), doc.lang.code), options);
  for (const glyph of [...edition.missing, ...number.missing]) missing.push({ key: 'ui.footer', glyph });
  const rtl = doc.lang.dir === 'rtl';
  const items: Positioned[] = [];
  const first = edition.lines[0];
  const num = number.lines[0];
  if (first) items.push({ x: rtl ? at.left + at.width - first.width : at.left, y: at.baseline, item: { kind: 'line', line: first, color: COLORS.note } });
  if (num) items.push({ x: rtl ? at.left : at.left + at.width - num.width, y: at.baseline, item: { kind: 'line', line: num, color: COLORS.note } });
  return items;
}
