/**
 * Issue #15, "work once": an in-process build loads the content folder once, localises each (edition, language)
 * once however many jobs and sheets use it, decodes the edition logo once to check it (not again per job or per
 * drawn copy), and computes each card sheet's grid once. Counted with vi.spyOn on the modules that do the work.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../../src/build/build.ts';
import * as contentLoad from '../../../src/content/load.ts';
import * as localizeModule from '../../../src/i18n/localize.ts';
import * as svg from '../../../src/content/svg.ts';
import * as cardSheet from '../../../src/materials/card-sheet.ts';
import * as grid from '../../../src/print/grid-cells.ts';
import { copyFixture } from '../cli/helpers.ts';

describe('a build does each piece of work once', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('content loaded once, each language localised once, the logo decoded once, each sheet grid computed once', async () => {
    const load = vi.spyOn(contentLoad, 'loadContent');
    const localize = vi.spyOn(localizeModule, 'localize');
    const parseSvg = vi.spyOn(svg, 'checkSvg');
    const cells = vi.spyOn(grid, 'gridCells');
    const sheets = vi.spyOn(cardSheet, 'cardSheets');
    const { dir, content } = copyFixture('content-basic');
    const summary = await build({
      contentDir: content,
      outDir: join(dir, 'output'),
      // Edition `local` has the SVG logo (assets/logo.svg); card, leaflet and poster of two languages plus the
      // mixed sheet: six jobs that each place the logo, ten copies of it on every card sheet page.
      selection: { editions: ['local'], langs: ['en', 'pl'], outputs: ['card-sheet-a4', 'leaflet', 'poster', 'card-sheet-mixed-a4'] },
      context: { standard: 'none', materialOptions: {} },
      parallel: 1,
      force: true,
    });
    expect(summary.internalErrors).toEqual([]);
    expect(summary.jobs.failed).toBe(0);
    const files = summary.outputs.map((o) => o.file).sort();
    expect(files).toContain('local/pl/card-sheet-a4.pdf');
    expect(files).toContain('local/card-sheet-mixed-a4.pdf');

    expect(load).toHaveBeenCalledTimes(1);

    const pairs = localize.mock.calls.map(([, edition, lang]) => `${edition.name}/${lang}`);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs).toEqual([...new Set(pairs)]);

    // Once when the content is checked, and at most once more in the PDF writer (which keeps its check per logo's bytes);
    // before, every job decoded the file again.
    expect(parseSvg.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(parseSvg.mock.calls.length).toBeLessThanOrEqual(2);

    // One grid per card sheet document laid out (A4 and Letter of each card job and of the mixed sheet), not one
    // more for every sheet pair it imposes.
    expect(sheets.mock.calls.length).toBeGreaterThan(0);
    expect(cells).toHaveBeenCalledTimes(sheets.mock.calls.length);
  });
});
