import { binaryStringBytes } from '#platform';
import type { FontkitFontForEmbed, PdfEmbeddedFont, PdfKitDocument } from './pdfkit-internals.ts';
import { endRepeatedStream } from './repeated-streams.ts';
import { cidToGidMap, type TextCodes, toUnicodeCMap } from './text-codes.ts';
import { encodeTrueTypeSubset } from './ttf-subset.ts';

/**
 * embedWithCodes: write a pdfkit EmbeddedFont whose CIDs are our text codes (text-codes.ts) instead of subset glyph
 * ids. Replaces pdfkit 0.20.2's `EmbeddedFont.embed` for the fonts the glyph writer creates; the font program
 * (fontkit's subset), the descriptor and the Type0 dictionary are written exactly as pdfkit writes them. What
 * differs: /W is indexed by CID, /CIDToGIDMap is a stream (CID → subset glyph) instead of /Identity, and
 * /ToUnicode is keyed by CID — so two occurrences of one glyph can carry different text, in every reader (MuPDF
 * looks text up by CID, so the codes must be CIDs, not an /Encoding CMap over shared CIDs: docs/text-extraction.md).
 */
export function embedWithCodes(doc: PdfKitDocument, font: PdfEmbeddedFont, codes: TextCodes): void {
  const fk = font.font;
  if (font.subset.cff != null) {
    // A CIDFontType0 (CFF) font cannot have a CIDToGIDMap; none of the bundled faces is CFF.
    throw new Error(`font ${fk.postscriptName}: CFF outlines are not supported by the text layer (docs/text-extraction.md)`);
  }
  const fontFile = doc.ref();
  endRepeatedStream(doc, fontFile, encodeTrueTypeSubset(font.subset));

  const familyClass = ((fk['OS/2'] != null ? fk['OS/2'].sFamilyClass : undefined) || 0) >> 8;
  let flags = 0;
  const post = postHeader(fk);
  if (post.isFixedPitch) flags |= 1 << 0;
  if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
  flags |= 1 << 2;
  if (familyClass === 10) flags |= 1 << 3;
  if (fk.head.macStyle.italic) flags |= 1 << 6;
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((font.id.charCodeAt(i) || 73) + 17)).join('');
  const name = `${tag}+${fk.postscriptName?.replaceAll(' ', '_')}`;
  const { bbox } = fk;
  const descriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * font.scale, bbox.minY * font.scale, bbox.maxX * font.scale, bbox.maxY * font.scale],
    ItalicAngle: post.italicAngle,
    Ascent: font.ascender,
    Descent: font.descender,
    CapHeight: (fk.capHeight || fk.ascent) * font.scale,
    XHeight: (fk.xHeight || 0) * font.scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  descriptor.end();

  const map = doc.ref();
  endRepeatedStream(doc, map, cidToGidMap(codes));
  const widths = codes.gids.map((gid) => font.widths[gid] ?? 0);
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [0, widths],
    CIDToGIDMap: map,
  });
  descendant.end();

  const toUnicode = doc.ref();
  // As pdfkit writes a string: its low 8 bits, then a newline.
  endRepeatedStream(doc, toUnicode, binaryStringBytes(`${toUnicodeCMap(codes)}\n`));
  const dict = font.ref();
  dict.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode };
  dict.end();
}

/**
 * post.italicAngle and post.isFixedPitch, read from the table's header as fontkit decodes them (Fixed 16.16 and
 * uint32). fontkit's `font.post` decodes the whole table, a name for every glyph: several milliseconds a face for
 * two numbers. Without a post table this is fontkit's own getter (which fails as pdfkit's embed() would).
 */
export function postHeader(fk: FontkitFontForEmbed): { italicAngle: number; isFixedPitch: number | boolean | undefined } {
  const stream = fk._getTableStream('post');
  if (!stream) return { italicAngle: fk.italicAngle, isFixedPitch: fk.post.isFixedPitch };
  stream.pos += 4; // version
  const italicAngle = stream.readInt32BE() / 65536;
  stream.pos += 4; // underlinePosition, underlineThickness
  return { italicAngle, isFixedPitch: stream.readUInt32BE() };
}
