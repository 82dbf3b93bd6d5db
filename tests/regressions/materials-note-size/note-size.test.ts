/**
 * Regression: note blocks (edition line, disclaimer) were scaled by the inline-note factor on top of their
 * own note size, so the card's edition line came out at 4.7 pt instead of 5.5 pt; and the "translation
 * pending" note could be separated from the text it is about by a page break.
 */
import { guidanceString } from '../../../src/i18n/doc.ts';
import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/layout/colors.ts';
import { paragraphize } from '../../../src/layout/paragraphize.ts';
import { setPieces } from '../../../src/layout/set-pieces.ts';
import { cardSides } from '../../../src/materials/card-sides.ts';
import { CARD } from '../../../src/materials/specs.ts';
import { stringPieces } from '../../../src/materials/texts.ts';
import { fakeSetText, KEYS, makeDoc, textLines } from '../../unit/materials/helpers.ts';

describe('regression: note sizes and keep-with', () => {
  it('the card edition line is set at exactly CARD.notePt', () => {
    const sides = cardSides(makeDoc('en'), KEYS, fakeSetText, 'c');
    const edition = textLines(sides.front.frame).find((l) => l.item.line.text.startsWith('Edition'))!;
    // The fake setter makes ascent 0.8 × size.
    expect(edition.item.line.ascent / 0.8).toBeCloseTo(CARD.notePt, 6);
  });

  it('a pending-translation note keeps with the previous row', () => {
    const doc = makeDoc('ar', { fallback: ['card.sign'] });
    const pieces = stringPieces(doc, guidanceString(doc, 'card.sign'));
    expect(pieces[pieces.length - 1]!.role).toBe('Note');
    const set = setPieces(pieces, {
      width: 300,
      style: { size: 10, leading: 1, color: COLORS.text, align: 'start', paragraphSpace: 0.5, bulletIndent: 1 },
      docLang: 'ar',
      setText: fakeSetText,
    });
    expect(set.rows[set.rows.length - 1]!.keepWithPrevious).toBe(true);
    // …while ordinary paragraphs may start a page.
    const plain = setPieces(
      paragraphize({
        key: 'k',
        lang: 'en',
        blocks: [
          { kind: 'para', inlines: [{ text: 'a', bold: false }] },
          { kind: 'para', inlines: [{ text: 'b', bold: false }] },
        ],
      }),
      {
        width: 300,
        style: { size: 10, leading: 1, color: COLORS.text, align: 'start', paragraphSpace: 0.5, bulletIndent: 1 },
        docLang: 'en',
        setText: fakeSetText,
      },
    );
    expect(plain.rows.map((r) => r.keepWithPrevious)).toEqual([false, false]);
  });
});
