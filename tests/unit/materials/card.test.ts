import { guidanceString, uiText } from '../../../src/i18n/doc.ts';
import { describe, expect, it } from 'vitest';
import type { PathItem } from '../../../src/layout/frame.ts';
import { leadingFactor } from '../../../src/layout/line-height.ts';
import { baselineOffset, lineBoxHeight } from '../../../src/layout/place-line.ts';
import { mm } from '../../../src/layout/units.ts';
import { buildCard } from '../../../src/materials/card.ts';
import { CARD_SAFE, CARD_SIZE } from '../../../src/materials/card-side.ts';
import { cardSides } from '../../../src/materials/card-sides.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { fakeSetText, flatten, KEYS, makeDoc, MISSING, nodesById, textLines } from './helpers.ts';

const EPS = 0.01;

describe('wallet card fitting', () => {
  it('fits the normal text and shrinks in 0.25 pt steps for a longer one', () => {
    const normal = cardSides(makeDoc('en'), KEYS, layoutParagraph, 'c');
    expect(normal.front.fits).toBe(true);
    expect(normal.back.fits).toBe(true);
    const longer = cardSides(
      makeDoc('en', {
        overrides: { 'card.silent': `${guidanceString(makeDoc('en'), 'card.silent').plain} ${'Stay calm. Keep this card with you. '.repeat(2)}` },
      }),
      KEYS,
      layoutParagraph,
      'c',
    );
    expect(longer.front.fits).toBe(true);
    expect(longer.front.size).toBeLessThan(normal.front.size);
    expect(longer.front.size).toBeGreaterThanOrEqual(6.5);
    expect((longer.front.size * 4) % 1).toBe(0);
  });

  it('fails with RP3002 naming language, side, overflow in mm and the keys to shorten', () => {
    const long = 'You have the right to remain silent and you do not have to answer any questions at all. '.repeat(5);
    const sides = cardSides(makeDoc('ar', { overrides: { 'card.silent': long } }), KEYS, layoutParagraph, 'c');
    expect(sides.front.fits).toBe(false);
    expect(sides.front.size).toBe(6.5);
    const d = sides.diagnostics.find((x) => x.code === 'RP3002')!;
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/front/u);
    expect(d.message).toMatch(/Arabic \(ar\)/u);
    expect(d.message).toMatch(/\d+\.\d mm too tall/u);
    const mmValue = Number(/(\d+\.\d) mm/u.exec(d.message)![1]);
    expect(mmValue).toBeCloseTo(sides.front.overflow / mm(1), 1);
    expect(d.hints[0]).toMatch(/^shorten the translation of: card\.silent/u);
    expect(sides.back.fits).toBe(true);
  });

  it('reports a character no font has as RP4001 with language, key and U+ code', () => {
    const sides = cardSides(makeDoc('en', { overrides: { 'card.sign': `Smile ${MISSING}` } }), KEYS, fakeSetText, 'c');
    const d = sides.diagnostics.find((x) => x.code === 'RP4001')!;
    expect(d.message).toContain('English (en)');
    expect(d.message).toContain('"card.sign"');
    expect(d.message).toContain('U+1F600');
  });
});

describe('wallet card layout', () => {
  for (const code of ['en', 'ar', 'bn', 'ur', 'my', 'zh-Hans'] as const) {
    it(`${code}: all text stays inside the ${CARD.safe} mm safe area on both sides`, () => {
      const sides = cardSides(makeDoc(code, { review: 'draft' }), KEYS, layoutParagraph, 'c');
      for (const side of [sides.front, sides.back]) {
        expect(side.fits).toBe(true);
        for (const { x, y, item } of textLines(side.frame)) {
          expect(x).toBeGreaterThanOrEqual(CARD_SAFE - EPS);
          expect(x + item.line.width).toBeLessThanOrEqual(CARD_SIZE.width - CARD_SAFE + EPS);
          // Line boxes (metric height × leading, as the layout stacks them) stay inside the safe area vertically.
          const leading = CARD.leading * leadingFactor(item.lang ?? code);
          const top = y - baselineOffset(item.line, leading);
          expect(top).toBeGreaterThanOrEqual(CARD_SAFE - EPS);
          expect(top + lineBoxHeight(item.line, leading)).toBeLessThanOrEqual(CARD_SIZE.height - CARD_SAFE + EPS);
        }
      }
    });
  }

  it('RTL front is mirrored: every body line ends at the right safe edge', () => {
    const sides = cardSides(makeDoc('ar'), KEYS, layoutParagraph, 'c');
    const lines = textLines(sides.front.frame).filter((l) => l.item.line.direction === 'rtl' && l.item.line.text !== '•');
    expect(lines.length).toBeGreaterThan(3);
    const rightEdges = lines.map((l) => l.x + l.item.line.width);
    // Start-aligned RTL lines end on the right safe edge (list items end at it too; their bullets sit there).
    const ends = rightEdges.filter((r) => Math.abs(r - (CARD_SIZE.width - CARD_SAFE)) < EPS);
    expect(ends.length).toBeGreaterThanOrEqual(lines.length - 3);
    const bullets = textLines(sides.front.frame).filter((l) => l.item.line.text === '•');
    for (const b of bullets) expect(b.x + b.item.line.width).toBeCloseTo(CARD_SIZE.width - CARD_SAFE, 2);
  });

  it('back: officer language marked, QR code in the bottom right as a Figure with alt text', () => {
    const sides = cardSides(makeDoc('ar'), KEYS, layoutParagraph, 'c');
    expect(sides.back.node.lang).toBe('en');
    for (const l of textLines(sides.back.frame)) expect(l.item.lang).toBe('en');
    const qr = flatten(sides.back.frame).find((p) => p.item.kind === 'path')!;
    expect(qr.x + mm(CARD.qr)).toBeCloseTo(CARD_SIZE.width - CARD_SAFE, 3);
    const figure = sides.back.node.children.find((n) => n.role === 'Figure')!;
    expect(figure.alt).toBe('QR code: https://example.org/rights');
    expect((qr.item as PathItem).tag).toBe(figure.id);
  });

  it('prints the edition, the draft notice and one pending note at the foot when a string falls back', () => {
    const doc = makeDoc('ar', { review: 'draft', fallback: ['card.sign'] });
    const sides = cardSides(doc, KEYS, layoutParagraph, 'c');
    const texts = textLines(sides.front.frame).map((l) => l.item.line.text);
    const edition = texts.findIndex((t) => t.includes('2026.1') && t.includes(uiText(doc, 'draftNotice')));
    expect(edition).toBeGreaterThan(0);
    // One note per side, right above the edition line (not under the string: see tests/regressions/card-pending-note-once).
    expect(texts.filter((t) => t === uiText(doc, 'pendingNotice'))).toHaveLength(1);
    expect(texts[edition - 1]).toBe(uiText(doc, 'pendingNotice'));
    const englishLine = textLines(sides.front.frame).find((l) => l.item.line.text.includes('interpreter'))!;
    expect(englishLine.item.lang).toBe('en');
  });
});

describe('wallet card outputs', () => {
  const result = buildCard(makeDoc('en'), { keys: KEYS }, layoutParagraph);
  it('press file: 2 pages at trim + bleed, CMYK, TrimBox/BleedBox set', () => {
    const press = result.outputs.find((o) => o.file === 'card-press.pdf')!;
    expect(press.kind).toBe('press');
    expect(press.doc.colorMode).toBe('cmyk');
    expect(press.doc.pages).toHaveLength(2);
    for (const page of press.doc.pages) {
      expect(page.trimBox!.width).toBeCloseTo(CARD_SIZE.width, 6);
      expect(page.bleedBox!.width).toBeCloseTo(CARD_SIZE.width + mm(6), 6);
      // The title band reaches the bleed edge.
      const band = flatten(page.frame).find((p) => p.item.kind === 'rect')!;
      expect(band.x).toBeCloseTo(page.bleedBox!.x, 6);
      expect(band.y).toBeCloseTo(page.bleedBox!.y, 6);
    }
  });

  it('home sheets: A4 (10 cards per side) and Letter (8), RGB, only the first copy tagged', () => {
    for (const [file, perSheet] of [
      ['card-sheet-a4.pdf', 10],
      ['card-sheet-letter.pdf', 8],
    ] as const) {
      const out = result.outputs.find((o) => o.file === file)!;
      expect(out.doc.colorMode).toBe('rgb');
      expect(out.doc.pages).toHaveLength(2);
      const ids = nodesById(out.doc.structure);
      for (const page of out.doc.pages) {
        const groups = page.frame.items.filter((p) => p.item.kind === 'group');
        expect(groups).toHaveLength(perSheet);
        const taggedGroups = groups.filter((g) => flatten(g.item.kind === 'group' ? g.item.frame : page.frame).some((p) => 'tag' in p.item && p.item.tag));
        expect(taggedGroups).toHaveLength(1);
        for (const p of flatten(page.frame)) if ('tag' in p.item && p.item.tag) expect(ids.has(p.item.tag)).toBe(true);
      }
    }
    const a4 = result.outputs.find((o) => o.file === 'card-sheet-a4.pdf')!.doc.pages[0]!;
    expect(a4.width).toBeCloseTo(mm(210), 6);
    const letter = result.outputs.find((o) => o.file === 'card-sheet-letter.pdf')!.doc.pages[0]!;
    expect(letter.height).toBeCloseTo(mm(279.4), 6);
  });

  it('6-up and 8-up options apply to both papers', () => {
    for (const n of [6, 8] as const) {
      const r = buildCard(makeDoc('en'), { keys: KEYS, cardsPerSheet: n }, fakeSetText);
      for (const file of ['card-sheet-a4.pdf', 'card-sheet-letter.pdf']) {
        const page = r.outputs.find((o) => o.file === file)!.doc.pages[0]!;
        expect(
          page.frame.items.filter((p) => p.item.kind === 'group'),
          `${file} ${n}`,
        ).toHaveLength(n);
      }
    }
  });

  it('without keys: RP3001 and no outputs', () => {
    const r = buildCard(makeDoc('en'), {}, layoutParagraph);
    expect(r.outputs).toEqual([]);
    expect(r.diagnostics[0]!.code).toBe('RP3001');
  });
});

import { CARD } from '../../../src/materials/specs.ts';

describe('determinism', () => {
  it('identical input gives identical DocumentSpecs (no clocks, no randomness in materials)', () => {
    const a = buildCard(makeDoc('ar', { review: 'draft' }), { keys: KEYS }, layoutParagraph);
    const b = buildCard(makeDoc('ar', { review: 'draft' }), { keys: KEYS }, layoutParagraph);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
