import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../../../src/render/pdf.ts';
import { simpleDoc } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('repeated font streams (repeated-streams.ts)', () => {
  it('writes a font whose streams another document wrote before with the bytes pdfkit deflated then, without deflating them again', async () => {
    // Text no other test draws, so its fonts' streams are new to this process on the first render.
    const doc = simpleDoc([
      { text: 'Qzxv 7351 — jwyk', lang: 'en' },
      { text: 'ظضغ ٧٣٥١', lang: 'ar' },
    ]);
    const deflate = vi.spyOn(zlib, 'deflateSync');
    const first = await renderPdf(doc);
    const firstCalls = deflate.mock.calls.length;
    deflate.mockClear();
    const again = await renderPdf(doc);
    // Three streams per font (program, /CIDToGIDMap, /ToUnicode), two fonts: deflated once, in the first render.
    expect(firstCalls - deflate.mock.calls.length).toBe(6);
    // The same file: /Length before /Filter, the same deflated bytes.
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });
});
