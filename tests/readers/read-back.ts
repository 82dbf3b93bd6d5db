import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentSpec, Frame } from '../../src/layout/frame.ts';

/**
 * Reading our PDFs back the way people's software does (docs/text-extraction.md): poppler's `pdftotext` (Evince,
 * Okular, most Linux tools), pdf.js `getTextContent` (Firefox, most web viewers) and MuPDF's `mutool draw -F txt`
 * (SumatraPDF, zathura), and comparing with the text the document was laid out from.
 */

const run = promisify(execFile);

/** The three readers. */
export type Reader = 'poppler' | 'pdfjs' | 'mupdf';
export const READERS: readonly Reader[] = ['poppler', 'pdfjs', 'mupdf'];

/** One page's text per reader. */
export type PageTexts = Record<Reader, string[]>;

/** pdftotext and mutool write a form feed after every page. */
const pagesOf = (text: string, count: number): string[] => text.split('\f').slice(0, count);

/** Every page of a PDF file through all three readers (the two tools run as child processes, pdf.js in-process). */
export async function readAll(path: string, pageCount: number): Promise<PageTexts> {
  const [poppler, mupdf, pdfjs] = await Promise.all([
    run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 }).then((r) => pagesOf(r.stdout, pageCount)),
    run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', path], { maxBuffer: 64 << 20 }).then((r) => pagesOf(r.stdout, pageCount)),
    readPdfjs(path),
  ]);
  return { poppler, pdfjs, mupdf };
}

/** pdf.js: each page's text items joined as its text layer and find bar see them (items in order, EOL as \n). */
async function readPdfjs(path: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      out.push(text);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/**
 * Text for comparison: NFC; invisible format characters dropped (bidi marks and isolates that readers add or
 * drop, U+2060 WORD JOINER that the writer puts on glyphs without text of their own, ZWJ/ZWNJ, soft hyphens);
 * hyphen-minus dropped (a reader cannot tell a line-break hyphen from `ب-Home` broken after its hyphen, and
 * MuPDF puts a line break after `ב-` before an LTR run); markup `**` dropped; then all whitespace removed, since
 * readers insert spaces and line breaks by their own heuristics. Letter, word and line order still count.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u034f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu, '')
    .replaceAll('-', '')
    .replaceAll('**', '')
    .replace(/\s+/gu, '');
}

/**
 * The text blocks of each page as laid out: consecutive lines of one structure node joined (a paragraph, in
 * order); an untagged line (artifact: the repeated copies on a card sheet, cut labels) on its own, since readers
 * may interleave the lines of cards that sit side by side.
 */
export function expectedParagraphs(spec: DocumentSpec): Block[][] {
  return spec.pages.map((page) => {
    const paras: Block[] = [];
    let last: string | null = null;
    const walk = (frame: Frame) => {
      for (const { item } of frame.items) {
        if (item.kind === 'group') {
          last = null;
          walk(item.frame);
        } else if (item.kind === 'line') {
          const key = item.tag ?? null;
          const lastBlock = paras[paras.length - 1];
          if (key !== null && key === last && lastBlock) lastBlock.text += `\n${item.line.text}`;
          else paras.push({ text: item.line.text, tag: key });
          last = key;
        } else if (item.tag !== undefined) last = null;
      }
    };
    walk(page.frame);
    return paras.filter((p) => normalise(p.text) !== '');
  });
}

/** A block of expected text and the structure node it belongs to (null: an artifact line). */
export interface Block {
  text: string;
  readonly tag: string | null;
}

/** Blocks of `expected` that do not appear, in order within themselves, in the page text `got`. */
export function missingParagraphs(expected: readonly Block[], got: string): Block[] {
  const page = normalise(got);
  return expected.filter((p) => !page.includes(normalise(p.text)));
}

/**
 * Per reader, the texts of the paragraphs of `spec` (every page) that reader does not give back from the PDF at
 * `path`, with each page's text as read: what a regression asserts empty.
 */
export async function misreadParagraphs(path: string, spec: DocumentSpec): Promise<{ missing: Record<Reader, string[]>; read: PageTexts }> {
  const expected = expectedParagraphs(spec);
  const read = await readAll(path, expected.length);
  const missingFor = (reader: Reader) => expected.flatMap((paras, p) => missingParagraphs(paras, read[reader][p] ?? '').map((b) => b.text));
  return { missing: { poppler: missingFor('poppler'), pdfjs: missingFor('pdfjs'), mupdf: missingFor('mupdf') }, read };
}

/** What misreadParagraphs gives when every reader reads every paragraph. */
export const NONE_MISSING: Record<Reader, string[]> = { poppler: [], pdfjs: [], mupdf: [] };

/**
 * `pdfinfo -struct-text`: each structure element's text (poppler's structure API, used by tools that read the
 * tags), as role and text, the element's marked-content sequences joined in /K order.
 */
export async function structTexts(path: string): Promise<{ role: string; text: string }[]> {
  const { stdout } = await run('pdfinfo', ['-struct-text', path], { maxBuffer: 64 << 20 });
  const out: { role: string; text: string }[] = [];
  for (const line of stdout.split('\n')) {
    const quoted = /^\s*"(.*)"\s*$/u.exec(line);
    if (quoted && out.length) out[out.length - 1]!.text += quoted[1]!;
    else if (line.trim()) out.push({ role: line.trim(), text: '' });
  }
  return out;
}
