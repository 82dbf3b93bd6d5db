import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseColor, parseSimpleSvg } from '../../../src/content/svg.ts';

describe('parseSimpleSvg', () => {
  it('reads shapes with colours and stroke styles inherited from <g> (nested groups override)', () => {
    const svg = parseSimpleSvg(readFileSync(new URL('../../fixtures/render/ring-logo.svg', import.meta.url), 'utf8'));
    if (!svg.ok) throw new Error(svg.reason);
    expect(svg.viewBox).toEqual([0, 0, 120, 120]);
    expect(svg.shapes).toHaveLength(4);
    const [ring, e, a, bar] = svg.shapes;
    expect(ring).toMatchObject({ fill: { rgb: [255, 255, 255] }, stroke: { rgb: [29, 92, 77] }, strokeWidth: 8 });
    expect(e).toMatchObject({ d: 'M 44 44 H 30 V 76 H 44', stroke: { rgb: [255, 255, 255] }, strokeWidth: 6, lineCap: 1, lineJoin: 1 });
    expect(e!.fill).toBeUndefined(); // fill="none" inherited
    expect(a).toMatchObject({ stroke: { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] }, strokeWidth: 6 });
    // After </g></g> nothing is inherited: SVG default fill black, no stroke.
    expect(bar).toMatchObject({ d: 'M0 110h120v10h-120Z', fill: { rgb: [0, 0, 0] } });
    expect(bar!.stroke).toBeUndefined();
  });

  it.each([
    ['<svg viewBox="0 0 10 10"><text>A</text></svg>', /<text> is not a plain shape/],
    ['<svg viewBox="0 0 10 10"><g transform="scale(2)"><path d="M0 0h1"/></g></svg>', /transform/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1" fill="url(#g)"/></svg>', /colour/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1" style="fill:red"/></svg>', /style/],
    ['<svg viewBox="0 0 10 10"><image href="x.png"/></svg>', /<image>/],
    ['<svg><path d="M0 0h1"/></svg>', /viewBox/],
    ['<svg viewBox="0 0 10 10"></svg>', /no shapes/],
  ])('refuses what it cannot draw faithfully: %s', (text, reason) => {
    const svg = parseSimpleSvg(text);
    expect(svg.ok).toBe(false);
    if (!svg.ok) expect(svg.reason).toMatch(reason);
  });

  it('converts #rgb/#rrggbb to RGB and a naive CMYK (black → pure K)', () => {
    expect(parseColor('#000')).toEqual({ rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] });
    expect(parseColor('#ffffff')).toEqual({ rgb: [255, 255, 255], cmyk: [0, 0, 0, 0] });
    expect(parseColor('#ff0000')).toEqual({ rgb: [255, 0, 0], cmyk: [0, 100, 100, 0] });
    expect(parseColor('none')).toBe('none');
    expect(parseColor('red')).toBeUndefined();
  });
});
