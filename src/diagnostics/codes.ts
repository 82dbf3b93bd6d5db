/**
 * Stable diagnostic codes of the content loader, localisation and build. A code is never reused for another
 * meaning; the README's diagnostics table lists them all. Ranges: RP1xxx YAML and schema, RP2xxx translations
 * (RP26xx belong to the translator workflow, src/i18n/exchange/codes.ts), RP3xxx materials and layout (RP30xx are
 * the materials' own), RP4xxx fonts and glyphs, RP5xxx print policy, settings and status, RP6xxx the PDF writer (src/render/metadata.ts RENDER_CODES), RP7xxx the output folder and file system, RP9xxx build
 * machinery.
 */
export const CODES = {
  /** YAML syntax error (the parser's own message follows). */
  yamlSyntax: 'RP1001',
  /** The same key appears twice in one mapping. */
  duplicateKey: 'RP1002',
  /** A field the format does not have (with "did you mean"). */
  unknownField: 'RP1003',
  /** A value of the wrong type (string expected, list expected, …). */
  wrongType: 'RP1004',
  /** A required field is missing. */
  missingField: 'RP1005',
  /** A value outside the allowed set or pattern (policy action, review status, date format, …). */
  badValue: 'RP1006',
  /** A required content file (project.yaml, guidance/<source>.yaml) does not exist. */
  missingFile: 'RP1007',
  /** A file's `language:` does not match its file name or the project's source language. */
  languageMismatch: 'RP1008',
  /** An edition listed on the command line (`--edition`) or a language (`--lang`) is not in the content. */
  unknownSelection: 'RP1009',
  /** A content file is not valid UTF-8 (saved in a legacy code page such as Windows-1252): located at the first bad byte. */
  notUtf8: 'RP1010',
  /** A content file is saved as UTF-16 (with or without a byte-order mark); content files must be UTF-8. */
  utf16File: 'RP1011',
  /** A bidi embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069) in content text: it reverses words on the page. */
  bidiControl: 'RP1012',
  /** An invisible format character a translator cannot see (zero-width space, word joiner, soft hyphen, …); a warning. */
  invisibleChar: 'RP1013',
  /** A string longer than its schema's maxLength (no material can print it; fitting it would take minutes). */
  stringTooLong: 'RP1014',
  /** A content file larger than the loader reads (MAX_CONTENT_FILE_BYTES). */
  fileTooLarge: 'RP1015',
  /** A language code that is not a well-formed BCP 47 tag (with "did you mean"). */
  unknownLanguage: 'RP2001',
  /** A translation lacks a `{{variable}}` its source has. */
  variableMissing: 'RP2002',
  /** A translation has a `{{variable}}` its source does not have. */
  variableExtra: 'RP2003',
  /** Bold spans or list items differ between a translation and its source. */
  markupMismatch: 'RP2004',
  /** A translation key that is not in the source guidance (left over after a key was renamed). */
  orphanKey: 'RP2005',
  /** A translation file for a language the project does not list. */
  unlistedTranslation: 'RP2006',
  /** A `source:` hash that is not 8 hex digits. */
  badHash: 'RP2007',
  /** A source string uses `{{name}}` for a setting that neither project nor edition defines. */
  unknownVariable: 'RP2008',
  /** `**` markers in a string are not balanced. */
  unbalancedBold: 'RP2009',
  /** A history snapshot's `version:` differs from its file name (`history/<version>.yaml`). */
  historyVersion: 'RP2010',
  /** The guidance differs from the snapshot of the project's current version: the version was not raised. */
  historyOutdated: 'RP2011',
  /** `rightsprint snapshot` would overwrite a different snapshot of the same version (without --force). */
  snapshotConflict: 'RP2012',
  /** A well-formed language tag whose script neither ICU nor any language entry knows: give `script:`. */
  languageScriptUnknown: 'RP2013',
  /** A language whose script has no font stack in fonts/manifest.json (and no `fonts:` of its own). */
  languageNoFont: 'RP2014',
  /** A materials key (project.yaml `materials:`) that is not in the source guidance. */
  unknownMaterialKey: 'RP3101',
  /**
   * A printed setting (hotline, website, or a value without letters) would not print as one left-to-right unit in
   * right-to-left languages: it is not a phone number, web or e-mail address the text engine recognises
   * (text/ltr-units.ts), and the bidi algorithm would reorder its parts (`0800 RIGHTS`, `020/7123 4567`).
   */
  settingOrder: 'RP3005',
  /** A referenced file (edition logo) does not exist. */
  missingAsset: 'RP3102',
  /** A referenced file lies outside the content folder. */
  assetOutsideContent: 'RP3103',
  /** A logo path names a folder, or a file that cannot be read. */
  logoNotFile: 'RP3105',
  /** A logo file is damaged or cut short: bad PNG chunk CRC or image data, JPEG without its end marker, SVG that is not well-formed XML. */
  logoDamaged: 'RP3106',
  /** A logo file over 2 MB or over 4000 pixels on a side. */
  logoTooLarge: 'RP3107',
  /** A logo file that is not an SVG, PNG or JPEG, or a variant of them the PDF writer cannot embed. */
  logoFormat: 'RP3108',
  /** An SVG logo that uses features the PDF writer cannot draw faithfully (text, embedded images, filters, patterns, links, CSS it cannot read). */
  logoUnsupportedSvg: 'RP3109',
  /** An SVG logo refused for safety: a script, an event handler, a reference to another file, entity declarations or foreignObject. */
  logoUnsafeSvg: 'RP3110',
  /** Print policy `fail`: the language has stale or missing strings and cannot be printed. */
  policyFail: 'RP5001',
  /** Print policy `keep`: an outdated translation is printed. */
  staleKept: 'RP5002',
  /** A setting still holds a `PLACEHOLDER` value and is printed. */
  placeholderSetting: 'RP5003',
  /** A printed guidance string still holds a `[PLACEHOLDER: …]` marker: a point a lawyer must verify. */
  placeholderText: 'RP5005',
  /** Strings print in the source language with a "translation pending" note (policy `fallback`). */
  fallbackUsed: 'RP5004',
  /** A font file differs from its sha256 in fonts/manifest.json (truncated, damaged or replaced): nothing is set in it. */
  fontMismatch: 'RP4002',
  /** A font file listed in fonts/manifest.json is missing or cannot be read. */
  fontMissing: 'RP4003',
  /**
   * Warning: an output rightsprint wrote earlier is out of date (its content changed and its job failed, was blocked
   * by the print policy or was not selected; or its language or edition is gone): moved to `.stale/` in the output
   * folder, or left in place with `--keep-stale`.
   */
  outputStale: 'RP7001',
  /** An output file or folder cannot be written, created or moved: permission denied or a read-only file system. */
  outputNotWritable: 'RP7002',
  /** The disk holding the output folder is full (or the user's quota is used up). */
  diskFull: 'RP7003',
  /** A path where the build needs a folder (the output folder or one inside it) is a file. */
  notAFolder: 'RP7004',
  /** Warning: an out-of-date output was changed since rightsprint wrote it, so it is left in place (never moved). */
  staleChanged: 'RP7005',
  /** Any other file-system error writing the output folder (the system's code and message follow). */
  outputIoError: 'RP7006',
  /** A job failed inside the build for a reason that is not a content problem (the message says which). */
  jobFailed: 'RP9001',
} as const;

export type Code = (typeof CODES)[keyof typeof CODES];
