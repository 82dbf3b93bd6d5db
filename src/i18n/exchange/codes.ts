/**
 * Stable diagnostic codes of the translator workflow (export, import, accept, diff). They live in the
 * RP26xx block of the RP2xxx "translations" range so they cannot collide with the content loader's codes.
 * Never reuse a code for another meaning; document new ones in the README's diagnostics table.
 */
export const CODES = {
  /** The exchange file cannot be read (syntax error, bad escape, unsupported construct). */
  syntax: 'RP2601',
  /** The entry's key is not in the source guidance. */
  unknownKey: 'RP2602',
  /** A `{{placeholder}}` of the source is missing from the translation. */
  placeholderMissing: 'RP2603',
  /** The translation has a `{{placeholder}}` the source does not have. */
  placeholderExtra: 'RP2604',
  /** `**` markers in the translation are not balanced. */
  boldUnbalanced: 'RP2605',
  /** The translation has a different number of `- ` list lines than the source. */
  listMismatch: 'RP2606',
  /** The translation has a different number of paragraphs (blank-line separated) than the source. */
  paragraphMismatch: 'RP2607',
  /** Empty translation where the language already has one; the existing one is kept. */
  emptyTranslation: 'RP2608',
  /** The same key appears twice in the file. */
  duplicateKey: 'RP2609',
  /** The file's language is unknown, not a project language, or differs from `--lang`. */
  language: 'RP2610',
  /** The file was exported from an older source text; the entry is imported but stays stale. */
  sourceChanged: 'RP2611',
  /** Entry still marked for review (fuzzy / needs-review / stale) but its text was edited. */
  stillFuzzy: 'RP2612',
  /** Entry marked for review with no earlier translation to keep a hash from: not imported. */
  fuzzyWithoutHistory: 'RP2613',
  /** A recorded source hash is malformed (e.g. a spreadsheet turned it into a number). */
  badHash: 'RP2614',
  /** Unknown CSV status value or missing CSV column. */
  csvColumn: 'RP2615',
  /** `accept`: a key that is not in the source or has no translation. */
  acceptKey: 'RP2616',
  /** The translation has a different number of `**bold**` spans than the source. */
  boldMismatch: 'RP2617',
  /** A CSV translation cell is a spreadsheet formula (`=…`, `+…`, `@…`, `-x…`) once the export's `'` is taken off. */
  csvFormula: 'RP2618',
  /**
   * The translation lost its letters: none of its language's script while the source has letters, or a run of
   * `??` the source lacks (a file saved in a legacy code page such as Excel's "CSV (Comma delimited)").
   */
  lostScript: 'RP2619',
  /** The translation contains a control character (PO `\a`, a raw U+0001 in a CSV …) that no card can print. */
  controlCharacter: 'RP2620',
  /** `--lang` overrides a file language that is not a project language (e.g. `Language: fa_AF`). */
  languageOverride: 'RP2621',
} as const;
