import { describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsqr is CommonJS with an ESM-style `export default` typing: accept either shape. */
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);
import { COLORS } from '../../../src/layout/colors.ts';
import { QR_QUIET_MODULES, qrCode, rowRuns } from '../../../src/layout/qr.ts';

/** Rasterises the QR path (only `M x y h w v h h -w z` rectangles) into RGBA pixels, 1 px per `scale` pt. */
function rasterise(d: string, size: number, scale: number): { data: Uint8ClampedArray; width: number } {
  const px = Math.ceil(size * scale);
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  const re = /M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/gu;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(d))) {
    count += 1;
    const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    for (let py = Math.round(y * scale); py < Math.round((y + h) * scale); py += 1) {
      for (let pxx = Math.round(x * scale); pxx < Math.round((x + w) * scale); pxx += 1) {
        const i = (py * px + pxx) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  expect(count).toBeGreaterThan(0);
  return { data, width: px };
}

describe('qrCode', () => {
  it('merges dark modules of a row into runs', () => {
    const row = [1, 1, 0, 1, 0, 0, 1, 1, 1];
    expect(rowRuns((c) => row[c] === 1, row.length)).toEqual([
      [0, 2],
      [3, 1],
      [6, 3],
    ]);
    expect(rowRuns(() => false, 5)).toEqual([]);
  });

  it('is one path whose geometry decodes back to the URL', () => {
    const url = 'https://example.org/rights';
    const qr = qrCode(url, 60, COLORS.qr, 'fig1');
    expect(qr.item.kind).toBe('path');
    expect(qr.item.tag).toBe('fig1');
    const { data, width } = rasterise(qr.item.d, qr.size, 4);
    expect(jsQR(data, width, width)?.data).toBe(url);
  });

  it('keeps a 4-module quiet zone: no dark module within 4 modules of the edge', () => {
    const qr = qrCode('https://example.org/a-longer/path?lang=ar', 48, COLORS.qr);
    const coords = [...qr.item.d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)/gu)].map((m) => m.slice(1).map(Number));
    const quiet = QR_QUIET_MODULES * qr.moduleSize - 0.002;
    for (const [x, y, w, h] of coords as number[][]) {
      expect(x!).toBeGreaterThanOrEqual(quiet);
      expect(y!).toBeGreaterThanOrEqual(quiet);
      expect(x! + w!).toBeLessThanOrEqual(qr.size - quiet);
      expect(y! + h!).toBeLessThanOrEqual(qr.size - quiet);
    }
    expect(qr.size / qr.moduleSize).toBeCloseTo(qr.modules + 8, 6);
  });

  it('one text at several sizes (leaflet, poster, card): each path decodes, and is the first path scaled', () => {
    const url = 'https://example.org/rights?at=sizes';
    const sizes = [60, 84.5, 120];
    const paths = sizes.map((size) => qrCode(url, size, COLORS.qr));
    const rects = (d: string) => [...d.matchAll(/M([\d.]+) ([\d.]+)h/gu)].map((m) => [Number(m[1]), Number(m[2])]);
    const first = rects(paths[0]!.item.d);
    paths.forEach((qr, k) => {
      const { data, width } = rasterise(qr.item.d, qr.size, 240 / qr.size);
      expect(jsQR(data, width, width)?.data, `${sizes[k]} pt`).toBe(url);
      const scaled = rects(qr.item.d);
      expect(scaled).toHaveLength(first.length);
      scaled.forEach(([x, y], i) => {
        expect(x! / qr.moduleSize).toBeCloseTo(first[i]![0]! / paths[0]!.moduleSize, 1);
        expect(y! / qr.moduleSize).toBeCloseTo(first[i]![1]! / paths[0]!.moduleSize, 1);
      });
    });
  });

  it('is deterministic', () => {
    expect(qrCode('https://example.org', 50, COLORS.qr).item.d).toBe(qrCode('https://example.org', 50, COLORS.qr).item.d);
  });
});
