import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentSpans, spanAt } from '../../../src/content/content-spans.ts';
import { loadContent } from '../../../src/content/load.ts';
import type { SourceSpan } from '../../../src/diagnostics/diagnostic.ts';
import { FIXTURES } from '../cli/helpers.ts';

/** What the loader used to keep: one map of `<file>#<path>` to a placed span, a later file's entry replacing an earlier one's. */
function flatMap(spans: ContentSpans): Map<string, SourceSpan> {
  const out = new Map<string, SourceSpan>();
  for (const [rel, file] of spans.files) for (const [path, offset] of file.offsets) out.set(`${rel}#${path}`, spanAt(file, offset));
  return out;
}

describe('ContentSpans', () => {
  it('answers every key of the shipped content and of the errors fixture as one map of placed spans would', () => {
    for (const dir of [join(FIXTURES, '..', '..', 'content'), join(FIXTURES, 'content-errors')]) {
      const { content } = loadContent(dir, { display: 'content' });
      const spans = content!.spans as ContentSpans;
      const flat = flatMap(spans);
      expect(flat.size).toBeGreaterThan(100);
      for (const [key, span] of flat) expect(spans.get(key)).toEqual(span);
      expect(spans.get('translations/ar.yaml#strings.no-such-key')).toBeUndefined();
      expect(spans.has('project.yaml#')).toBe(true);
      expect(spans.has('nowhere.yaml#')).toBe(false);
    }
  });

  it('a file whose name holds `#`: the later file answers a key both could mean, as a later map entry would', () => {
    const spans = new ContentSpans();
    const file = (display: string) => ({ display, lineCounter: { lineStarts: [0, 10, 20] } });
    spans.add(
      'x.yaml',
      file('a'),
      new Map([
        ['a#key', 12],
        ['b', 3],
      ]),
    );
    spans.add('x.yaml#a', file('b'), new Map([['key', 21]]));
    expect(spans.get('x.yaml#a#key')).toEqual({ file: 'b', line: 3, col: 2 });
    expect(spans.get('x.yaml#b')).toEqual({ file: 'a', line: 1, col: 4 });
    expect(spans.get('x.yaml#a')).toBeUndefined();
    // The same file added again: its new entries win, the old ones it lacks still answer.
    spans.add('x.yaml', file('c'), new Map([['b', 11]]));
    expect(spans.get('x.yaml#b')).toEqual({ file: 'c', line: 2, col: 2 });
    expect(spans.get('x.yaml#a#key')).toEqual({ file: 'b', line: 3, col: 2 });
    spans.add('x.yaml', file('d'), new Map([['a#key', 1]]));
    expect(spans.get('x.yaml#a#key')).toEqual({ file: 'd', line: 1, col: 2 });
    expect([...flatMap(spans)]).toEqual([
      ['x.yaml#a#key', { file: 'd', line: 1, col: 2 }],
      ['x.yaml#b', { file: 'c', line: 2, col: 2 }],
    ]);
  });

  it('survives the structured clone that hands the content to a worker thread', () => {
    const { content } = loadContent(join(FIXTURES, 'content-basic'), { display: 'content' });
    const revived = ContentSpans.revive(structuredClone(content!.spans));
    for (const [key, span] of flatMap(content!.spans as ContentSpans)) expect(revived.get(key)).toEqual(span);
    expect(revived.get('translations/ar.yaml#strings.title.text')).toMatchObject({ line: 5, col: 11 });
    const map = new Map([['k', { file: 'f', line: 1, col: 1 }]]);
    expect(ContentSpans.revive(map)).toBe(map);
  });
});
