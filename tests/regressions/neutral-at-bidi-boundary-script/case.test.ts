/**
 * Regression: in Urdu `Home Office کے انٹرویو`, the space between the Latin name (level 2) and the Urdu text
 * (level 1) took the Latin script of the preceding letter, so it was set as its own Noto Sans run inside the
 * Nastaliq line. A neutral that starts a new bidi run now takes the script of what follows on its level, or else
 * of the nearest earlier text on its level (the `.` after `Home Office` in Arabic is Arabic punctuation).
 */
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';

describe('regression: neutral-at-bidi-boundary-script', () => {
  it('the space before کے is shaped with the Urdu text in Nastaliq', () => {
    const text = 'Home Office کے انٹرویو سے پہلے';
    const runs = layoutParagraph({ text, lang: 'ur', spans: [] }, { width: 1e6, size: 11 }).lines[0]!.runs;
    expect(runs.map((r) => [r.text, r.face.id])).toEqual([
      [' کے انٹرویو سے پہلے', 'noto-nastaliq-urdu-regular'],
      ['Home Office', 'noto-sans-regular'],
    ]);
  });

  it('the full stop ending an Arabic sentence after a Latin name is set with the Arabic text', () => {
    const runs = layoutParagraph({ text: 'قبل مقابلة Home Office.', lang: 'ar', spans: [] }, { width: 1e6, size: 11 }).lines[0]!.runs;
    expect(runs.map((r) => [r.text, r.face.id])).toEqual([
      ['.', 'noto-naskh-arabic-regular'],
      ['Home Office', 'noto-sans-regular'],
      ['قبل مقابلة ', 'noto-naskh-arabic-regular'],
    ]);
  });
});
