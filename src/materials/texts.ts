import { guidanceString, officerGuidanceString, officerUiText, uiText } from '../i18n/doc.ts';
import type { LocalizedDoc, LocalizedString } from '../i18n/types.ts';
import { paragraphize, plainParagraph } from '../layout/paragraphize.ts';
import type { PieceRole, TextPiece } from '../layout/types.ts';

/**
 * Content strings → pieces, with the notes every material must show: the localised "Updated — translation
 * pending" right under any string printed as a fallback, the edition line and the draft notice.
 */

/**
 * Where the "translation pending" note goes: `inline` right under each fallback string (leaflet, poster: the
 * reader sees which block is in the source language); `none` leaves it out because the caller prints one note
 * for a whole area (the wallet card: one note per side, see `pendingPieces`).
 */
export type PendingNotes = 'inline' | 'none';

/**
 * `piece` with the project's source language on its paragraph (Paragraph.sourceLang), so the text engine marks
 * text kept in it with the real source language rather than its default `en`. Unchanged when the doc has none.
 */
function withSourceLang(doc: LocalizedDoc, piece: TextPiece): TextPiece {
  return doc.sourceLang === undefined ? piece : { ...piece, paragraph: { ...piece.paragraph, sourceLang: doc.sourceLang } };
}

/** Pieces of one guidance string, followed by the pending-translation note when it fell back to the source. */
export function stringPieces(
  doc: LocalizedDoc,
  str: LocalizedString,
  role: Exclude<PieceRole, 'LI'> = 'P',
  listBase = 0,
  notes: PendingNotes = 'inline',
): TextPiece[] {
  const pieces = paragraphize({ key: str.key, lang: str.lang, blocks: str.blocks }, role, listBase).map((p) => withSourceLang(doc, p));
  if (str.state === 'fallback' && notes === 'inline') pieces.push(uiPiece(doc, 'pendingNotice', 'Note'));
  return pieces;
}

/** Pieces of several keys, lists numbered apart so two keys' bullet lists never merge. */
export function keysPieces(doc: LocalizedDoc, keys: readonly string[], officer = false, notes: PendingNotes = 'inline'): TextPiece[] {
  return keys.flatMap((key, i) => stringPieces(doc, officer ? officerGuidanceString(doc, key) : guidanceString(doc, key), 'P', i * 1000, notes));
}

/**
 * ONE "translation pending" note for an area (a card side) when any of its strings fell back to the source
 * language; none otherwise. `ui`/`lang` give the note's language (the officer side uses the officer language).
 */
export function pendingPieces(strings: readonly LocalizedString[], ui: (key: string) => string, lang: string): TextPiece[] {
  if (!strings.some((s) => s.state === 'fallback')) return [];
  return [{ key: 'ui.pendingNotice', role: 'Note', paragraph: plainParagraph(ui('pendingNotice'), lang) }];
}

/** A UI string (locales/<lng>/ui.json) as a piece in the document's language. */
export function uiPiece(doc: LocalizedDoc, key: string, role: Exclude<PieceRole, 'LI'>, vars?: Record<string, string | number>, bold = false): TextPiece {
  return withSourceLang(doc, { key: `ui.${key}`, role, paragraph: plainParagraph(uiText(doc, key, vars), doc.lang.code, bold) });
}

/** "Edition 2026.1 · 2026-11-26", plus "· Translation not yet reviewed" for a draft language. */
export function editionText(doc: LocalizedDoc): string {
  const edition = uiText(doc, 'edition', { version: doc.version, date: doc.date });
  return doc.review === 'draft' ? `${edition} · ${uiText(doc, 'draftNotice')}` : edition;
}

export function editionPiece(doc: LocalizedDoc): TextPiece {
  return withSourceLang(doc, { key: 'ui.edition', role: 'Note', paragraph: plainParagraph(editionText(doc), doc.lang.code) });
}

/** The hotline line ("Call 0800 …"), unless one of the given strings already prints the number. */
export function hotlinePieces(doc: LocalizedDoc, shown: readonly LocalizedString[], lang = doc.lang.code): TextPiece[] {
  const hotline = doc.settings.hotline;
  if (shown.some((s) => s.plain.includes(hotline))) return [];
  // The officer side is labelled in the officer language; a producer without `officerUi` gets the bare number
  // (a label in the holder's language would mean nothing to the officer).
  const label = lang === doc.lang.code ? uiText(doc, 'hotlineLabel') : lang === doc.officerLang.code ? officerUiText(doc, 'hotlineLabel') : undefined;
  const text = label ? `${label} ${hotline}` : hotline;
  return [withSourceLang(doc, { key: 'settings.hotline', role: 'P', paragraph: plainParagraph(text, lang, true) })];
}

/** Longest keys first: what to shorten when something does not fit. */
export function keysToShorten(pieces: readonly TextPiece[]): string[] {
  const lengths = new Map<string, number>();
  for (const p of pieces) {
    if (p.key.startsWith('ui.') || p.key.startsWith('settings.')) continue;
    lengths.set(p.key, (lengths.get(p.key) ?? 0) + p.paragraph.text.length);
  }
  return [...lengths.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} (${n} characters)`);
}
