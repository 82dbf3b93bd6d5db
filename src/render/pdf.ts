import { bytesToHex } from '@noble/hashes/utils';
import { environment, joinBytes, sha256Digest, sha256Pieces } from '#platform';
import PDFDocument from 'pdfkit';
import { error, UserError } from '../diagnostics/diagnostic.ts';
import { fontRegistry } from '../fonts/registry.ts';
import type { DocumentSpec, Page } from '../layout/frame.ts';
import { drawFrame, type DrawContext } from './draw-frame.ts';
import { GlyphFonts, type FaceLookup } from './glyphs.ts';
import { CODES } from '../diagnostics/codes.ts';
import { jsonPieces, type OpenObject } from './json-pieces.ts';
import { infoDictionary, pdfMetadata, rightsprintVersion, xmpDescriptions, type PdfMetadata } from './metadata.ts';
import { pdfRect } from './page-boxes.ts';
import { batchOutput, batchPageContent } from './pdfkit-output.ts';
import type { PdfKitDocument } from './pdfkit-internals.ts';
import { fastSpanMarking } from './span-marking.ts';
import { TagRecorder } from './structure.ts';

/**
 * renderPdf: DocumentSpec → PDF bytes.
 *   options → pdfkit document (tagged, /Lang, DisplayDocTitle, standard subset) → metadata and a content-derived /ID
 *   → pages (MediaBox, TrimBox, BleedBox; frame items in drawing order) → structure tree → XMP → bytes.
 * Output is deterministic: identical input (and SOURCE_DATE_EPOCH) gives byte-identical files.
 */

/** Which standard the file claims. 'none' is still a tagged PDF with /Lang and full metadata. */
export type PdfStandard = 'none' | 'ua' | 'a-2b' | 'a-3b';

export interface RenderOptions {
  readonly standard?: PdfStandard;
  /** Font faces by manifest id; defaults to the process font registry (tests may inject). */
  readonly faces?: FaceLookup;
  /** Environment for SOURCE_DATE_EPOCH; defaults to the process environment (none in a browser). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** pdfkit's name for each standard. PDF/UA-1 and PDF/A-2/3 are based on PDF 1.7, so every file says 1.7. */
const PDFKIT_SUBSET: Record<PdfStandard, string | undefined> = {
  none: undefined,
  ua: 'PDF/UA',
  'a-2b': 'PDF/A-2b',
  'a-3b': 'PDF/A-3b',
};
const PDF_VERSION = '1.7';

/** A finished PDF: a Node Buffer under Node (what the CLI and tests handle), a Uint8Array in a browser. */
export type PdfBytes = ReturnType<typeof joinBytes>;

/**
 * The PDF writer's entry point: draws the pages of `spec` exactly as laid out (glyph ids and positions from the
 * text engine, never re-shaped) and returns the file's bytes. A user's mistake (PDF/A asked for a CMYK file, a
 * logo it cannot draw, a bad SOURCE_DATE_EPOCH) is a UserError with diagnostics; the same spec, options and
 * SOURCE_DATE_EPOCH always give the same bytes.
 */
export async function renderPdf(spec: DocumentSpec, opts: RenderOptions = {}): Promise<PdfBytes> {
  const standard = opts.standard ?? 'none';
  checkStandard(spec, standard);
  const meta = pdfMetadata(spec.metadata, spec.lang, opts.env ?? environment());
  const doc = openDocument(spec, standard, meta);
  batchOutput(doc);
  fastSpanMarking(doc);
  const bytes = collect(doc);

  const faces = opts.faces ?? ((id: string) => fontRegistry().faceById(id));
  const ctx: DrawContext = { doc, fonts: new GlyphFonts(doc, faces), tags: new TagRecorder(doc, spec.structure), cmyk: spec.colorMode === 'cmyk' };
  for (const page of spec.pages) drawPage(ctx, page);
  ctx.tags.writeTree();
  doc.appendXML(xmpDescriptions(meta));
  doc.end();
  return bytes;
}

/**
 * PDF/A needs an OutputIntent matching the colours used; pdfkit's is sRGB, and DeviceCMYK content under an RGB
 * output intent is not PDF/A. No CMYK profile (e.g. FOGRA39) is bundled, so PDF/A press files are refused.
 */
function checkStandard(spec: DocumentSpec, standard: PdfStandard): void {
  if (spec.colorMode === 'cmyk' && (standard === 'a-2b' || standard === 'a-3b')) {
    throw new UserError([
      error(
        CODES.render.cmykPdfA,
        `PDF/A (${standard}) cannot be combined with CMYK colours: PDF/A needs a CMYK output intent, and none is bundled`,
        undefined,
        ['Use standard "ua" or "none" for press (CMYK) files; PDF/A is for archiving the RGB home-print files.'],
      ),
    ]);
  }
}

function openDocument(spec: DocumentSpec, standard: PdfStandard, meta: PdfMetadata): PdfKitDocument {
  const subset = PDFKIT_SUBSET[standard];
  const doc = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: PDF_VERSION,
    tagged: true,
    lang: spec.lang,
    displayTitle: true,
    // No default font: Helvetica would never be embedded, and PDF/UA wants every font embedded.
    font: null as unknown as string,
    info: infoDictionary(meta) as unknown as PDFKit.DocumentInfo,
    ...(subset ? { subset: subset as PDFKit.Mixins.PDFSubsets } : {}),
  }) as unknown as PdfKitDocument;
  // pdfkit's XMP writer does not escape XML and knows nothing of dc:language; ours (metadata.ts) replaces it.
  doc._addInfo = () => {};
  // pdfkit hashes only the info dictionary for /ID; two editions with equal metadata would share an ID. Derive it
  // from everything that decides the file's content instead (still deterministic).
  doc._id = fileId(spec, standard, meta);
  return doc;
}

/**
 * 16 bytes of SHA-256 over the canonical JSON of the spec, the standard, the dates and rightsprint's version.
 * Image bytes enter as their own SHA-256 and images by their content-relative name, so the ID depends on what the
 * file shows, never on where the content folder is.
 */
export function fileId(spec: DocumentSpec, standard: PdfStandard, meta: PdfMetadata): Uint8Array {
  // A logo drawn on every card of a sheet is one byte array: hashed once.
  const hashes = new Map<Uint8Array, string>();
  const bytesAsHash = (_key: string, value: unknown) => {
    if (!(value instanceof Uint8Array)) return value;
    let hash = hashes.get(value);
    if (hash === undefined) hashes.set(value, (hash = `sha256:${bytesToHex(sha256Digest(value))}`));
    return hash;
  };
  // The hash of JSON.stringify(…, bytesAsHash), taken piece by piece (json-pieces.ts says why); a frame the spec
  // holds many times over is written once and its text repeated.
  const input = { spec, standard, date: meta.date.toISOString(), creator: rightsprintVersion() };
  return sha256Pieces((update) => jsonPieces(input, bytesAsHash, update, openFrames, frameTexts)).subarray(0, 16);
}

/**
 * fileId's frame texts across documents, while their frames live (json-pieces.ts, KeptTexts): the documents of a
 * material are rendered one after another from one layout, and share frames — a press file draws the home file's
 * pages, the card sheets and the press card draw one card Frame. bytesAsHash gives a byte array the same text in
 * every call (its content's hash), and a laid-out spec is not changed while it is written.
 */
const frameTexts = new WeakMap<object, readonly string[]>();

/**
 * fileId's objects opened at any depth (json-pieces.ts, OpenObject): frames, and the positioned groups that hold
 * them, at the depth a page's frame has in fileId's input (input → spec → pages → page → frame), so a nested frame
 * is written as a page's is. The copies of a card on a sheet are one Frame object.
 */
const openFrames: OpenObject = (value) => (Array.isArray(value.items) || isGroup(value.item) ? FRAME_DEPTH : undefined);
const FRAME_DEPTH = 2;
const isGroup = (item: unknown): boolean => typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'group';

function drawPage(ctx: DrawContext, page: Page): void {
  const doc = ctx.doc.addPage({ size: [page.width, page.height], margin: 0 });
  batchPageContent(doc.page);
  const dict = doc.page.dictionary.data;
  if (page.bleedBox) dict.BleedBox = pdfRect(page.bleedBox, page.height);
  if (page.trimBox) dict.TrimBox = pdfRect(page.trimBox, page.height);
  drawFrame(ctx, page.frame);
}

/** The whole PDF as one byte array once pdfkit has finished writing. */
function collect(doc: PdfKitDocument): Promise<PdfBytes> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(joinBytes(chunks)));
    doc.on('error', reject);
  });
}
