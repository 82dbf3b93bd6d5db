import { languageInfo } from '../content/languages.ts';

/**
 * Leading correction per font family, applied on top of a material's leading. Line height comes from the
 * metrics of the faces on the line (so nothing clips), but some faces declare far more than running text
 * needs: Noto Nastaliq Urdu's ascent + descent is 2.5 em (its hhea covers the tallest stacked ligatures),
 * against 1.7 em for Naskh. At 0.8 a Nastaliq line is 2.0 em, still well above Naskh, and an Urdu wallet
 * card fits at a legible size. Checked by eye in rendered proofs (no ink collisions between lines).
 */
export const LEADING_FACTOR_BY_FAMILY: Readonly<Record<string, number>> = {
  'noto-nastaliq-urdu': 0.8,
};

/**
 * The same correction for languages that use their script's default face (no `fonts` override in
 * locales/languages.json). Mymr: Noto Sans Myanmar declares ascent 1.324 + descent 0.86 = 2.18 em, but the ink of
 * the whole Burmese translation (stacked consonants, kinzi, medials, upper and lower vowels) reaches 1.00 em above
 * and 0.54 em below the baseline; at 0.8 a line is 1.75 em and the ink stays inside its box (tested in
 * tests/regressions/myanmar-card-leading). Without it the first Burmese card overflowed by 2.0 mm at 6.5 pt.
 */
export const LEADING_FACTOR_BY_SCRIPT: Readonly<Record<string, number>> = {
  Mymr: 0.8,
};

/** The leading factor for a paragraph language: its font stack override's first family, else its script. */
export function leadingFactor(lang: string): number {
  const info = languageInfo(lang);
  const family = info?.fonts?.[0];
  if (family) return LEADING_FACTOR_BY_FAMILY[family] ?? 1;
  return (info?.script && LEADING_FACTOR_BY_SCRIPT[info.script]) || 1;
}
