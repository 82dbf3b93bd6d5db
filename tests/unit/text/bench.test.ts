import { describe, expect, it } from 'vitest';
import { benchParagraph, benchText } from '../../../bench/text.ts';

describe('bench/text.ts', () => {
  it('lays out a 1,000-character mixed-script paragraph and reports ms per layout (no time limit here)', () => {
    expect(benchParagraph().text.length).toBeGreaterThan(990);
    const r = benchText(5);
    expect(r.lines).toBeGreaterThan(10);
    // Only that it measures something: speed goals live in `npm run bench`, never in timed tests
    // (a loaded CI machine made a 50 ms bound fail at 71 ms).
    expect(r.warmMs).toBeGreaterThan(0);
  });
});
