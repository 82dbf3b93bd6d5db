import { SaxesParser } from 'saxes';
import type { Color } from './frame.ts';

/**
 * Simple SVG logos as vector paths. An organisation logo is usually a few filled paths; drawing them as PDF paths
 * keeps them sharp, small and (in press files) in CMYK. Anything beyond plain shapes — transforms, gradients,
 * text, clip paths, <use>, embedded images, CSS — is reported as unsupported rather than drawn wrongly.
 */

export interface SvgShape {
  /** SVG path data in the SVG's user space (viewBox units). */
  readonly d: string;
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly strokeWidth?: number;
  /** PDF line cap (J): 0 butt, 1 round, 2 square. */
  readonly lineCap?: 0 | 1 | 2;
  /** PDF line join (j): 0 miter, 1 round, 2 bevel. */
  readonly lineJoin?: 0 | 1 | 2;
}

export type SvgParse =
  | { readonly ok: true; readonly viewBox: readonly [number, number, number, number]; readonly shapes: readonly SvgShape[] }
  | { readonly ok: false; readonly reason: string; /** The text is not well-formed XML (truncated or corrupt), as opposed to using features we do not draw. */ readonly damaged?: true };

/** Elements we can draw as they are, plus the harmless wrappers around them. */
const SHAPES = new Set(['path', 'rect', 'circle', 'polygon']);
const WRAPPERS = new Set(['svg', 'g', 'title', 'desc', 'metadata']);

/**
 * Parse an SVG file's text into paths, or say why it cannot be drawn. The whole text must be well-formed XML
 * first: the shape scan below reads tags one by one and would silently draw the part of a truncated file that
 * survived (a logo without its letters).
 */
export function parseSimpleSvg(text: string): SvgParse {
  const xmlProblem = wellFormedProblem(text);
  if (xmlProblem) return { ok: false, reason: `the SVG is not well-formed XML (${xmlProblem}); the file may be cut short or damaged`, damaged: true };
  const body = text.replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[\s\S]*?>/gi, '');
  const svg = /<svg\b([^>]*)>/i.exec(body);
  if (!svg) return { ok: false, reason: 'no <svg> element' };
  const svgAttrs = attributes(svg[1]!);
  const viewBox = parseViewBox(svgAttrs);
  if (!viewBox) return { ok: false, reason: 'the <svg> element has no usable viewBox or width/height' };

  const shapes: SvgShape[] = [];
  // Strip text inside <title>/<desc>/<metadata> so it is not mistaken for markup.
  const markup = body.replace(/<(title|desc|metadata)\b[\s\S]*?<\/\1>/gi, '');
  // Presentation attributes inherited from enclosing <svg>/<g> elements (SVG's cascade without CSS).
  const inherited: Record<string, string>[] = [pick(svgAttrs)];
  for (const m of markup.matchAll(/<(\/?)([A-Za-z][\w:-]*)\b([^>]*?)(\/?)>/g)) {
    const [, closing, rawName, rawAttrs, selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (closing) {
      if (name === 'g') inherited.pop();
      continue;
    }
    const own = attributes(rawAttrs!);
    if (WRAPPERS.has(name)) {
      if (own.transform || own.style || own['clip-path'] || own.mask || own.filter || own.opacity) {
        return { ok: false, reason: `<${name}> uses transform/style/clip-path/mask/filter/opacity` };
      }
      if (name === 'g' && !selfClosing) inherited.push({ ...inherited[inherited.length - 1], ...pick(own) });
      continue;
    }
    if (!SHAPES.has(name)) return { ok: false, reason: `<${name}> is not a plain shape` };
    if (own.transform || own.style || own.class || own['clip-path'] || own.opacity || own['fill-opacity'] || own['stroke-opacity']) {
      return { ok: false, reason: `<${name}> uses transform/style/class/clip-path/opacity` };
    }
    const attrs = { ...inherited[inherited.length - 1], ...own };
    const d = shapePath(name, attrs);
    if (!d) return { ok: false, reason: `<${name}> has missing or unreadable geometry` };
    const fill = attrs.fill === undefined ? BLACK : parseColor(attrs.fill);
    const stroke = attrs.stroke === undefined ? 'none' : parseColor(attrs.stroke);
    if (fill === undefined || stroke === undefined) return { ok: false, reason: `<${name}> has a colour that is not #rgb, #rrggbb or none` };
    const strokeWidth = attrs['stroke-width'] === undefined ? undefined : Number(attrs['stroke-width']);
    if (strokeWidth !== undefined && !Number.isFinite(strokeWidth)) return { ok: false, reason: `<${name}> stroke-width is not a number` };
    const lineCap = attrs['stroke-linecap'];
    const lineJoin = attrs['stroke-linejoin'];
    if ((lineCap && !(lineCap in LINE_CAPS)) || (lineJoin && !(lineJoin in LINE_JOINS))) {
      return { ok: false, reason: `<${name}> has an unknown stroke-linecap or stroke-linejoin` };
    }
    shapes.push({
      d,
      ...(fill !== 'none' ? { fill } : {}),
      ...(stroke !== 'none' ? { stroke } : {}),
      ...(strokeWidth !== undefined ? { strokeWidth } : {}),
      ...(lineCap ? { lineCap: LINE_CAPS[lineCap]! } : {}),
      ...(lineJoin ? { lineJoin: LINE_JOINS[lineJoin]! } : {}),
    });
  }
  if (shapes.length === 0) return { ok: false, reason: 'no shapes found' };
  return { ok: true, viewBox, shapes };
}

/** SVG stroke-linecap / stroke-linejoin → PDF J / j operands. */
const LINE_CAPS: Record<string, 0 | 1 | 2> = { butt: 0, round: 1, square: 2 };
const LINE_JOINS: Record<string, 0 | 1 | 2> = { miter: 0, round: 1, bevel: 2 };

/** The presentation attributes a <g> or <svg> passes down to its shapes. */
const INHERITED = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin'];
function pick(a: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(a).filter(([k]) => INHERITED.includes(k)));
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]!] = m[3] ?? m[4] ?? '';
  return out;
}

function parseViewBox(a: Record<string, string>): [number, number, number, number] | undefined {
  const nums = (a.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (nums.length === 4 && nums.every(Number.isFinite) && nums[2]! > 0 && nums[3]! > 0) return nums as [number, number, number, number];
  const w = parseFloat(a.width ?? '');
  const h = parseFloat(a.height ?? '');
  return w > 0 && h > 0 ? [0, 0, w, h] : undefined;
}

function shapePath(name: string, a: Record<string, string>): string | undefined {
  const n = (k: string, dflt?: number) => (a[k] === undefined ? dflt : Number(a[k]));
  if (name === 'path') return a.d?.trim() ? a.d : undefined;
  if (name === 'rect') {
    const [x, y, w, h] = [n('x', 0), n('y', 0), n('width'), n('height')];
    if (a.rx || a.ry) return undefined; // rounded SVG rects: not needed for logos so far
    return [x, y, w, h].every((v) => v !== undefined && Number.isFinite(v)) ? `M${x} ${y}h${w}v${h}h${-w!}Z` : undefined;
  }
  if (name === 'circle') {
    const [cx, cy, r] = [n('cx', 0), n('cy', 0), n('r')];
    if (![cx, cy, r].every((v) => v !== undefined && Number.isFinite(v)) || r! <= 0) return undefined;
    return `M${cx! - r!} ${cy}a${r} ${r} 0 1 0 ${2 * r!} 0a${r} ${r} 0 1 0 ${-2 * r!} 0Z`;
  }
  if (name === 'polygon') {
    const pts = (a.points ?? '').trim().split(/[\s,]+/).map(Number);
    if (pts.length < 6 || pts.length % 2 || !pts.every(Number.isFinite)) return undefined;
    return `M${pts.join(' ')}Z`;
  }
  return undefined;
}

const BLACK: Color = { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] };

/**
 * #rgb / #rrggbb / none / black / white. The CMYK form is the naive conversion (K = 1 − max(R,G,B)); black
 * becomes pure K. A press job that needs exact brand CMYK values should give the logo as a PathItem with Colors.
 */
export function parseColor(v: string): Color | 'none' | undefined {
  const s = v.trim().toLowerCase();
  if (s === 'none') return 'none';
  if (s === 'black') return BLACK;
  if (s === 'white') return { rgb: [255, 255, 255], cmyk: [0, 0, 0, 0] };
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const [r, g, b] = rgb.map((c) => c / 255) as [number, number, number];
  const k = 1 - Math.max(r, g, b);
  const cmy = k >= 1 ? [0, 0, 0] : [r, g, b].map((c) => (1 - c - k) / (1 - k));
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return { rgb, cmyk: [pct(cmy[0]!), pct(cmy[1]!), pct(cmy[2]!), pct(k)] };
}

/** Why `text` is not a well-formed XML document (line:column and the XML parser's message), or undefined. */
function wellFormedProblem(text: string): string | undefined {
  let problem: string | undefined;
  const parser = new SaxesParser({ position: true });
  parser.on('error', (e) => {
    problem ??= e.message;
  });
  try {
    parser.write(text.replace(/^\uFEFF/u, '')).close();
  } catch (e) {
    problem ??= (e as Error).message;
  }
  return problem;
}
