import { describe, expect, it } from 'vitest';
import { paragraphFromInlines } from '../../../src/layout/paragraphize.ts';

describe('paragraphFromInlines: Inline.lang becomes StyledSpan.lang', () => {
  it('keeps an inline language that differs from the paragraph, split from same-weight neighbours', () => {
    const p = paragraphFromInlines(
      [
        { text: 'اتصل بـ ', bold: false },
        { text: 'Anti-Raids Network', bold: false, lang: 'en' },
        { text: ': ', bold: false },
        { text: '0800 123 4567', bold: true },
      ],
      'ar',
    );
    expect(p.text).toBe('اتصل بـ Anti-Raids Network: 0800 123 4567');
    expect(p.spans).toEqual([
      { start: 0, end: 8, weight: 400 },
      { start: 8, end: 26, weight: 400, lang: 'en' },
      { start: 26, end: 28, weight: 400 },
      { start: 28, end: 41, weight: 700 },
    ]);
  });

  it('drops a language equal to the paragraph language and merges neighbours as before', () => {
    const p = paragraphFromInlines(
      [
        { text: 'Call ', bold: false },
        { text: 'Anti-Raids Network', bold: false, lang: 'en' },
        { text: '.', bold: false },
      ],
      'en',
    );
    expect(p.spans).toEqual([{ start: 0, end: 24, weight: 400 }]);
    const merged = paragraphFromInlines(
      [
        { text: 'A', bold: true, lang: 'en' },
        { text: 'B', bold: true, lang: 'en' },
      ],
      'fr',
    );
    expect(merged.spans).toEqual([{ start: 0, end: 2, weight: 700, lang: 'en' }]);
  });
});
