import { guidanceString, officerGuidanceString, officerUiText, uiText } from '../i18n/doc.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { MaterialsSpec } from '../content/types.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import { languageInfo } from '../content/languages.ts';
import type { SetText, TextPiece } from '../layout/types.ts';
import { toMm } from '../layout/units.ts';
import { layoutCardSide, type CardSide, type CardSideInput } from './card-side.ts';
import { CODES } from '../diagnostics/codes.ts';
import { missingGlyphDiagnostics } from './diagnostics.ts';
import type { EditionLogo } from './logo.ts';
import { CARD } from './specs.ts';
import { editionPiece, hotlinePieces, keysPieces, keysToShorten, pendingPieces, stringPieces } from './texts.ts';

export interface CardSides {
  readonly front: CardSide;
  readonly back: CardSide;
  readonly diagnostics: readonly Diagnostic[];
}

/** What goes on each side of one language's card (see cardSides). */
export function cardSideInputs(doc: LocalizedDoc, keys: MaterialsSpec, logo?: EditionLogo): { front: CardSideInput; back: CardSideInput } {
  const [frontTitleKey, ...frontKeys] = keys.card.front;
  const [backTitleKey, ...backKeys] = keys.card.back;
  const frontStrings = keys.card.front.map((k) => guidanceString(doc, k));
  const backStrings = keys.card.back.map((k) => officerGuidanceString(doc, k));
  const disclaimer = guidanceString(doc, keys.leaflet.disclaimer);

  // One "translation pending" note per side, at its foot above the edition line: a note under every fallback
  // string made a fully stale language overflow the card (the day the guidance changes, every language is stale).
  const frontInput: CardSideInput = {
    title: frontTitleKey ? stringPieces(doc, guidanceString(doc, frontTitleKey), 'H1', 0, 'none') : [],
    body: keysPieces(doc, frontKeys, false, 'none'),
    hotline: hotlinePieces(doc, frontStrings),
    notes: [
      ...pendingPieces([...frontStrings, disclaimer], (k) => uiText(doc, k), doc.lang.code),
      editionPiece(doc),
      ...stringPieces(doc, disclaimer, 'Note', 0, 'none'),
    ],
    lang: doc.lang.code,
    dir: doc.lang.dir,
  };
  const backInput: CardSideInput = {
    title: backTitleKey ? stringPieces(doc, officerGuidanceString(doc, backTitleKey), 'H2', 0, 'none') : [],
    body: keysPieces(doc, backKeys, true, 'none'),
    hotline: hotlinePieces(doc, backStrings, doc.officerLang.code),
    notes: doc.officerUi
      ? pendingPieces(backStrings, (k) => officerUiText(doc, k)!, doc.officerLang.code)
      : pendingPieces(backStrings, (k) => uiText(doc, k), doc.lang.code),
    lang: doc.officerLang.code,
    dir: doc.officerLang.dir,
    qrUrl: doc.settings.website,
    ...(logo ? { logo } : {}),
  };
  return { front: frontInput, back: backInput };
}

/**
 * Both sides of one language's card. Front: the holder's language (title + `card.front` keys, hotline,
 * edition/draft note, disclaimer). Back: the officer language (`card.back` keys, hotline, QR code to the
 * website). `idPrefix` tags the sides (omit for untagged copies). `docLang` is the language of the PDF the
 * card goes into (a mixed-language sheet marks each card's own language). `logo`: the edition logo for the back.
 */
export function cardSides(doc: LocalizedDoc, keys: MaterialsSpec, setText: SetText, idPrefix?: string, docLang = doc.lang.code, logo?: EditionLogo): CardSides {
  const { front: frontInput, back: backInput } = cardSideInputs(doc, keys, logo);
  const front = layoutCardSide(frontInput, docLang, setText, idPrefix === undefined ? undefined : `${idPrefix}-front`);
  const back = layoutCardSide(backInput, docLang, setText, idPrefix === undefined ? undefined : `${idPrefix}-back`);

  const name = (code: string) => languageInfo(code)?.name ?? code;
  const diagnostics: Diagnostic[] = [...missingGlyphDiagnostics([...front.missing, ...back.missing], name)];
  const sides: [string, CardSide, CardSideInput][] = [
    ['front', front, frontInput],
    ['back', back, backInput],
  ];
  for (const [side, result, input] of sides) {
    if (result.fits) continue;
    const pieces: TextPiece[] = [...input.title, ...input.body, ...input.notes];
    diagnostics.push(
      error(
        CODES.layout.cardOverflow,
        `Wallet card ${side} in ${name(input.lang)} (${input.lang})${input.lang === doc.lang.code ? '' : ` on the ${doc.lang.name} (${doc.lang.code}) card`} is ${toMm(result.overflow).toFixed(1)} mm too tall even at the smallest legible size (${CARD.bodyMinPt} pt).`,
        undefined,
        [
          `shorten the translation of: ${keysToShorten(pieces).join(', ')}`,
          `or move a key off the card ${side} in content/project.yaml (materials.card.${side})`,
        ],
      ),
    );
  }
  return { front, back, diagnostics };
}
