/**
 * Regression: on a narrow measure the last-resort break (a stretch with no break opportunity wider than the
 * measure) cut before "。", so a line of 你有权保持沉默。 began with the full stop. Last-resort cuts now obey the
 * same "may a line start here" rule as ordinary breaks; the 。 hangs past the measure instead.
 */
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('regression: cjk-full-stop-starts-line', () => {
  it('no line starts with 。 at any narrow width', () => {
    const text = '你有权保持沉默。';
    for (const width of [12, 20, 27, 34]) {
      const l = layoutParagraph({ text, lang: 'zh-Hans', spans: [] }, { width, size: 11 });
      for (const line of l.lines) expect(line.text.startsWith('。'), `width ${width}`).toBe(false);
      expect(l.lines.map((x) => x.text).join('')).toBe(text);
    }
  });
});
