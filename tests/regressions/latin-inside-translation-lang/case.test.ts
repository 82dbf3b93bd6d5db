/**
 * Regression: inside a line only the line itself carried /Lang, so a screen reader read the organisation name
 * and "Home Office" inside the shipped Arabic leaflet with the Arabic voice. Interpolated settings now keep the
 * source language (Inline.lang → StyledSpan.lang), Latin text inside Arabic is marked by the rule in
 * text/span-language.ts, and the PDF writer nests /Span <</Lang (en)>> around those runs.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { localize } from '../../../src/i18n/localize.ts';
import type { Frame } from '../../../src/layout/frame.ts';
import { materials } from '../../../src/materials/index.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import type { Line } from '../../../src/text/types.ts';
import { pages, readObjects, refOf } from '../../unit/render/pdf-read.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const content = loadContent(CONTENT).content as ContentDoc;

/** Every line drawn in a frame (groups included). */
function linesOf(frame: Frame): Line[] {
  return frame.items.flatMap(({ item }) => (item.kind === 'line' ? [item.line] : item.kind === 'group' ? linesOf(item.frame) : []));
}

/** Nested spans the writer should open on a line: one per stretch of neighbouring drawn runs in one other language. */
function spanGroups(line: Line): number {
  let open: string | undefined;
  let n = 0;
  for (const r of line.runs.filter((x) => x.glyphs.length > 0)) {
    if (r.spanLang !== open && r.spanLang !== undefined) n++;
    open = r.spanLang;
  }
  return n;
}

/**
 * The marked-content sequences with /Lang (en) that start a stretch: not right after another /Lang (en) sequence
 * at the same nesting depth in the same text object. A line's edge glyph that reports poppler's size
 * (render/poppler-blocks.ts) is a sequence of its own, so a stretch can be several sequences in a row.
 */
function englishStretches(content: string): string[] {
  const out: string[] = [];
  const open: boolean[] = [];
  let previous: boolean[] = [];
  for (const [token, dict] of content.matchAll(/\bBT\b|\bET\b|\/Span <<\n?([\s\S]*?)>> BDC|\/\w+ BMC|\bEMC\b/g)) {
    if (token === 'BT' || token === 'ET') previous = [];
    else if (token === 'EMC') previous[open.length - 1] = open.pop() ?? false;
    else {
      const english = dict !== undefined && /\/Lang \(en\)/.test(dict);
      if (english && previous[open.length] !== true) out.push(token);
      previous.length = open.length + 1;
      open.push(english);
    }
  }
  return out;
}

describe('regression: latin-inside-translation-lang', () => {
  const edition = content.editions.find((e) => e.name === 'example-local')!;
  const doc = localize(content, edition, 'ar').doc;
  const leaflet = materials.leaflet(doc, { keys: content.project.materials, contentRoot: content.root });
  const home = leaflet.outputs.find((o) => o.kind !== 'press') ?? leaflet.outputs[0]!;
  const lines = home.doc.pages.flatMap((p) => linesOf(p.frame));
  const runs = lines.flatMap((l) => l.runs);

  it('the Arabic leaflet marks the organisation name and "Home Office" as English, and nothing Arabic', () => {
    const marked = runs.filter((r) => r.spanLang !== undefined);
    expect(new Set(marked.map((r) => r.spanLang))).toEqual(new Set(['en']));
    const text = marked.map((r) => r.text).join('|');
    expect(text).toContain(doc.settings.organisation);
    expect(text).toContain('Home Office');
    expect(marked.every((r) => r.script === 'Latn')).toBe(true);
    // Shaping is untouched: the Latin runs are still shaped as part of the Arabic paragraph, except the
    // interpolated values, which carry their language from the markup (shaped in Noto Sans either way).
    expect(marked.every((r) => r.face.id.startsWith('noto-sans-'))).toBe(true);
    expect(runs.filter((r) => r.script === 'Arab').every((r) => r.spanLang === undefined)).toBe(true);
  });

  it('the PDF marks the English runs inside the Arabic lines with /Span /Lang (en)', async () => {
    const pdf = await renderPdf(home.doc);
    const objs = readObjects(pdf);
    const inner = pages(objs)
      .map((p) => objs.get(refOf(p.body, 'Contents')!)!.stream!.toString('latin1'))
      // A sequence of its own in an RTL line's element (with /MCID, render/structure.ts), nested elsewhere.
      .flatMap(englishStretches);
    const expected = lines.reduce((n, l) => n + spanGroups(l), 0);
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(inner.length).toBe(expected);
  });
});
