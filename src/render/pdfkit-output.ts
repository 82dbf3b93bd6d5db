import { binaryStringBytes } from '#platform';
import type { PdfKitDocument, PdfPage } from './pdfkit-internals.ts';

/**
 * pdfkit's output without its per-write costs: the same bytes, written in larger pieces.
 *
 * pdfkit 0.20.2 turns every string it writes (each object of the file, and each operator a page's content gets:
 * one per addContent, markContent, EMC …) into its own byte array with a JS loop (`fromBinaryString(s + '\n')`,
 * one byte per UTF-16 unit, its low 8 bits), pushes each object's through a Node Readable stream, and joins a
 * page's arrays again before compressing them. For our files that is tens of thousands of small arrays; together
 * with the stream it was a tenth of renderPdf's time. Here the strings are kept as strings and turned into bytes
 * once per run of strings (binaryStringBytes: the same low-8-bits rule), so every byte and every xref offset is
 * what pdfkit would have written.
 */

/** A pdfkit indirect object as far as its stream buffer goes (pdfkit-internals.ts has the rest). */
interface StreamRef {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/**
 * Makes pdfkit's `_write` keep the lines it writes as strings (counting `_offset` as pdfkit does, for the xref
 * table) and push them through the document's stream as one byte array per run of lines: before the next bytes
 * (a stream's data) and before the end of the file. The stream and its events stay pdfkit's (Node's Readable,
 * or the browser build's own). Call right after creating the document; what the constructor wrote (the file
 * header) is already in the stream, in front.
 */
export function batchOutput(doc: PdfKitDocument): void {
  const push = doc.push.bind(doc);
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) push(binaryStringBytes(lines.join('')));
    lines = [];
  };
  doc._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      push(data);
      doc._offset += data.length;
      return;
    }
    const line = `${data}\n`;
    lines.push(line);
    // One byte per UTF-16 unit, as pdfkit counts it.
    doc._offset += line.length;
  };
  doc.push = (chunk) => {
    // pdfkit pushes only from _write, and null at the end of the file.
    if (chunk === null) flush();
    return push(chunk);
  };
}

/**
 * Makes the page's content stream keep the operators pdfkit and we add as strings, turned into bytes at once
 * when pdfkit finalizes the stream (at the next page or the end). Call right after `addPage`.
 */
export function batchPageContent(page: PdfPage): void {
  const content = page.content as unknown as StreamRef;
  const write = content.write.bind(content);
  const finalize = content.finalize.bind(content);
  let pending: string[] = [];
  const flush = () => {
    // The first write also sets the stream's /Length and /Filter keys, in pdfkit's order.
    // The empty last piece gives the final newline inside the one flat string join makes (appending it after
    // would make a rope that turning into bytes must first copy whole).
    if (pending.length) {
      pending.push('');
      write(binaryStringBytes(pending.join('\n')));
    }
    pending = [];
  };
  content.write = (chunk) => {
    if (typeof chunk === 'string') pending.push(chunk);
    else {
      flush();
      write(chunk);
    }
  };
  content.finalize = () => {
    flush();
    finalize();
  };
}
