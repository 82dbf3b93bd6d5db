import { describe, expect, it } from 'vitest';
import { checkTranslation } from '../../../src/i18n/exchange/check.ts';

const at = { file: 'ar.po', line: 7, col: 8 };
const codes = (source: string, translation: string) => checkTranslation('k', source, translation, at).map((d) => `${d.code}:${d.severity}`);

describe('checkTranslation', () => {
  it('accepts a faithful translation, with placeholders moved and spaced differently', () => {
    expect(codes('Call {{hotline}} or {{organisation}}.', '{{ organisation }} أو {{hotline}} اتصل')).toEqual([]);
  });

  it('flags missing and extra placeholders, naming them', () => {
    const found = checkTranslation('k', 'Call {{hotline}}.', 'اتصل {{hotlines}}', at);
    expect(found.map((d) => [d.code, d.message, d.span])).toEqual([
      ['RP2603', '"k": the translation lacks the placeholder {{hotline}}.', at],
      ['RP2604', '"k": the translation has {{hotlines}}, which the source text does not.', at],
    ]);
  });

  it('flags unbalanced bold markers', () => {
    expect(codes('**Stay calm.**', '**ابق هادئا.')).toEqual(['RP2605:error']);
    expect(codes('**Stay calm.**', '**ابق هادئا** دائما')).toEqual([]);
    expect(codes('**Stay calm.**', '**ابق** هادئا **دائما**')).toEqual(['RP2617:warning']);
  });

  it('flags a different number of list lines, and (as a warning) of paragraphs', () => {
    const source = 'Intro\n\n- one\n- two';
    expect(codes(source, 'مقدمة\n\n- واحد\n- اثنان')).toEqual([]);
    expect(codes(source, 'مقدمة\n\n- واحد اثنان')).toEqual(['RP2606:error']);
    expect(codes(source, 'مقدمة\n\nثانية\n\n- واحد\n- اثنان')).toEqual(['RP2607:warning']);
  });
});
