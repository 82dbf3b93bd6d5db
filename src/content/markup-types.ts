/**
 * Parsed form of the short markup allowed in guidance strings:
 *   `**bold**`               → a bold inline
 *   lines starting with `- ` → list items
 *   a blank line             → a new block
 *   a single newline         → a forced line break inside a paragraph (kept as `\n` in the text)
 * `{{setting}}` is already interpolated before parsing; `interpolateMarked` + `parseMarkup(text, valueLang)` keep
 * track of where the interpolated values are, so they can carry their own language.
 */

export interface Inline {
  readonly text: string;
  readonly bold: boolean;
  /**
   * BCP 47 language of this inline when it is not the string's own language. Set on interpolated setting values
   * that contain letters (`{{organisation}}` inside an Arabic sentence is written in the source language); a
   * value without letters (a phone number) has none. Screen readers switch voice on it (PDF /Lang on the span).
   */
  readonly lang?: string;
}

export type Block = { readonly kind: 'para'; readonly inlines: readonly Inline[] } | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] };
