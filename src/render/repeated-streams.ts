import { bytesToHex } from '@noble/hashes/utils';
import { sha256Digest } from '#platform';
import type { PdfKitDocument, PdfRef } from './pdfkit-internals.ts';

/**
 * endRepeatedStream: a font's small streams (its subset program, /CIDToGIDMap and /ToUnicode CMap) written with
 * the data pdfkit deflated for the same bytes before, instead of deflating them again.
 *
 * Why: the documents of a build repeat many of them byte for byte — a face that shows the same few glyphs with
 * the same text codes in every language's poster and card sheet (the multi-language strip, digits): rendering the
 * 18 documents of bench/render.ts once, 267 of the 497 streams deflated (87 font programs, 87 CMaps, 93 maps) had
 * the bytes of a stream deflated before. Each `zlib.deflateSync`
 * sets up and tears down a deflate state (~0.1–0.3 ms), whatever the input's size, so those repeats were about a
 * quarter of the build's deflate time. Deflating the same bytes with the same settings gives the same output, so
 * writing pdfkit's own earlier output (taken as it went to the file, so whichever deflate pdfkit's build uses) is
 * byte-identical; the stream's dictionary gets /Length and then /Filter, in the order pdfkit's first write sets them.
 * Bigger streams (a face's full subset) are almost never repeated and go through pdfkit as before.
 */

/** Streams up to this many bytes are remembered; larger ones are deflated each time. */
const MAX_INPUT = 32 * 1024;
/** Deflated bytes kept before starting afresh, so a long process (tests, the full matrix) stays bounded. */
const MAX_KEPT = 4 * 1024 * 1024;

/** pdfkit's deflated data by the SHA-256 of its input. */
const deflated = new Map<string, Uint8Array>();
let keptBytes = 0;

/** The parts of pdfkit's PDFReference (0.20.2) this file relies on. */
interface StreamRef extends PdfRef {
  /** Whether `finalize` deflates the buffer (set from the document's `compress` when the object is made). */
  compress: boolean;
}

/**
 * `ref.end(data)` as pdfkit does it, the deflated data taken from memory when the same `data` was written before.
 * `data` as bytes: pdfkit's own `write` turns a string into its low 8 bits plus a newline (binaryStringBytes).
 */
export function endRepeatedStream(doc: PdfKitDocument, ref: PdfRef, data: Uint8Array): void {
  const stream = ref as StreamRef;
  if (!stream.compress || data.length > MAX_INPUT || (doc as { _security?: unknown })._security) {
    ref.end(data);
    return;
  }
  const key = `${data.length}:${bytesToHex(sha256Digest(data))}`;
  const known = deflated.get(key);
  if (known) {
    // What pdfkit's write() and finalize() leave: /Length (the deflated length) before /Filter, no deflate.
    stream.compress = false;
    stream.data.Length = 0;
    stream.data.Filter = 'FlateDecode';
    ref.end(known);
    return;
  }
  // The stream's data is the one byte array finalize() writes for this object: what pdfkit's deflate returned.
  const write = doc._write;
  let out: Uint8Array | undefined;
  doc._write = (chunk) => {
    if (chunk instanceof Uint8Array && out === undefined) out = chunk;
    write(chunk);
  };
  try {
    ref.end(data);
  } finally {
    doc._write = write;
  }
  if (out === undefined) return;
  if (keptBytes + out.length > MAX_KEPT) {
    deflated.clear();
    keptBytes = 0;
  }
  // A copy of its own size: zlib's output can be a view into a larger block, which keeping it would keep whole.
  const copy = new Uint8Array(out);
  deflated.set(key, copy);
  keptBytes += copy.length;
}
