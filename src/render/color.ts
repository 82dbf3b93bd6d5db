import type { Color } from '../layout/frame.ts';
import { num } from './number.ts';

/**
 * Colour operators, written directly so that a press file (colorMode 'cmyk') contains only DeviceCMYK operators
 * (`k`/`K`) and a home file only DeviceRGB ones (`rg`/`RG`). Layout gives both forms of every colour; text black
 * is 0/0/0/100 in its `cmyk` form, so press text is pure K as printers ask.
 */

/** Fill colour operator for `color` in the document's colour mode. */
export function fillColorOp(color: Color, cmyk: boolean): string {
  return cmyk ? `${cmykNumbers(color)} k` : `${rgbNumbers(color)} rg`;
}

/** Stroke colour operator for `color` in the document's colour mode. */
export function strokeColorOp(color: Color, cmyk: boolean): string {
  return cmyk ? `${cmykNumbers(color)} K` : `${rgbNumbers(color)} RG`;
}

function rgbNumbers(color: Color): string {
  return color.rgb.map((v) => num(clamp(v, 255) / 255)).join(' ');
}

function cmykNumbers(color: Color): string {
  return color.cmyk.map((v) => num(clamp(v, 100) / 100)).join(' ');
}

function clamp(v: number, max: number): number {
  return Math.min(max, Math.max(0, v));
}

/**
 * The naive CMYK form of an sRGB colour (0–255 → 0–100 %, one decimal): K = 1 − max(R, G, B), so black becomes
 * pure K and white no ink. For colours that arrive as RGB only (SVG logos); a press job that needs exact brand
 * CMYK values gives them in the layout's Color, not through an SVG.
 */
export function naiveCmyk(rgb: readonly [number, number, number]): [number, number, number, number] {
  const [r, g, b] = rgb.map((c) => clamp(c, 255) / 255) as [number, number, number];
  const k = 1 - Math.max(r, g, b);
  const cmy = k >= 1 ? [0, 0, 0] : [r, g, b].map((c) => (1 - c - k) / (1 - k));
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return [pct(cmy[0]!), pct(cmy[1]!), pct(cmy[2]!), pct(k)];
}
