/**
 * Regression (issue #13): pdftotext (poppler) printed RTL lines out of order where pdf.js and MuPDF read them
 * right. poppler orders a line by glyph position and reverses it character by character with its own bidi, so a
 * shadda or tanwin came out before its letter, a ZWNJ glyph (no advance, on its letter's origin) split the line in
 * two, and neutrals next to an LTR run or between numbers went to the wrong side (`(Home Office …)،`,
 * `2026.2 · 2026-12-02`, `والتاريخ. [PLACEHOLDER`). The writer now gives poppler, and only poppler, /ActualText
 * it reverses back and strong invisible marks at LTR-run edges (render/glyph-text.ts). All three readers and the
 * structure text must read each sentence as written; skipped when poppler-utils or mupdf-tools is missing.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf.ts';
import { hasTool, simpleDoc, tempPdf } from '../../unit/render/helpers.ts';
import { normalise, readAll, READERS, structTexts } from '../../readers/read-back.ts';

const ready = hasTool('pdftotext') && hasTool('mutool') && hasTool('pdfinfo');
if (!ready) console.warn('poppler-rtl-reading-order skipped: poppler-utils or mupdf-tools not installed');

/** One sentence per case, short enough for one line, with more RTL than LTR letters (poppler takes the page's direction from the majority). */
const CASES: readonly { text: string; lang: string }[] = [
  { text: 'وتوضّح أيضًا كيف يمكن', lang: 'ar' }, // marks on their own glyphs
  { text: 'توضیح می‌دهد که همسایه‌ها', lang: 'fa' }, // ZWNJ
  { text: 'البريطانية (Home Office)، وأحيانًا', lang: 'ar' }, // `)،` after an LTR run
  { text: 'الإصدار 2026.2 · 2026-12-02 · الترجمة', lang: 'ar' }, // ` · ` between numbers
  { text: 'تحقّق من العنوان والتاريخ. [PLACEHOLDER: lawyer]', lang: 'ar' }, // `. [` before an LTR run, `]` after it
];

describe('regression: poppler reads RTL lines in logical order', () => {
  it.skipIf(!ready)('marks, joiners and neutrals at RTL/LTR boundaries, in every reader and the structure text', async () => {
    for (const { text, lang } of CASES) {
      const path = tempPdf(await renderPdf(simpleDoc([{ text, lang, size: 12 }], lang)));
      const read = await readAll(path, 1);
      for (const reader of READERS) expect(normalise(read[reader][0]!), `${reader}: ${text}`).toBe(normalise(text));
      const tagged = (await structTexts(path)).filter((e) => e.role.startsWith('P ')).map((e) => normalise(e.text));
      expect(tagged, `structure text: ${text}`).toEqual([normalise(text)]);
    }
  });
});
