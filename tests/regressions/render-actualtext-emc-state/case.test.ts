/**
 * Regression: poppler places a line's /ActualText using the graphics state at the closing EMC (CTM, font, text
 * matrix). The first writer closed the marked content after `Q`, with the text flipped by a `cm` inside: pdftotext
 * then saw zero-size, upside-down lines and printed the page bottom-up; a variant with the y-flip in `cm` put the
 * words at mirrored heights. The writer now closes the marked content inside the text object. This checks word
 * boxes and reading order for lines on the page and in translated groups, skipping when poppler is absent.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DocumentSpec, Positioned } from '../../../src/layout/frame.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { BLACK, hasTool, setLines, simpleDoc, tempPdf } from '../../unit/render/helpers.ts';

const ready = hasTool('pdftotext');
if (!ready) console.warn('render-actualtext-emc-state skipped: pdftotext (poppler-utils) not installed');

describe('regression: ActualText lands where the glyphs are', () => {
  it.skipIf(!ready)('word boxes match the drawn lines, in and out of groups; reading order top to bottom', async () => {
    const line = (text: string, lang = 'en') => setLines(text, lang, 12, 400)[0]!;
    const a = line('First line at the top');
    const b = line('Second line in a group');
    const c = line('Third line in a clipped group');
    const d = line('आपको चुप रहने का अधिकार है।', 'hi');
    const at = (x: number, y: number, l: typeof a, tag: string): Positioned => ({ x, y, item: { kind: 'line', line: l, color: BLACK, tag } });
    const base = simpleDoc([]);
    const spec: DocumentSpec = {
      ...base,
      structure: { id: 'doc', role: 'Document', children: ['a', 'b', 'c', 'd'].map((id) => ({ id, role: 'P', children: [] })) },
      pages: [
        {
          width: 400,
          height: 400,
          frame: {
            width: 400,
            height: 400,
            items: [
              at(20, 40, a, 'a'),
              { x: 30, y: 100, item: { kind: 'group', frame: { width: 300, height: 50, items: [at(10, 30, b, 'b')] } } },
              // Baseline (10, 60) of a clipped 300×100 frame at (50, 200) → page (60, 260).
              { x: 50, y: 200, item: { kind: 'group', clip: true, frame: { width: 300, height: 100, items: [at(10, 60, c, 'c')] } } },
              at(20, 360, d, 'd'),
            ],
          },
        },
      ],
    };
    const path = tempPdf(await renderPdf(spec));
    const html = spawnSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' }).stdout;
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: m[5]!,
    }));
    // Reading order top to bottom (the broken writer printed the page bottom-up).
    expect(words.map((w) => w.text)).toEqual([a.text, b.text, c.text, d.text]);
    const box = (text: string) => words.find((w) => w.text === text)!;
    const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(1);
    // Upright lines: left edge = x, right edge = x + width, the baseline inside the box.
    for (const [l, x, y] of [
      [a, 20, 40],
      [b, 40, 130],
      [c, 60, 260],
      [d, 20, 360],
    ] as const) {
      const w = box(l.text);
      near(w.x0, x);
      near(w.x1, x + l.width);
      expect(w.y0).toBeLessThan(y);
      expect(w.y1).toBeGreaterThanOrEqual(y - 1);
      expect(w.y1 - w.y0).toBeGreaterThan(8); // a real line height, not a zero-size box
    }
  });
});
