import { describe, expect, it } from 'vitest';
import type { Positioned } from '../../../src/layout/frame.ts';
import { POPPLER_LINE_SPACING, popplerLineSizes } from '../../../src/render/poppler-blocks.ts';
import { BLACK, setLines } from './helpers.ts';

/** The lines of `text` at `size`, `gap` points apart from y = 20, tagged `tag`. */
function para(text: string, lang: string, size: number, width: number, gap: number, tag?: string, x = 0, y0 = 20): Positioned[] {
  return setLines(text, lang, size, width).map((line, i) => ({ x, y: y0 + i * gap, item: { kind: 'line', line, color: BLACK, ...(tag ? { tag } : {}) } }));
}

describe('popplerLineSizes', () => {
  it('gives every line of a paragraph set wider than poppler joins one size that joins it', () => {
    const items = para('FRONT — print this side first', 'en', 7, 34, 10.96, 'label');
    expect(items.length).toBeGreaterThan(2);
    const sizes = popplerLineSizes(items);
    expect([...sizes.keys()]).toEqual(items.map((_, i) => i));
    const size = sizes.get(0)!;
    expect(new Set(sizes.values()).size).toBe(1);
    expect(10.96).toBeLessThan(POPPLER_LINE_SPACING * size);
    expect(size).toBeLessThan(7 * 1.1); // just inside the limit, not more
  });

  it('leaves paragraphs poppler already joins and single lines alone', () => {
    expect(popplerLineSizes(para('FRONT — print this side first', 'en', 7, 34, 10)).size).toBe(0);
    expect(popplerLineSizes(para('Cut', 'en', 7, 34, 12)).size).toBe(0);
    expect(popplerLineSizes(para('روی ورق — اول این طرف را چاپ کنید', 'fa', 7, 34, 10)).size).toBe(0);
  });

  it('gives an RTL paragraph (Naskh, 1.96 font sizes apart) one size, but not an Urdu one 2.5 font sizes apart', () => {
    const fa = para('روی ورق — اول این طرف را چاپ کنید', 'fa', 7, 34, 13.71, 'label');
    expect(fa.length).toBeGreaterThan(2);
    const sizes = popplerLineSizes(fa);
    expect([...sizes.keys()]).toEqual(fa.map((_, i) => i));
    expect(new Set(sizes.values()).size).toBe(1);
    expect(13.71).toBeLessThan(POPPLER_LINE_SPACING * sizes.get(0)!);
    // Only the line's edge glyphs report it: a size 60% above the text's, and poppler no longer takes them in
    // with the rest of their line (maxBlockFontSizeDelta2).
    const ur = para('پچھلا رخ — دوسری طرف پرنٹ کریں، لمبے کنارے سے پلٹیں', 'ur', 9.5, 60, 23.75, 'label');
    expect(ur.length).toBeGreaterThan(1);
    expect(popplerLineSizes(ur).size).toBe(0);
  });

  it('gives an RTL list marker nothing (it is the line’s rightmost word) and does not join lines of both directions', () => {
    const marker = para('•', 'fa', 7, 10, 13.71, 'lbl', 200);
    const body = para('اگر گرفتار شدید، ممکن است مجبور باشید تابعیت تان را بگویید. مشورهٔ حقوقی و ترجمان بخواهید.', 'fa', 7, 200, 13.71, 'body');
    expect(body.length).toBe(2);
    const sizes = popplerLineSizes([...marker, ...body]);
    expect([...sizes.keys()]).toEqual([1, 2]);
    const en = para('FRONT — print this side first', 'en', 7, 34, 13.71, 'body');
    const mixed = [body[0]!, { ...en[1]!, y: body[1]!.y }];
    expect(popplerLineSizes(mixed).size).toBe(0);
  });

  it('gives a list marker on the first line’s baseline the size of its item, and nothing to the next paragraph', () => {
    const marker = para('•', 'th', 7.75, 10, 11.71, 'lbl');
    const body = para('หากถูกจับกุม คุณอาจต้องแจ้งสัญชาติ ให้ขอคำปรึกษาทางกฎหมายและล่าม', 'th', 7.75, 213, 11.71, 'body', 8.5);
    const next = para('ต้องการความช่วยเหลือ?', 'th', 7.75, 213, 11.71, 'help', 0, 50);
    expect(body.map((p) => (p.item.kind === 'line' ? p.item.line.text : ''))).toEqual(['หากถูกจับกุม คุณอาจต้องแจ้งสัญชาติ ให้ขอคำปรึกษาทางกฎหมายและ', 'ล่าม']);
    const sizes = popplerLineSizes([...marker, ...body, ...next]);
    expect([...sizes.keys()].sort()).toEqual([0, 1, 2]);
  });

  it('does not join lines of different tags or a line that starts a paragraph', () => {
    const a = para('FRONT — print this side first', 'en', 7, 34, 10.96, 'a');
    const b = para('FRONT — print this side first', 'en', 7, 34, 10.96, 'b', 0, 20 + a.length * 10.96);
    const sizes = popplerLineSizes([a[0]!, b[1]!]);
    expect(sizes.size).toBe(0);
    expect(popplerLineSizes([a[0]!, { ...a[0]!, y: a[0]!.y + 10.96 }]).size).toBe(0);
  });
});
