/**
 * Regression: the leaflet set each heading and its body in separate layout calls, so the body's first row
 * did not know it followed a heading and a section heading could end a page alone. Sweeps the intro length
 * so every heading meets a page end at least once.
 */
import { describe, expect, it } from 'vitest';
import { buildLeaflet } from '../../../src/materials/leaflet.ts';
import { fakeSetText, KEYS, makeDoc, nodesById, textLines } from '../../unit/materials/helpers.ts';

describe('regression: leaflet headings keep with the next line', () => {
  it('no page ends with a heading, for 40 different intro lengths', () => {
    let headingAtPageTop = 0;
    for (let extra = 0; extra < 40; extra += 1) {
      const intro = `${'Officers may come at any time. '.repeat(extra)}End.`;
      const doc = buildLeaflet(makeDoc('en', { overrides: { 'leaflet.intro': intro } }), { keys: KEYS }, fakeSetText).outputs[0]!.doc;
      const ids = nodesById(doc.structure);
      for (const page of doc.pages) {
        const tagged = textLines(page.frame).filter((l) => l.item.tag !== undefined);
        const last = ids.get(tagged[tagged.length - 1]!.item.tag!)!;
        expect(last.role, `intro +${extra} sentences`).not.toBe('H2');
        if (ids.get(tagged[0]!.item.tag!)!.role === 'H2') headingAtPageTop += 1;
      }
    }
    // The sweep did push headings over page breaks (otherwise it proves nothing).
    expect(headingAtPageTop).toBeGreaterThan(0);
  });
});
