import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';

/**
 * Checks an SVG logo before anything draws it, and reads its size. The PDF writer draws SVG logos with
 * svg-to-pdfkit (render/images.ts), which draws what design tools export (transforms, CSS classes, gradients, clip
 * paths, masks); this check stands in front of it so that
 *  - nothing outside the file is ever read or run: scripts, event handlers, external references (href, url(),
 *    @import, xml-stylesheet), entity declarations and foreignObject are refused ('unsafe');
 *  - nothing is drawn wrongly or left out silently: what svg-to-pdfkit skips or cannot draw faithfully here —
 *    text (it would need fonts the PDF does not embed), embedded images, filter effects, patterns, links,
 *    animation, CSS it cannot read — is refused with the fix ('unsupported');
 *  - the text is well-formed XML ('damaged' otherwise): a truncated file would lose the shapes after the cut.
 */

/** Why an SVG cannot be used: cut short or corrupt, unsafe to process, or using features we cannot draw. */
export type SvgProblemKind = 'damaged' | 'unsafe' | 'unsupported';

export type SvgCheck =
  | {
      readonly ok: true;
      /** The user-space rectangle the logo occupies: the viewBox, or 0 0 width height (in CSS px) without one. */
      readonly viewBox: readonly [number, number, number, number];
    }
  | { readonly ok: false; readonly kind: SvgProblemKind; readonly reason: string };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** SVG elements svg-to-pdfkit draws faithfully, and the containers and resources around them. */
const DRAWN = new Set([
  'svg',
  'g',
  'defs',
  'use',
  'symbol',
  'title',
  'desc',
  'metadata',
  'style',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
]);
/** Elements that put something on the page; a logo without one is empty. */
const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'use']);

/** Elements refused in any namespace: they run code or embed another document. */
const UNSAFE_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'it contains a <script> element (a logo must not run code)',
  foreignObject: 'it contains a <foreignObject> element (HTML or another document inside the SVG)',
  iframe: 'it contains an <iframe> element',
};

const TEXT_FIX = 'convert the text to paths (Inkscape: Path > Object to Path; Illustrator: Type > Create Outlines; Figma: Outline stroke / Flatten)';
/** SVG elements svg-to-pdfkit would skip or draw differently from a browser, with the fix. */
const UNSUPPORTED_ELEMENTS: Readonly<Record<string, string>> = {
  text: `it contains text (<text>), which would print in a font the PDF does not embed; ${TEXT_FIX}`,
  tspan: `it contains text (<tspan>); ${TEXT_FIX}`,
  textPath: `it contains text (<textPath>); ${TEXT_FIX}`,
  image: 'it contains an embedded image (<image>); export the logo as a PNG, or as an SVG of vector shapes only',
  filter: 'it uses a filter effect (<filter>: a shadow, blur or glow), which cannot be drawn in a PDF; remove the effect',
  pattern: 'it uses a pattern fill (<pattern>); replace it with a plain or gradient fill',
  a: 'it contains a link (<a>), which would be an untagged link on the printed page; remove the link',
  animate: 'it is animated (<animate>); export a still logo',
  animateTransform: 'it is animated (<animateTransform>); export a still logo',
  animateMotion: 'it is animated (<animateMotion>); export a still logo',
  set: 'it is animated (<set>); export a still logo',
  switch: 'it uses <switch>, which picks content by viewer features; export a plain SVG',
};

/** CSS px per unit (CSS: 96 px per inch), for width/height given in units. */
const PX_PER_UNIT: Readonly<Record<string, number>> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

/**
 * Check an SVG file's text and read its size (viewBox, else width and height). The first problem found is
 * returned; an unsafe construct wins over everything else, so a hostile file is named as such.
 */
export function checkSvg(text: string): SvgCheck {
  const problems: { kind: SvgProblemKind; reason: string }[] = [];
  const refuse = (kind: SvgProblemKind, reason: string) => problems.push({ kind, reason });
  let damage: string | undefined;
  let root: SaxesTagNS | undefined;
  let shapes = 0;
  /** Depth inside <metadata> or a foreign-namespace element: their content is not drawn and not checked further. */
  let inert = 0;
  let inStyle = false;
  let styleText = '';
  const stack: boolean[] = [];

  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (e) => {
    damage ??= e.message;
  });
  parser.on('doctype', (doctype) => {
    if (doctype.includes('['))
      refuse('unsafe', 'it declares entities (a DOCTYPE with an internal subset), which can expand without limit; export the SVG again without a DOCTYPE');
  });
  parser.on('processinginstruction', (pi) => {
    if (pi.target === 'xml-stylesheet') refuse('unsafe', 'it links an external style sheet (<?xml-stylesheet?>)');
  });
  parser.on('opentag', (tag) => {
    root ??= tag;
    const local = tag.local;
    if (local in UNSAFE_ELEMENTS) refuse('unsafe', UNSAFE_ELEMENTS[local]!);
    for (const attr of Object.values(tag.attributes)) checkAttribute(attr, inert > 0, refuse);
    // svg-to-pdfkit reads elements by their written name: only unprefixed SVG (or no-namespace) elements are drawn.
    const drawn = tag.prefix === '' && (tag.uri === SVG_NS || tag.uri === '');
    const becomesInert = inert > 0 || !drawn || local === 'metadata';
    if (inert === 0 && tag.prefix !== '' && tag.uri === SVG_NS)
      refuse('unsupported', `its element <${tag.name}> has a namespace prefix, which the drawer does not read; export a plain SVG`);
    stack.push(becomesInert);
    if (becomesInert) {
      inert += 1;
      return;
    }
    if (local in UNSUPPORTED_ELEMENTS) refuse('unsupported', UNSUPPORTED_ELEMENTS[local]!);
    else if (!DRAWN.has(local)) refuse('unsupported', `it contains <${local}>, which cannot be drawn in the PDF`);
    if (SHAPES.has(local)) shapes += 1;
    if (local === 'style') inStyle = true;
  });
  parser.on('closetag', () => {
    if (stack.pop()) inert -= 1;
    inStyle = false;
  });
  const onText = (t: string) => {
    if (inStyle) styleText += `${t}\n`;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text.replace(/^\uFEFF/u, '')).close();
  } catch (e) {
    damage ??= (e as Error).message;
  }

  const unsafe = problems.find((p) => p.kind === 'unsafe');
  if (unsafe) return { ok: false, ...unsafe };
  if (damage !== undefined) return { ok: false, kind: 'damaged', reason: `the SVG is not well-formed XML (${damage}); the file may be cut short or damaged` };
  const css = styleSheetProblem(styleText);
  if (css) {
    if (css.kind === 'unsafe') return { ok: false, ...css };
    problems.push(css);
  }
  if (!root || root.local !== 'svg') return { ok: false, kind: 'unsupported', reason: 'no <svg> element' };
  if (problems[0]) return { ok: false, ...problems[0] };
  const viewBox = readViewBox(root.attributes);
  if (!viewBox) return { ok: false, kind: 'unsupported', reason: 'the <svg> element has no usable viewBox or width/height' };
  if (shapes === 0) return { ok: false, kind: 'unsupported', reason: 'no shapes found' };
  return { ok: true, viewBox };
}

/** url(…) references in attribute values and CSS. */
const URL_REF = /url\(\s*(['"]?)(.*?)\1\s*\)/giu;

/** A reference inside the file itself: same-document (#id) or inline data (a data: URI). */
const selfContained = (ref: string) => /^(#|data:)/iu.test(ref.trim());

function externalUrl(value: string): string | undefined {
  for (const m of value.matchAll(URL_REF)) if (!selfContained(m[2]!)) return m[2]!.trim();
  return undefined;
}

function checkAttribute(attr: SaxesAttributeNS, inert: boolean, refuse: (kind: SvgProblemKind, reason: string) => void): void {
  const name = attr.local.toLowerCase();
  // Event handlers are code whatever element carries them.
  if (name.startsWith('on')) refuse('unsafe', `it has an event handler (${attr.name}="…"), which is code a logo must not carry`);
  if (inert) return;
  if (name === 'href' && !selfContained(attr.value))
    refuse('unsafe', `it refers to another file (${attr.name}="${clip(attr.value)}"); a logo must be self-contained`);
  const url = externalUrl(attr.value);
  if (url !== undefined) refuse('unsafe', `it refers to another file (url(${clip(url)}) in ${attr.name}); a logo must be self-contained`);
  if (name === 'filter' && attr.value.trim() !== 'none') refuse('unsupported', UNSUPPORTED_ELEMENTS.filter!);
  if (name === 'style' && /(^|;)\s*filter\s*:\s*(?!none\b)/iu.test(attr.value)) refuse('unsupported', UNSUPPORTED_ELEMENTS.filter!);
}

/**
 * The first problem with the text of the file's <style> elements: imports and external url()s are unsafe; at-rules
 * and selectors svg-to-pdfkit does not read (it reads `tag`, `.class`, `#id` and their combinations, comma-separated)
 * would be skipped, leaving shapes in the wrong colour, so they are unsupported.
 */
function styleSheetProblem(css: string): { kind: SvgProblemKind; reason: string } | undefined {
  if (!css.trim()) return undefined;
  if (/@import/iu.test(css)) return { kind: 'unsafe', reason: 'its style sheet imports another file (@import)' };
  const url = externalUrl(css);
  if (url !== undefined) return { kind: 'unsafe', reason: `its style sheet refers to another file (url(${clip(url)}))` };
  const unreadable = (what: string) => ({
    kind: 'unsupported' as const,
    reason: `its <style> has CSS the drawer cannot read (${clip(what)}); export with presentation attributes or simple class styles`,
  });
  // The same rule grammar svg-to-pdfkit uses (parseStyleSheet): `selectors { declarations }` one after another.
  let rest = css.trim();
  for (let m; (m = /^\s*([^{}]*?)\s*\{([^{}]*?)\}/u.exec(rest)); rest = rest.slice(m[0].length)) {
    for (const selector of m[1]!.split(/\s*,\s*/u)) {
      if (!/^(\*|[_A-Za-z0-9-]+)?([.#][_A-Za-z0-9-]+)*$/u.test(selector) || selector === '') return unreadable(selector || m[0]);
    }
    if (/(^|;)\s*filter\s*:\s*(?!none\b)/iu.test(m[2]!)) return { kind: 'unsupported', reason: UNSUPPORTED_ELEMENTS.filter! };
  }
  return rest.trim() ? unreadable(rest.trim()) : undefined;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function readViewBox(attrs: Record<string, SaxesAttributeNS>): [number, number, number, number] | undefined {
  const value = (name: string) => Object.values(attrs).find((a) => a.local === name && a.prefix === '')?.value;
  const nums = (value('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/u)
    .map(Number);
  if (nums.length === 4 && nums.every(Number.isFinite) && nums[2]! > 0 && nums[3]! > 0) return nums as [number, number, number, number];
  const w = length(value('width'));
  const h = length(value('height'));
  return w !== undefined && h !== undefined ? [0, 0, w, h] : undefined;
}

/** A width or height in CSS px, or undefined when missing, relative (%, em) or not positive. */
function length(v: string | undefined): number | undefined {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*([a-z]*)\s*$/iu.exec(v ?? '');
  const perUnit = m ? PX_PER_UNIT[m[2]!.toLowerCase()] : undefined;
  if (!m || perUnit === undefined) return undefined;
  const px = Number(m[1]) * perUnit;
  return px > 0 ? px : undefined;
}
