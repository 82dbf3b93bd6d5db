import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSvg } from '../../../src/content/svg.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('checkSvg: accepts what design tools export, reads the size', () => {
  it.each([
    ['logos/inkscape.svg', [0, 0, 64, 32]], // width/height in mm, viewBox in mm: the viewBox wins
    ['logos/illustrator.svg', [0, 0, 240, 120]],
    ['logos/figma.svg', [0, 0, 160, 160]],
    ['render/ring-logo.svg', [0, 0, 120, 120]],
  ])('%s', (path, viewBox) => {
    expect(checkSvg(fixture(path))).toEqual({ ok: true, viewBox });
  });

  it('an external DOCTYPE (older Illustrator exports) is accepted: nothing fetches it; an internal subset is not', () => {
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n';
    expect(checkSvg(`${doctype}<svg viewBox="0 0 10 10"><path d="M0 0h1"/></svg>`)).toEqual({ ok: true, viewBox: [0, 0, 10, 10] });
  });

  it("without a viewBox, width and height in any absolute unit are read as CSS px (the drawer's user units)", () => {
    expect(checkSvg('<svg width="96" height="48px"><path d="M0 0h1"/></svg>')).toEqual({ ok: true, viewBox: [0, 0, 96, 48] });
    expect(checkSvg('<svg width="1in" height="72pt"><path d="M0 0h1"/></svg>')).toEqual({ ok: true, viewBox: [0, 0, 96, 96] });
    expect(checkSvg('<svg width="100%" height="50%"><path d="M0 0h1"/></svg>')).toMatchObject({
      ok: false,
      kind: 'unsupported',
      reason: expect.stringMatching(/viewBox/),
    });
  });
});

describe('checkSvg: refuses what would run code or read other files (unsafe)', () => {
  it.each([
    ['<svg viewBox="0 0 10 10"><script>alert(1)</script><path d="M0 0h1"/></svg>', /<script>/],
    ['<svg viewBox="0 0 10 10" onload="alert(1)"><path d="M0 0h1"/></svg>', /event handler \(onload/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1" onclick="x()"/></svg>', /event handler/],
    ['<svg viewBox="0 0 10 10" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="other.svg#a"/></svg>', /another file \(xlink:href="other\.svg#a"\)/],
    ['<svg viewBox="0 0 10 10"><use href="file:///etc/passwd"/></svg>', /another file/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1" fill="url(https://example.org/g.svg#g)"/></svg>', /url\(https/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1" style="fill:url(\'x.svg#g\')"/></svg>', /url\(x\.svg#g\) in style/],
    ['<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol">]><svg viewBox="0 0 10 10"><path d="M0 0h1"/></svg>', /declares entities/],
    ['<svg viewBox="0 0 10 10"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><path d="M0 0h1"/></svg>', /<foreignObject>/],
    ['<svg viewBox="0 0 10 10"><style>@import url(x.css);</style><path d="M0 0h1"/></svg>', /@import/],
    ['<svg viewBox="0 0 10 10"><style>.a{fill:url(x.svg#g)}</style><path class="a" d="M0 0h1"/></svg>', /style sheet refers to another file/],
    ['<?xml-stylesheet href="x.css"?><svg viewBox="0 0 10 10"><path d="M0 0h1"/></svg>', /xml-stylesheet/],
    // An unsafe part is named as such even in a file that is also cut short.
    ['<svg viewBox="0 0 10 10"><script>alert(1)</script><path d="M0', /<script>/],
  ])('%s', (text, reason) => {
    const svg = checkSvg(text);
    expect(svg).toMatchObject({ ok: false, kind: 'unsafe' });
    if (!svg.ok) expect(svg.reason).toMatch(reason);
  });
});

describe('checkSvg: refuses what cannot be drawn faithfully (unsupported) and damaged files', () => {
  it.each([
    ['<svg viewBox="0 0 10 10"><text>A</text></svg>', /contains text \(<text>\).*Create Outlines/],
    ['<svg viewBox="0 0 10 10"><image href="data:image/png;base64,AAAA"/></svg>', /embedded image/],
    ['<svg viewBox="0 0 10 10"><filter id="f"/><path d="M0 0h1" filter="url(#f)"/></svg>', /filter effect/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1" style="filter:url(#f)"/></svg>', /filter effect/],
    ['<svg viewBox="0 0 10 10"><pattern id="p"/><path d="M0 0h1" fill="url(#p)"/></svg>', /pattern/],
    ['<svg viewBox="0 0 10 10"><a href="#x"><path d="M0 0h1"/></a></svg>', /link/],
    ['<svg viewBox="0 0 10 10"><path d="M0 0h1"><animate attributeName="x"/></path></svg>', /animated/],
    ['<svg viewBox="0 0 10 10"><style>g .a{fill:red}</style><path class="a" d="M0 0h1"/></svg>', /CSS the drawer cannot read \(g \.a\)/],
    ['<svg viewBox="0 0 10 10"><style>@media print{.a{fill:red}}</style><path class="a" d="M0 0h1"/></svg>', /CSS the drawer cannot read/],
    ['<svg viewBox="0 0 10 10" xmlns:s="http://www.w3.org/2000/svg"><s:path d="M0 0h1"/><path d="M0 0h1"/></svg>', /namespace prefix/],
    ['<svg viewBox="0 0 10 10"><marker id="m"/><path d="M0 0h1"/></svg>', /<marker>/],
    ['<svg><path d="M0 0h1"/></svg>', /viewBox/],
    ['<svg viewBox="0 0 10 10"><g/></svg>', /no shapes/],
    ['<html><path d="M0 0h1"/></html>', /no <svg> element/],
  ])('%s', (text, reason) => {
    const svg = checkSvg(text);
    expect(svg).toMatchObject({ ok: false, kind: 'unsupported' });
    if (!svg.ok) expect(svg.reason).toMatch(reason);
  });

  it('a file cut short is damaged, although its first shapes are complete', () => {
    const svg = checkSvg(fixture('logos/illustrator.svg').slice(0, 1200));
    expect(svg).toMatchObject({ ok: false, kind: 'damaged', reason: expect.stringMatching(/not well-formed XML/) });
  });

  it('ignores what is not drawn: Inkscape/sodipodi elements, RDF metadata and their external-looking URIs', () => {
    const svg = checkSvg(
      '<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:i="http://www.inkscape.org/namespaces/inkscape">' +
        '<metadata><rdf:RDF><rdf:Description rdf:about="https://example.org/" /></rdf:RDF></metadata><i:path-effect effect="spiro"/><path d="M0 0h1"/></svg>',
    );
    expect(svg.ok).toBe(true);
  });
});
