/**
 * Regression (issue #13): text extraction printed the wrong letter where two letters share a glyph. Noto Naskh
 * draws ر and ز from one dotless base glyph (ز adds a dot glyph); pdfkit's ToUnicode was keyed by glyph, first use
 * wins, so readers that ignore /ActualText (pdf.js, MuPDF) read الهجرة as ألهجزة, and the Indic matras drawn before
 * their consonant as whatever cluster used them first. Each glyph occurrence now carries its own cluster's text
 * (render/text-codes.ts). Checked with all three readers; skipped when poppler-utils or mupdf-tools is missing.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf.ts';
import { hasTool, simpleDoc, tempPdf } from '../../unit/render/helpers.ts';
import { normalise, readAll, READERS } from '../../readers/read-back.ts';

const ready = hasTool('pdftotext') && hasTool('mutool');
if (!ready) console.warn('shared-glyph-wrong-letter skipped: pdftotext (poppler-utils) or mutool (mupdf-tools) not installed');

describe('regression: a glyph shared by two letters reads as each letter', () => {
  it.skipIf(!ready)('ز before ر, then ر before ز, in one Arabic line; कि and कु in one Hindi line', async () => {
    // One line each, so the comparison does not depend on line order; ز is used first, then ر (and vice versa).
    const arabic = 'زر الهجرة رز';
    const hindi = 'कि की कु कि';
    for (const [text, lang] of [
      [arabic, 'ar'],
      [hindi, 'hi'],
    ] as const) {
      const path = tempPdf(await renderPdf(simpleDoc([{ text, lang, size: 14 }], lang)));
      const read = await readAll(path, 1);
      for (const reader of READERS) expect(normalise(read[reader][0]!), `${reader} ${lang}`).toBe(normalise(text));
    }
  });
});
