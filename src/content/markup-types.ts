/**
 * Parsed form of the short markup allowed in guidance strings:
 *   `**bold**`               → a bold inline
 *   lines starting with `- ` → list items
 *   a blank line             → a new block
 *   a single newline         → a forced line break inside a paragraph (kept as `\n` in the text)
 * `{{setting}}` is already interpolated before parsing.
 */

export interface Inline {
  readonly text: string;
  readonly bold: boolean;
}

export type Block =
  | { readonly kind: 'para'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] };
