import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/layout/colors.ts';
import type { TextLineItem } from '../../../src/layout/frame.ts';
import { nodeIds } from '../../../src/layout/node-ids.ts';
import { paragraphize } from '../../../src/layout/paragraphize.ts';
import { setPieces } from '../../../src/layout/set-pieces.ts';
import { sideBySide } from '../../../src/layout/side-by-side.ts';
import { stackRows } from '../../../src/layout/stack-rows.ts';
import type { TextStyle } from '../../../src/layout/types.ts';
import { fakeSetText, parseMarkup } from '../materials/helpers.ts';

const style: TextStyle = { size: 10, leading: 1.2, color: COLORS.text, align: 'start', paragraphSpace: 0.5, bulletIndent: 1.5 };
const WIDTH = 200;

function lines(lang: string, text: string) {
  const pieces = paragraphize({ key: 'k', lang, blocks: parseMarkup(text) });
  const set = setPieces(pieces, { width: WIDTH, style, docLang: 'en', setText: fakeSetText, ids: nodeIds('t') });
  const items = stackRows(set.rows, 0, 0).filter((p) => p.item.kind === 'line') as { x: number; y: number; item: TextLineItem }[];
  return { set, items };
}

describe('setPieces', () => {
  it('LTR: text starts at the left, bullets on the left, body indented by bulletIndent', () => {
    const { items } = lines('en', 'Hello world\n\n- first item\n- second');
    const [para, bullet, body] = items;
    expect(para!.x).toBe(0);
    expect(bullet!.item.line.text).toBe('•');
    expect(bullet!.x).toBe(0);
    expect(body!.x).toBe(15);
  });

  it('RTL mirrors the layout: lines end at the right edge, bullets on the right, indent on the right', () => {
    const { items } = lines('ar', 'مرحبا بالعالم\n\n- البند الأول\n- الثاني');
    const [para, bullet, body] = items;
    expect(para!.x + para!.item.line.width).toBeCloseTo(WIDTH, 6);
    expect(bullet!.x + bullet!.item.line.width).toBeCloseTo(WIDTH, 6);
    expect(body!.x + body!.item.line.width).toBeCloseTo(WIDTH - 15, 6);
    // Lines in another language than the document carry it (for /Lang).
    expect(para!.item.lang).toBe('ar');
  });

  it('builds P and L › LI › Lbl + LBody nodes and tags every line with its node', () => {
    const { set, items } = lines('en', 'Intro\n\n- a\n- b');
    expect(set.nodes.map((n) => n.role)).toEqual(['P', 'L']);
    const list = set.nodes[1]!;
    expect(list.children.map((c) => c.role)).toEqual(['LI', 'LI']);
    expect(list.children[0]!.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    const ids = new Set<string>();
    const walk = (n: (typeof set.nodes)[number]): void => {
      ids.add(n.id);
      n.children.forEach(walk);
    };
    set.nodes.forEach(walk);
    for (const p of items) expect(ids.has(p.item.tag!)).toBe(true);
  });

  it('keeps a heading with the next row and never splits a heading', () => {
    const pieces = [
      ...paragraphize({ key: 'h', lang: 'en', blocks: parseMarkup('A heading long enough to wrap onto a second line of the measure') }, 'H2'),
      ...paragraphize({ key: 'b', lang: 'en', blocks: parseMarkup('Body text') }),
    ];
    const set = setPieces(pieces, { width: 200, style, docLang: 'en', setText: fakeSetText });
    expect(set.rows.map((r) => r.keepWithPrevious)).toEqual([false, true, true]);
    expect(set.nodes).toEqual([]);
  });

  it('sideBySide puts the object on the start side: left in LTR, right in RTL', () => {
    const { set } = lines('en', 'caption');
    const object = { item: { kind: 'rect' as const, width: 50, height: 50 }, size: 50 };
    const ltr = sideBySide(object, set.rows, WIDTH, 10, false, 0);
    const rtl = sideBySide(object, set.rows, WIDTH, 10, true, 0);
    expect(ltr.items[0]!.x).toBe(0);
    expect(rtl.items[0]!.x).toBe(WIDTH - 50);
  });
});

describe('setPieces widows and orphans', () => {
  it('keeps the 2nd line with the 1st and the last with the one before; middle lines may break', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const set = setPieces(paragraphize({ key: 'k', lang: 'en', blocks: parseMarkup(text) }), { width: 100, style, docLang: 'en', setText: fakeSetText });
    const keeps = set.rows.map((r) => r.keepWithPrevious);
    expect(keeps.length).toBeGreaterThan(4);
    expect(keeps[0]).toBe(false);
    expect(keeps[1]).toBe(true);
    expect(keeps[keeps.length - 1]).toBe(true);
    expect(keeps.slice(2, -1).every((k) => !k)).toBe(true);
  });
});
