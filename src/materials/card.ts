import { guidanceString } from '../i18n/doc.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import { languageInfo } from '../content/languages.ts';
import type { DocumentSpec, StructNode } from '../layout/frame.ts';
import type { KeyedMissingGlyph, SetText } from '../layout/types.ts';
import { untag } from '../layout/untag.ts';
import { pressPage } from '../print/press-page.ts';
import { cardSheets, type SheetCard, type SheetPaper } from './card-sheet.ts';
import { cardSides } from './card-sides.ts';
import { missingGlyphDiagnostics, noKeysDiagnostic } from './diagnostics.ts';
import { editionLogo } from './logo.ts';
import { materialMetadata } from './metadata.ts';
import { PRESS_GEOMETRY } from './press-geometry.ts';
import { CARD } from './specs.ts';
import type { BuildOutput, MaterialOptions, MaterialResult } from './types.ts';

const SHEET_FILES: Record<SheetPaper, string> = { A4: 'card-sheet-a4.pdf', Letter: 'card-sheet-letter.pdf' };

function documentNode(children: readonly StructNode[]): StructNode {
  return { id: 'doc', role: 'Document', children };
}

/**
 * The wallet card of one (edition, language): `card-press.pdf` (front and back at trim + 3 mm bleed, crop
 * marks, CMYK) and the home sheets `card-sheet-a4.pdf`, `card-sheet-letter.pdf` (A4 10-up, Letter 8-up, mirrored
 * backs, RGB). Only the first card of a sheet is tagged; its copies are artifacts.
 */
export function buildCard(doc: LocalizedDoc, opts: MaterialOptions, setText: SetText): MaterialResult {
  if (!opts.keys) return { outputs: [], diagnostics: [noKeysDiagnostic('wallet card')] };
  const logo = editionLogo(doc, opts);
  const sides = cardSides(doc, opts.keys, setText, 'card', doc.lang.code, logo.logo);
  const copy: SheetCard = {
    front: { ...sides.front, frame: untag(sides.front.frame), node: { ...sides.front.node, id: '' } },
    back: { ...sides.back, frame: untag(sides.back.frame), node: { ...sides.back.node, id: '' } },
  };
  const title = guidanceString(doc, opts.keys.card.front[0] ?? '').plain;
  const metadata = materialMetadata(doc, title, 'wallet card', opts.keys);

  const press: DocumentSpec = {
    lang: doc.lang.code,
    pages: [pressPage(sides.front.frame, PRESS_GEOMETRY), pressPage(sides.back.frame, PRESS_GEOMETRY)],
    structure: documentNode([sides.front.node, sides.back.node]),
    metadata,
    colorMode: 'cmyk',
  };
  const outputs: BuildOutput[] = [{ file: 'card-press.pdf', material: 'card', kind: 'press', doc: press }];
  const missing: KeyedMissingGlyph[] = [];
  for (const paper of ['A4', 'Letter'] as const) {
    const perSheet = opts.cardsPerSheet ?? CARD.sheetDefault[paper];
    const cards: SheetCard[] = [sides, ...Array.from({ length: perSheet - 1 }, () => copy)];
    const sheets = cardSheets(cards, paper, perSheet, doc, setText, `sheet-${paper.toLowerCase()}`);
    missing.push(...sheets.missing);
    outputs.push({
      file: SHEET_FILES[paper],
      material: 'card',
      kind: 'home',
      doc: { lang: doc.lang.code, pages: sheets.pages, structure: documentNode(sheets.nodes), metadata, colorMode: 'rgb' },
    });
  }
  const name = (code: string) => languageInfo(code)?.name ?? code;
  return { outputs, diagnostics: [...logo.diagnostics, ...sides.diagnostics, ...missingGlyphDiagnostics(missing, name)] };
}

/**
 * One card per language on shared sheets (`card-sheet-mixed-a4.pdf`, `…-letter.pdf`): fronts each in their
 * language, backs matching behind them. Labels use the officer language when it is among the docs (the
 * people cutting a mixed sheet share it), else the first language.
 */
export function buildMixedCard(docs: readonly LocalizedDoc[], opts: MaterialOptions, setText: SetText): MaterialResult {
  if (!opts.keys) return { outputs: [], diagnostics: [noKeysDiagnostic('mixed card sheet')] };
  const first = docs[0];
  if (!first) return { outputs: [], diagnostics: [] };
  const keys = opts.keys;
  const labelDoc = docs.find((d) => d.lang.code === first.officerLang.code) ?? first;
  // Every doc of a mixed sheet belongs to the same edition: one logo for all backs.
  const logo = editionLogo(first, opts);
  const all = docs.map((d, i) => ({ doc: d, sides: cardSides(d, keys, setText, `card${i + 1}-${d.lang.code}`, labelDoc.lang.code, logo.logo) }));
  const cards: SheetCard[] = all.map((a) => a.sides);
  const diagnostics = [...logo.diagnostics, ...all.flatMap((a) => a.sides.diagnostics)];
  const title = `${guidanceString(labelDoc, keys.card.front[0] ?? '').plain} (${docs.map((d) => d.lang.code).join(', ')})`;
  const metadata = {
    ...materialMetadata(labelDoc, title, 'wallet card', opts.keys),
    extra: { Edition: first.edition.name, Languages: docs.map((d) => d.lang.code).join(' ') },
  };
  const outputs: BuildOutput[] = (['A4', 'Letter'] as const).map((paper) => {
    const sheets = cardSheets(cards, paper, opts.cardsPerSheet ?? CARD.sheetDefault[paper], labelDoc, setText, `mixed-${paper.toLowerCase()}`);
    return {
      file: `card-sheet-mixed-${paper.toLowerCase()}.pdf`,
      material: 'card' as const,
      kind: 'home' as const,
      doc: { lang: labelDoc.lang.code, pages: sheets.pages, structure: documentNode(sheets.nodes), metadata, colorMode: 'rgb' as const },
    };
  });
  return { outputs, diagnostics };
}
