import { describe, expect, it } from 'vitest';
import { fitSize } from '../../../src/layout/fit-size.ts';
import { paginate } from '../../../src/layout/paginate.ts';
import type { Row } from '../../../src/layout/types.ts';

const row = (height: number, keepWithPrevious = false, spaceBefore = 0, label = ''): Row => ({
  height,
  spaceBefore,
  keepWithPrevious,
  items: label ? [{ x: 0, y: 0, item: { kind: 'rect', width: 1, height: 1, tag: label } }] : [],
});
const labels = (pages: Row[][]) => pages.map((p) => p.map((r) => (r.items[0]?.item.kind === 'rect' ? r.items[0].item.tag : '')));

describe('fitSize', () => {
  it('steps down by 0.25 pt and returns the first size that fits', () => {
    const fitted = fitSize({
      attempt: (size) => size * 10,
      fits: (h) => h <= 80,
      steps: { max: 9, min: 6.5, step: 0.25 },
    });
    expect(fitted.fits).toBe(true);
    expect(fitted.size).toBe(8);
    expect(fitted.tried).toEqual([9, 8.75, 8.5, 8.25, 8]);
  });
  it('ends at exactly the minimum and reports failure', () => {
    const fitted = fitSize({
      attempt: (size) => size * 10,
      fits: (h) => h <= 10,
      steps: { max: 9, min: 6.5, step: 0.25 },
    });
    expect(fitted.fits).toBe(false);
    expect(fitted.size).toBe(6.5);
    expect(fitted.result).toBe(65);
    expect(fitted.tried[fitted.tried.length - 1]).toBe(6.5);
    expect(fitted.tried).toHaveLength(11);
  });
  it('far off at the maximum: tries the minimum next and gives up there when it does not fit either', () => {
    const fitted = fitSize({
      attempt: (size) => size * 10,
      fits: (h) => h <= 10,
      steps: { max: 9, min: 6.5, step: 0.25 },
      farOff: (h) => h > 20,
    });
    expect([fitted.fits, fitted.size, fitted.result]).toEqual([false, 6.5, 65]);
    expect(fitted.tried).toEqual([9, 6.5]);
  });
  it('far off but the minimum fits: the scan goes on from the top and reuses the minimum attempt', () => {
    const fitted = fitSize({
      attempt: (size) => size * 10,
      fits: (h) => h <= 80,
      steps: { max: 9, min: 6.5, step: 0.25 },
      farOff: () => true,
    });
    expect([fitted.fits, fitted.size]).toEqual([true, 8]);
    expect(fitted.tried).toEqual([9, 6.5, 8.75, 8.5, 8.25, 8]);
    const atMin = fitSize({
      attempt: (size) => size * 10,
      fits: (h) => h <= 65,
      steps: { max: 9, min: 6.5, step: 0.25 },
      farOff: () => true,
    });
    expect([atMin.size, atMin.fits, atMin.tried.length, atMin.tried.filter((s) => s === 6.5).length]).toEqual([6.5, true, 11, 1]);
  });
  it('farOff never changes the size chosen, for every threshold', () => {
    for (let limit = 60; limit <= 95; limit += 0.5) {
      const plain = fitSize({
        attempt: (size) => size * 10,
        fits: (h) => h <= limit,
        steps: { max: 9, min: 6.5, step: 0.25 },
      });
      const probing = fitSize({
        attempt: (size) => size * 10,
        fits: (h) => h <= limit,
        steps: { max: 9, min: 6.5, step: 0.25 },
        farOff: () => true,
      });
      expect([probing.size, probing.fits]).toEqual([plain.size, plain.fits]);
    }
  });
  it('a minimum that is not a whole number of steps below the maximum is still tried last', () => {
    expect(
      fitSize({
        attempt: (size) => size,
        fits: () => false,
        steps: { max: 9, min: 6.4, step: 0.25 },
      }).tried.slice(-2),
    ).toEqual([6.5, 6.4]);
  });
});

describe('paginate', () => {
  it('breaks at row boundaries when a page is full', () => {
    const rows = [row(40, false, 0, 'a'), row(40, false, 5, 'b'), row(40, false, 5, 'c')];
    expect(labels(paginate(rows, () => 90))).toEqual([['a', 'b'], ['c']]);
  });
  it('never leaves a heading alone at the bottom of a page (keep with next)', () => {
    // body, body, heading (fits), first line of the next paragraph (does not fit) → the heading moves over.
    const rows = [row(30, false, 0, 'p1'), row(30, false, 0, 'p2'), row(20, false, 5, 'h'), row(30, true, 0, 'after-h'), row(30, false, 0, 'x')];
    const pages = labels(paginate(rows, () => 100));
    expect(pages).toEqual([
      ['p1', 'p2'],
      ['h', 'after-h', 'x'],
    ]);
    for (const page of pages) expect(page[page.length - 1]).not.toBe('h');
  });
  it('drops the space before the first row of a page', () => {
    const rows = [row(50, false, 0, 'a'), row(50, false, 20, 'b')];
    // 50 + 20 + 50 > 110, so b starts page 2, where its 20 pt space does not count.
    expect(labels(paginate(rows, () => 110))).toEqual([['a'], ['b']]);
    expect(labels(paginate(rows, () => 120))).toEqual([['a', 'b']]);
  });
  it('uses a different height for page 1 and terminates on an over-tall row', () => {
    const rows = [row(50, false, 0, 'a'), row(500, false, 0, 'huge'), row(10, false, 0, 'b')];
    expect(labels(paginate(rows, (p) => (p === 0 ? 60 : 100)))).toEqual([['a'], ['huge'], ['b']]);
  });
});
