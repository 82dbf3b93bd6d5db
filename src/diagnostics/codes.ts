/**
 * Every stable diagnostic code of rightsprint, in one table. A code is never renumbered nor reused for another
 * meaning (users search for them, the README documents them); a retired code stays listed in RETIRED_CODES.
 * Each namespace owns a range:
 *   content  RP10xx  YAML, schema and file reading
 *   i18n     RP20xx  languages, translations, history snapshots
 *   exchange RP26xx  the translator workflow (export, import, accept, diff)
 *   layout   RP3xxx  materials, settings as printed, logos (RP30xx the materials' own, RP31xx references)
 *   fonts    RP4xxx  fonts and glyphs
 *   policy   RP5xxx  print policy and placeholders
 *   render   RP6xxx  the PDF writer
 *   output   RP7xxx  the output folder and file system
 *   web      RP80xx  the web page's own machinery (its worker)
 * tests/unit/diagnostics/codes.test.ts checks that every code is declared once, in its namespace's range, has a row
 * in the README's diagnostics tables, is emitted by at least one test, and that no other module declares codes.
 * Each comment says what the code means, why it is a problem, and how to fix it.
 */
export const CODES = {
  content: {
    /** YAML syntax error (the parser's own message follows): nothing in the file can be read. Fix the line shown. */
    yamlSyntax: 'RP1001',
    /** The same key twice in one mapping (or a language listed twice): YAML would silently keep one. Delete one. */
    duplicateKey: 'RP1002',
    /** A field the format does not have, usually a typo (with "did you mean"): it would be ignored. Rename or delete it. */
    unknownField: 'RP1003',
    /** A value of the wrong type (`version: 2026.1` is a number): it would be misread. Quote or restructure it. */
    wrongType: 'RP1004',
    /** A required field is missing: the material cannot be built without it. Add it. */
    missingField: 'RP1005',
    /** A value outside the allowed set or pattern (policy action, review status, date or hash format, …). Use an allowed value. */
    badValue: 'RP1006',
    /** A required content file (project.yaml, guidance/<source>.yaml) does not exist. Create it, or fix `--content`. */
    missingFile: 'RP1007',
    /** A file's `language:` disagrees with its file name or the project's source language. Make them agree. */
    languageMismatch: 'RP1008',
    /** An edition or a language named on the command line or in an edition is not in the content. Fix the name or add it. */
    unknownSelection: 'RP1009',
    /** A content file is not valid UTF-8 (saved in a legacy code page): it would print wrong letters. Re-save as UTF-8. */
    notUtf8: 'RP1010',
    /** A content file is saved as UTF-16; content files must be UTF-8. Re-save as UTF-8. */
    utf16File: 'RP1011',
    /** A bidi embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069): it reverses words on the page. Delete it. */
    bidiControl: 'RP1012',
    /** Warning: an invisible format character a translator cannot see (zero-width space, soft hyphen, …). Delete it unless meant. */
    invisibleChar: 'RP1013',
    /** A string longer than its schema's maxLength: no material can print it, fitting it would take minutes. Shorten it. */
    stringTooLong: 'RP1014',
    /** A content file larger than the loader reads (MAX_CONTENT_FILE_BYTES). Split or shorten it. */
    fileTooLarge: 'RP1015',
  },
  i18n: {
    /** Not a well-formed BCP 47 language tag (`ar_SA`, `Swahili`): it cannot be set. Use the tag "did you mean" gives. */
    unknownLanguage: 'RP2001',
    /** A translation lacks a `{{variable}}` its source has: the card would miss the hotline. Put it back. */
    variableMissing: 'RP2002',
    /** A translation has a `{{variable}}` its source does not have: it would print unreviewed text. Remove it. */
    variableExtra: 'RP2003',
    /** Warning: bold spans or list items differ between a translation and its source. Check the markup. */
    markupMismatch: 'RP2004',
    /** Warning: a translation key that is not in the source guidance (renamed or deleted): never printed. Rename or delete it. */
    orphanKey: 'RP2005',
    /** Warning: a translation file for a language the project does not list: not built. List the language or delete the file. */
    unlistedTranslation: 'RP2006',
    /** A source string uses `{{name}}` for a setting that neither project nor edition defines. Define it or fix the name. */
    unknownVariable: 'RP2008',
    /** `**` markers in a string are not balanced: a bold span would never end. Close or remove the stray `**`. */
    unbalancedBold: 'RP2009',
    /** A history snapshot's `version:` differs from its file name (`history/<version>.yaml`). Make them agree. */
    historyVersion: 'RP2010',
    /** Warning: the guidance differs from the snapshot of the project's current version: the version was not raised. Raise it. */
    historyOutdated: 'RP2011',
    /** `rightsprint snapshot` would overwrite a different snapshot of the same version. Raise the version (`--force` only after a mistake). */
    snapshotConflict: 'RP2012',
    /** A well-formed tag whose script neither ICU nor any language entry knows: it cannot be shaped. Give `script:`. */
    languageScriptUnknown: 'RP2013',
    /** A language whose script has no font stack in fonts/manifest.json: nothing could be drawn. Add a font, or `fonts:`. */
    languageNoFont: 'RP2014',
  },
  exchange: {
    /** The exchange file cannot be read (syntax error, bad escape, unsupported construct, not UTF-8). Fix or re-save it. */
    syntax: 'RP2601',
    /** The entry's key is not in the source guidance (removed or renamed since the export). Export again. */
    unknownKey: 'RP2602',
    /** A `{{placeholder}}` of the source is missing from the translation: the card would miss it. Put it back. */
    placeholderMissing: 'RP2603',
    /** The translation has a `{{placeholder}}` the source does not have. Remove it. */
    placeholderExtra: 'RP2604',
    /** `**` markers in the translation are not balanced. Pair them. */
    boldUnbalanced: 'RP2605',
    /** The translation has a different number of `- ` list lines than the source: items would be lost or merged. Match them. */
    listMismatch: 'RP2606',
    /** Warning: a different number of paragraphs (blank-line separated) than the source. Check the breaks. */
    paragraphMismatch: 'RP2607',
    /** Warning: an empty translation where the language already has one; the existing one is kept (never deleted). */
    emptyTranslation: 'RP2608',
    /** The same key twice in the file: which one to import is unclear. Delete one. */
    duplicateKey: 'RP2609',
    /** The file's language is unknown, not a project language, or differs from `--lang`: likely the wrong file. */
    language: 'RP2610',
    /** Warning: the file was exported from an older source text; the entry is imported but stays stale until reviewed. */
    sourceChanged: 'RP2611',
    /** Warning: an entry still marked for review (fuzzy / needs-review / stale) was edited: it stays stale. Clear the mark once reviewed. */
    stillFuzzy: 'RP2612',
    /** Warning: an entry marked for review with no earlier translation to keep a hash from: not imported. Review and unmark it. */
    fuzzyWithoutHistory: 'RP2613',
    /** Warning: a recorded source hash is malformed (a spreadsheet turned it into a number); it is ignored. */
    badHash: 'RP2614',
    /** A CSV without `key`/`translation` columns, or an unknown status value. Keep the exported header and statuses. */
    csvColumn: 'RP2615',
    /** `accept`: a key that is not in the source or has no translation. Fix the key. */
    acceptKey: 'RP2616',
    /** Warning: a different number of `**bold**` spans than the source. Check the markup. */
    boldMismatch: 'RP2617',
    /** A CSV translation cell is a spreadsheet formula (`=…`, `+…`, `@…`, `-x…`) once the export's `'` is taken off: never printed. */
    csvFormula: 'RP2618',
    /**
     * The translation lost its letters: none of its language's script while the source has letters, or a run of
     * `??` the source lacks (a file saved in a legacy code page such as Excel's "CSV (Comma delimited)"). Save as UTF-8.
     */
    lostScript: 'RP2619',
    /** The translation contains a control character (PO `\a`, a raw U+0001 in a CSV …) that no card can print. Delete it. */
    controlCharacter: 'RP2620',
    /** Warning: `--lang` overrides a file language that is not a project language (e.g. `Language: fa_AF`). */
    languageOverride: 'RP2621',
  },
  layout: {
    /** No content keys were given to a material (MaterialOptions.keys): an API misuse, nothing can be laid out. Pass project.materials. */
    noKeys: 'RP3001',
    /** A card side overflows even at the smallest size: text would be cut. Shorten the named keys. */
    cardOverflow: 'RP3002',
    /** The poster overflows even at the smallest size. Shorten the named keys or choose a larger paper. */
    posterOverflow: 'RP3003',
    /** The edition logo cannot be used when materials are laid out without the loader (outside the content folder, unreadable). */
    logoUnreadable: 'RP3004',
    /**
     * Warning: a printed setting (hotline, website, or a value without letters) would not print as one left-to-right
     * unit in right-to-left languages: it is not a phone number, web or e-mail address the text engine recognises
     * (text/ltr-units.ts), and the bidi algorithm would reorder its parts (`0800 RIGHTS`, `020/7123 4567`). Split or rewrite it.
     */
    settingOrder: 'RP3005',
    /** A materials key (project.yaml `materials:`) that is not in the source guidance. Fix the key. */
    unknownMaterialKey: 'RP3101',
    /** A referenced file (edition logo) does not exist. Fix the path (relative to the content folder). */
    missingAsset: 'RP3102',
    /** A referenced file lies outside the content folder: builds must not depend on other folders. Copy it in. */
    assetOutsideContent: 'RP3103',
    /** A logo path names a folder, or a file that cannot be read. Name the file itself; check permissions. */
    logoNotFile: 'RP3105',
    /** A logo file is damaged or cut short (PNG chunk CRC or data, JPEG end marker, SVG not well-formed). Export it again. */
    logoDamaged: 'RP3106',
    /** A logo file over 2 MB or over 4000 pixels on a side. Resize it. */
    logoTooLarge: 'RP3107',
    /** A logo that is not an SVG, PNG or JPEG, or a variant of them the PDF writer cannot embed. Convert it. */
    logoFormat: 'RP3108',
    /** An SVG logo that uses features the PDF writer cannot draw faithfully (text, embedded images, filters, patterns, links, CSS it cannot read). Convert or remove them. */
    logoUnsupportedSvg: 'RP3109',
    /** An SVG logo refused for safety: a script, an event handler, a reference to another file, entity declarations or foreignObject. Re-export it plainly. */
    logoUnsafeSvg: 'RP3110',
  },
  fonts: {
    /** A character no bundled font can draw: it would print as a box. Fix the typo, or add a font covering it. */
    missingGlyph: 'RP4001',
    /** A font file differs from its sha256 in fonts/manifest.json (truncated, damaged or replaced): nothing is set in it. Restore it. */
    fontMismatch: 'RP4002',
    /** A font file listed in fonts/manifest.json is missing or cannot be read. Restore it. */
    fontMissing: 'RP4003',
  },
  policy: {
    /** Print policy `fail`: the language has stale or missing strings and is not printed. Update the translation. */
    policyFail: 'RP5001',
    /** Warning, print policy `keep`: an outdated translation is printed. Have it reviewed. */
    staleKept: 'RP5002',
    /** Warning: a setting still holds a `PLACEHOLDER` value and is printed. Fill in the real value. */
    placeholderSetting: 'RP5003',
    /** Warning: strings print in the source language with a "translation pending" note (policy `fallback`). */
    fallbackUsed: 'RP5004',
    /** Warning: a printed guidance string still holds a `[PLACEHOLDER: …]` marker: a point a lawyer must verify. */
    placeholderText: 'RP5005',
  },
  render: {
    /** SOURCE_DATE_EPOCH is not a whole number of seconds (reproducible builds must not fall back to the clock). Fix or unset it. */
    badSourceDateEpoch: 'RP6001',
    /** The edition date cannot be read as a YYYY-MM-DD calendar date. Fix it. */
    badEditionDate: 'RP6002',
    /** An SVG image uses features the PDF writer cannot convert to paths (transforms, CSS, gradients). Flatten it. */
    unsupportedSvg: 'RP6003',
    /** An image cannot be read as PNG or JPEG. Convert it. */
    unreadableImage: 'RP6004',
    /** PDF/A was asked for a CMYK press file: not possible without a bundled CMYK output intent. Drop one of them. */
    cmykPdfA: 'RP6005',
  },
  output: {
    /**
     * Warning: an output rightsprint wrote earlier is out of date (its content changed and its job failed, was blocked
     * by the print policy or was not selected; or its language or edition is gone): moved to `.stale/` in the output
     * folder, or left in place with `--keep-stale`. Do not print it.
     */
    outputStale: 'RP7001',
    /** An output file or folder cannot be written, created or moved: permission denied or a read-only file system. */
    outputNotWritable: 'RP7002',
    /** The disk holding the output folder is full (or the user's quota is used up): the build stops. Free space. */
    diskFull: 'RP7003',
    /** A path where the build needs a folder (the output folder or one inside it) is a file. Move the file away. */
    notAFolder: 'RP7004',
    /** Warning: an out-of-date output was changed since rightsprint wrote it, so it is left in place (never moved). */
    staleChanged: 'RP7005',
    /** Any other file-system error writing the output folder (the system's code and message follow). */
    outputIoError: 'RP7006',
  },
  web: {
    /**
     * The web page could not fetch a font face a job needs, or it did not match fonts/manifest.json (offline before
     * the page cached that script's fonts, or an incomplete copy of the site): that language is not built. Go online
     * once, or copy the whole dist/web folder again.
     */
    fontUnavailable: 'RP8001',
  },
} as const;

/**
 * Codes that were declared once and are never emitted any more; they must not be reused for another meaning.
 * RP2007 (malformed `source:` hash): the translation schema's pattern already reports it as RP1006.
 * RP9001 (a build job failed inside): a failed job is a bug, printed as `internal error in <job>` with its stack
 * and exit code 3, not a content problem with a code.
 */
export const RETIRED_CODES: readonly string[] = ['RP2007', 'RP9001'];

/** One namespace of CODES (`content`, `i18n`, …). */
export type CodeNamespace = keyof typeof CODES;

/** Any declared code. */
export type Code = { [N in CodeNamespace]: (typeof CODES)[N][keyof (typeof CODES)[N]] }[CodeNamespace];
