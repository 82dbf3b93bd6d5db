import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { rememberedLayout } from '../../../src/text/remembered-layout.ts';
import type { Paragraph } from '../../../src/text/types.ts';

const para = (): Paragraph => ({ text: 'You have the right to remain silent. Ask for a lawyer.', lang: 'en', spans: [] });

describe('rememberedLayout', () => {
  it('answers the same paragraph and options with the layout it made, whatever the paragraph object', () => {
    const first = rememberedLayout(para(), { width: 100.25, size: 9.5 });
    expect(rememberedLayout(para(), { width: 100.25, size: 9.5 })).toBe(first);
    expect(first).toEqual(layoutParagraph(para(), { width: 100.25, size: 9.5 }));
  });

  it('keeps layouts apart when the width, the size or the leading differs', () => {
    const base = rememberedLayout(para(), { width: 80, size: 10 });
    const others = [
      rememberedLayout(para(), { width: 81, size: 10 }),
      rememberedLayout(para(), { width: 80, size: 10.5 }),
      rememberedLayout(para(), { width: 80, size: 10, leading: 1.4 }),
    ];
    for (const other of others) expect(other).not.toBe(base);
    expect(others[2]!.height).toBeCloseTo(base.height * 1.4, 6);
    // No leading and leading 1 lay out alike but are remembered apart, as the options say different things.
    expect(rememberedLayout(para(), { width: 80, size: 10, leading: 1 })).not.toBe(base);
    expect(rememberedLayout(para(), { width: 80, size: 10, leading: 1 })).toEqual(base);
    // 0 and -0 are one width.
    expect(rememberedLayout(para(), { width: -0, size: 10 })).toBe(rememberedLayout(para(), { width: 0, size: 10 }));
  });
});
