import { guidanceString } from '../../../src/i18n/doc.ts';
import { describe, expect, it } from 'vitest';
import type { GroupItem } from '../../../src/layout/frame.ts';
import { buildMixedCard } from '../../../src/materials/card.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { KEYS, makeDoc, nodesById, textLines } from './helpers.ts';

describe('mixed-language card sheet', () => {
  const docs = [makeDoc('en'), makeDoc('ar'), makeDoc('bn')];
  const result = buildMixedCard(docs, { keys: KEYS }, layoutParagraph);

  it('one card per language; each back lands behind its own front', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.outputs.map((o) => o.file)).toEqual(['card-sheet-mixed-a4.pdf', 'card-sheet-mixed-letter.pdf']);
    for (const out of result.outputs) {
      const [front, back] = out.doc.pages;
      const fronts = front!.frame.items.filter((p) => p.item.kind === 'group');
      const backs = back!.frame.items.filter((p) => p.item.kind === 'group');
      expect(fronts).toHaveLength(3);
      expect(backs).toHaveLength(3);
      fronts.forEach((f, i) => {
        const b = backs[i]!;
        expect(b.x).toBeCloseTo(front!.width - f.x - (f.item as GroupItem).frame.width, 6);
        expect(b.y).toBeCloseTo(f.y, 6);
        // The front is in its own language.
        const title = textLines((f.item as GroupItem).frame)[0]!.item;
        expect(title.line.text).toBe(guidanceString(docs[i]!, 'card.title').plain);
      });
    }
  });

  it('every card is tagged, each front section marked with its own language', () => {
    const doc = result.outputs[0]!.doc;
    expect(doc.lang).toBe('en');
    const ids = nodesById(doc.structure);
    const sects = [...ids.values()].filter((n) => n.role === 'Sect' && n.id.endsWith('-front-sect'));
    expect(sects.map((s) => s.lang)).toEqual([undefined, 'ar', 'bn']);
    const arLines = textLines(doc.pages[0]!.frame).filter((l) => l.item.line.text === guidanceString(docs[1]!, 'card.title').plain);
    expect(arLines[0]!.item.lang).toBe('ar');
  });

  it('more languages than cells make more sheet pairs', () => {
    const many = Array.from({ length: 7 }, (_, i) => makeDoc((['en', 'ar', 'bn'] as const)[i % 3]!));
    const six = buildMixedCard(many, { keys: KEYS, cardsPerSheet: 6 }, layoutParagraph);
    expect(six.outputs[0]!.doc.pages).toHaveLength(4);
    expect(() => nodesById(six.outputs[0]!.doc.structure)).not.toThrow();
  });
});
