/**
 * Character codes for shaped text: one code per distinct (glyph, text) pair of a font, so that every occurrence of
 * a glyph can carry the text of its own cluster (docs/text-extraction.md).
 *
 * A PDF reader finds a glyph's text through the font's /ToUnicode CMap, keyed by character code. pdfkit writes
 * Identity-H with code = CID = subset glyph id, so a glyph had one text for the whole document: the dotless base
 * that Noto Naskh shares between ر and ز, or a Devanagari matra drawn before its consonant, read as whatever
 * cluster used it first. Here each code is its own CID (still Identity-H) and a /CIDToGIDMap stream points it at
 * the subset glyph; MuPDF looks text up by CID, so an /Encoding CMap over shared CIDs would not do. The font
 * program is pdfkit's subset, unchanged, so the page renders the same.
 */

/** Code 0 is kept for .notdef (CID 0), as in Identity-H. */
const FIRST_CODE = 1;
/** Two-byte codes: the code space <0000>–<FFFF>. */
const MAX_CODE = 0xffff;
/** PDF CMap syntax allows at most 100 entries per begincidchar/beginbfchar block (ISO 32000-1 §9.7.5.4 note). */
const BLOCK = 100;

/** The codes of one font, in allocation (first-use) order. */
export class TextCodes {
  /**
   * Codes by subset glyph id, then by text: no key string per drawn glyph (a `${gid}\0${text}` key each was a
   * few percent of the glyph writer's time).
   */
  private readonly byGid: (Map<string, number> | undefined)[] = [];
  /** Subset glyph id of each code; index = code. */
  readonly gids: number[] = [0];
  /** Text of each code; index = code. */
  readonly texts: string[] = [''];

  /** The code that shows subset glyph `gid` with Unicode text `text`; allocated on first use. */
  code(gid: number, text: string): number {
    let byText = this.byGid[gid];
    if (byText === undefined) {
      byText = new Map();
      this.byGid[gid] = byText;
    }
    const known = byText.get(text);
    if (known !== undefined) return known;
    const code = this.gids.length;
    if (code > MAX_CODE) throw new Error(`more than ${MAX_CODE} distinct glyph/text pairs in one font`);
    this.gids.push(gid);
    this.texts.push(text);
    byText.set(text, code);
    return code;
  }

  /** Number of codes in use (excluding code 0). */
  get size(): number {
    return this.gids.length - FIRST_CODE;
  }
}

/** Two lowercase hex digits of each byte value. */
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * `n.toString(16).padStart(4, '0')` for a 16-bit unit (a text code, a UTF-16 unit), from a table: written for
 * every drawn glyph and every /ToUnicode entry.
 */
export const hex4 = (n: number): string => (n >= 0 && n <= 0xffff ? HEX2[n >> 8]! + HEX2[n & 0xff]! : n.toString(16).padStart(4, '0'));

/** UTF-16BE hex of a string, as a ToUnicode destination. */
function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** Group entries into blocks of at most BLOCK, each written as `n begin<kind> … end<kind>`. */
function blocks(entries: readonly string[], kind: string): string {
  const out: string[] = [];
  for (let i = 0; i < entries.length; i += BLOCK) {
    const chunk = entries.slice(i, i + BLOCK);
    out.push(`${chunk.length} begin${kind}\n${chunk.join('\n')}\nend${kind}`);
  }
  return out.join('\n');
}

/** The /CIDToGIDMap stream: for each CID (= code under Identity-H), the big-endian 2-byte glyph id in the subset. */
export function cidToGidMap(codes: TextCodes): Uint8Array {
  const out = new Uint8Array(codes.gids.length * 2);
  codes.gids.forEach((gid, cid) => {
    out[cid * 2] = gid >> 8;
    out[cid * 2 + 1] = gid & 0xff;
  });
  return out;
}

/** The /ToUnicode CMap program (code → text). Codes with empty text (none are made today) are left out. */
export function toUnicodeCMap(codes: TextCodes): string {
  const entries: string[] = [];
  for (let code = FIRST_CODE; code < codes.texts.length; code++) {
    const text = codes.texts[code]!;
    if (text === '') continue;
    entries.push(`<${hex4(code)}> <${utf16Hex(text)}>`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...(entries.length ? [blocks(entries, 'bfchar')] : []),
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
