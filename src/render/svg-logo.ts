import SVGtoPDF from 'svg-to-pdfkit';
import { error, UserError } from '../diagnostics/diagnostic.ts';
import type { Color, ImageItem } from '../layout/frame.ts';
import { svgText } from '../content/inspect-logo.ts';
import { checkSvg, type SvgCheck } from '../content/svg.ts';
import { fillColorOp, naiveCmyk, strokeColorOp } from './color.ts';
import { CODES } from '../diagnostics/codes.ts';
import type { PdfKitDocument, PdfRef } from './pdfkit-internals.ts';

/**
 * SVG logos, drawn by svg-to-pdfkit into the ImageItem box (preserveAspectRatio xMidYMid meet). Our own check
 * (content/svg.ts) runs first, here as at content load: only a self-contained drawing of supported features
 * reaches the library, and the callbacks below refuse any file, font or document it might still ask for.
 *
 * Press files (cmyk) stay DeviceCMYK: every colour the SVG names goes through `colorCallback` (naive CMYK, black
 * → pure K), so fills, strokes and gradient stops are CMYK; see writerColors for the colour operators and the
 * blending space of the transparency groups svg-to-pdfkit opens for clip paths, masks and group opacity.
 */

/** svg-to-pdfkit's colour: [components, opacity]; RGB 0–255, or CMYK 0–100 (pdfkit divides by 100). */
type SvgColor = [number[], number];

interface SvgToPdfOptions {
  readonly width: number;
  readonly height: number;
  readonly preserveAspectRatio: string;
  /** Lengths in the SVG are points (the viewport above is in points), not CSS px. */
  readonly assumePt: boolean;
  readonly colorCallback?: (color: SvgColor | undefined, raw?: string) => SvgColor | undefined;
  readonly warningCallback: (message: string) => void;
  readonly imageCallback: (link: string) => string;
  readonly fontCallback: () => string;
  readonly documentCallback: (file: string) => never;
}

const drawSvg = SVGtoPDF as (doc: PdfKitDocument, svg: string, x: number, y: number, options: SvgToPdfOptions) => void;

/**
 * The decoded text and our check of each logo's bytes: a card sheet draws the same logo (the same bytes, read once
 * by the content loader) on every card of every page, and checking it again for each copy was wasted work.
 */
const checked = new WeakMap<Uint8Array, { readonly text: string | undefined; readonly check: SvgCheck | undefined }>();

function checkedSvg(data: Uint8Array): { readonly text: string | undefined; readonly check: SvgCheck | undefined } {
  let found = checked.get(data);
  if (!found) {
    const text = svgText(data);
    found = { text, check: text === undefined ? undefined : checkSvg(text) };
    checked.set(data, found);
  }
  return found;
}

/** The file name of a content-relative key (messages name it, never a machine path). */
const basename = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/**
 * Draw an SVG logo into the item box at (x, y). A logo the check refuses, or one svg-to-pdfkit warns about (it
 * skips what it cannot read), is a user error naming the file: a logo is never printed partly.
 */
export function drawSvgLogo(doc: PdfKitDocument, item: ImageItem, x: number, y: number, cmyk: boolean): void {
  const fail = (reason: string): never => {
    throw new UserError([
      error(CODES.render.unsupportedSvg, `SVG image ${basename(item.src)} cannot be drawn: ${reason}`, undefined, [
        'Export the logo again as a plain SVG of shapes (text converted to paths, no effects or embedded images),',
        'or export it as a PNG at 600 dpi.',
      ]),
    ]);
  };
  const { text, check } = checkedSvg(item.data);
  if (text === undefined) fail('the SVG is not UTF-8 text and does not declare another encoding');
  if (check && !check.ok) fail(check.reason);
  const key = `${x} ${y} ${item.width} ${item.height} ${cmyk}`;
  const drawings = recorded.get(item.data);
  const calls = drawings?.get(key);
  const undo = writerColors(doc, cmyk);
  if (calls) {
    try {
      replay(doc, calls);
    } finally {
      undo();
    }
    return;
  }
  const warnings: string[] = [];
  const refuse =
    (what: string) =>
    (value: string): never =>
      fail(`it asks for ${what} "${value}", which a logo must not load`);
  const recording = record(doc);
  try {
    drawSvg(recording.doc, text!, x, y, {
      width: item.width,
      height: item.height,
      preserveAspectRatio: 'xMidYMid meet',
      assumePt: true,
      ...(cmyk ? { colorCallback: toCmyk } : {}),
      warningCallback: (message) => warnings.push(message),
      imageCallback: refuse('the image'),
      fontCallback: () => fail('it asks for a font'),
      documentCallback: refuse('the document'),
    });
  } catch (e) {
    if (e instanceof UserError) throw e;
    fail(`the SVG drawer stopped: ${(e as Error).message}`);
  } finally {
    undo();
  }
  if (warnings.length > 0) fail(warnings.join('; '));
  const made = recording.calls();
  if (made) {
    if (drawings) drawings.set(key, made);
    else recorded.set(item.data, new Map([[key, made]]));
  }
}

/** One pdfkit method call svg-to-pdfkit made on the document, with its arguments as they were. */
type Call = readonly [method: string, args: readonly unknown[]];

/**
 * svg-to-pdfkit's calls for drawing a logo, by the logo's bytes and then by box and colour mode, for logos that
 * these calls alone draw (see record). A card sheet draws one logo at the same place on ten cards a page and in
 * every language, and parsing and walking the SVG again for each copy was a tenth of the full build's time.
 */
const recorded = new WeakMap<Uint8Array, Map<string, readonly Call[]>>();

/**
 * The pdfkit methods a logo drawn from calls alone may use: paths, colours, opacity, transformations and plain
 * operators. pdfkit keeps the document-wide parts (an opacity's ExtGState is made once per document, named on
 * every page that uses it) itself, so calling them again writes what drawing the SVG again would. Anything else
 * (a gradient, an image, a font, a PDF object of svg-to-pdfkit's own for a clip group or mask) is not recorded.
 */
const REPLAYABLE = new Set([
  'save',
  'restore',
  'transform',
  'translate',
  'scale',
  'addContent',
  'moveTo',
  'lineTo',
  'bezierCurveTo',
  'closePath',
  'rect',
  'circle',
  'fill',
  'stroke',
  'fillAndStroke',
  'clip',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'dash',
  'undash',
  'fillColor',
  'strokeColor',
  'fillOpacity',
  'strokeOpacity',
]);

/**
 * pdfkit's current fill colour, which svg-to-pdfkit reads before drawing and sets back after it, and uses for
 * nothing else: the one property a recorded drawing may touch (replay puts it back the same way).
 */
const FILL_COLOR = '_fillColor';

/** Calls the recorded methods again, in order, on the document, and puts the fill colour back as svg-to-pdfkit does. */
function replay(doc: PdfKitDocument, calls: readonly Call[]): void {
  const methods = doc as unknown as Record<string, unknown>;
  const saved = methods[FILL_COLOR];
  for (const [method, args] of calls) Reflect.apply(methods[method] as (...a: unknown[]) => unknown, doc, args);
  methods[FILL_COLOR] = saved;
}

/**
 * A stand-in for `doc` that passes every use through and records svg-to-pdfkit's method calls. `calls()` returns
 * them only when calling them again would draw the same: every call was one of REPLAYABLE, an operator written
 * directly names no resource (no `/`), and svg-to-pdfkit neither read nor set any of the document's properties
 * (the page, the transformation matrix, its counters of groups, masks and patterns), so nothing it did depended
 * on where or into which document it drew.
 */
function record(doc: PdfKitDocument): { readonly doc: PdfKitDocument; calls(): readonly Call[] | undefined } {
  const calls: Call[] = [];
  let replayable = true;
  const stand: PdfKitDocument = new Proxy(doc, {
    get(target, name) {
      const value = Reflect.get(target, name, target) as unknown;
      if (typeof value !== 'function') {
        if (name !== FILL_COLOR) replayable = false;
        return value;
      }
      return (...args: unknown[]): unknown => {
        const method = String(name);
        if (!REPLAYABLE.has(method) || (method === 'addContent' && String(args[0]).includes('/'))) replayable = false;
        else if (replayable) {
          try {
            calls.push([method, structuredClone(args)]);
          } catch {
            // An argument that cannot be copied (a function): keep drawing, do not record.
            replayable = false;
          }
        }
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        // pdfkit's methods return the document for chaining: the chain goes on through the stand-in.
        return result === target ? stand : result;
      };
    },
    set(target, name, value) {
      if (name !== FILL_COLOR) replayable = false;
      return Reflect.set(target, name, value, target);
    },
  });
  return { doc: stand, calls: () => (replayable ? calls : undefined) };
}

/** RGB colours as the press file's naive CMYK (color.ts), opacity unchanged. */
function toCmyk(color: SvgColor | undefined): SvgColor | undefined {
  if (!color) return color;
  const [r, g, b] = color[0] as [number, number, number];
  return [[...naiveCmyk([r, g, b])], color[1]];
}

/**
 * What svg-to-pdfkit's pdfkit calls do differently from the rest of the writer, set right while one SVG is drawn.
 * Returns the undo.
 *  - Plain fill and stroke colours are written as every other item writes them (color.ts: `k`/`K` in a press file,
 *    `rg`/`RG` at home, numbers through num()); pdfkit would write `/DeviceCMYK cs 0 0.92 0.77 0.21600000000000003 scn`.
 *  - In a press file, the transparency groups svg-to-pdfkit creates for clip paths, masks and group opacity
 *    (/Group /CS DeviceRGB) blend in DeviceCMYK, and soft-mask backdrops (/BC, RGB black or white) get their CMYK
 *    form: CMYK content blended in RGB would turn pure-K black into a four-colour mix on press.
 */
function writerColors(doc: PdfKitDocument, cmyk: boolean): () => void {
  const patched = doc as unknown as Record<'ref' | 'fillColor' | 'strokeColor', unknown>;
  const saved = (['ref', 'fillColor', 'strokeColor'] as const).map((name) => [name, Object.hasOwn(doc, name), patched[name]] as const);
  const ref = doc.ref.bind(doc);
  const setColor = (original: (color: unknown, opacity?: number) => unknown, op: typeof fillColorOp, opacity: (o: number) => void) =>
    function (this: unknown, color: unknown, alpha?: number) {
      const plain = Array.isArray(color) && color.length === (cmyk ? 4 : 3) && color.every((v) => typeof v === 'number');
      if (!plain) return original.call(doc, color, alpha);
      const [a, b, c, d] = color as number[];
      const value: Color = cmyk ? { rgb: [0, 0, 0], cmyk: [a!, b!, c!, d!] } : { rgb: [a!, b!, c!], cmyk: [0, 0, 0, 0] };
      doc.addContent(op(value, cmyk));
      if (alpha !== undefined) opacity(alpha);
      return doc;
    };
  const pdfkit = doc as unknown as {
    fillColor(color: unknown, opacity?: number): unknown;
    strokeColor(color: unknown, opacity?: number): unknown;
    fillOpacity(o: number): unknown;
    strokeOpacity(o: number): unknown;
  };
  patched.fillColor = setColor(pdfkit.fillColor, fillColorOp, (o) => pdfkit.fillOpacity(o));
  patched.strokeColor = setColor(pdfkit.strokeColor, strokeColorOp, (o) => pdfkit.strokeOpacity(o));
  if (cmyk) {
    patched.ref = (data?: Record<string, unknown>): PdfRef => {
      const group = data?.Group as Record<string, unknown> | undefined;
      if (group?.CS === 'DeviceRGB') group.CS = 'DeviceCMYK';
      const mask = data?.SMask as Record<string, unknown> | undefined;
      const bc = mask?.BC as number[] | undefined;
      if (bc?.length === 3) mask!.BC = bc[0] === 0 ? [0, 0, 0, 1] : [0, 0, 0, 0];
      return ref(data);
    };
  }
  return () => {
    for (const [name, own, value] of saved) {
      if (own) patched[name] = value;
      else delete patched[name];
    }
  };
}
