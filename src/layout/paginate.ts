import type { Row } from './types.ts';

/**
 * Greedy pagination at row (line) boundaries. `available(page)` is the height of the text area on that
 * page (page 1 may differ). A row that would overflow starts a new page; when that row must keep with
 * the previous one (after a heading) the break moves back to before the heading, so a heading never ends
 * a page. A single row taller than a page is placed alone (the caller reports it).
 */
export function paginate(rows: readonly Row[], available: (page: number) => number): Row[][] {
  const pages: Row[][] = [[]];
  let pageStart = 0;
  let used = 0;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    const page = pages[pages.length - 1]!;
    const add = (page.length > 0 ? row.spaceBefore : 0) + row.height;
    if (page.length === 0 || used + add <= available(pages.length - 1) + 1e-6) {
      page.push(row);
      used += add;
      i += 1;
      continue;
    }
    let breakAt = i;
    while (breakAt > pageStart && rows[breakAt]!.keepWithPrevious) breakAt -= 1;
    // The whole page is one kept-together chain: break where it overflows rather than loop forever.
    if (breakAt === pageStart) breakAt = i;
    page.splice(breakAt - pageStart);
    pages.push([]);
    pageStart = breakAt;
    used = 0;
    i = breakAt;
  }
  return pages;
}
