import { languageInfo } from '../i18n/languages.ts';

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

/** The leading factor for a paragraph language: from the first family of its font stack override. */
export function leadingFactor(lang: string): number {
  const family = languageInfo(lang)?.fonts?.[0];
  return (family && LEADING_FACTOR_BY_FAMILY[family]) || 1;
}
