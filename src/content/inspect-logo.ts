import { joinBytes } from '#platform';
import { Inflate } from 'fflate';
import { checkSvg } from './svg.ts';

/**
 * Checks a logo file completely before anything is laid out or embedded: a PNG whose image data is corrupt
 * gives a page MuPDF cannot decode (qpdf does not notice), a truncated SVG loses shapes, a truncated JPEG prints
 * grey. Pure over the bytes; the caller reads the file.
 */

/** Largest logo file accepted, bytes: a card logo is 12 mm wide; more is a photo or an unexported original. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** Largest logo side, pixels: 4000 px is 600 dpi across 169 mm, far more than the largest logo box needs. */
export const LOGO_MAX_PIXELS = 4000;

/**
 * Why a logo cannot be used. `damaged`: the file is cut short or corrupt; `tooLarge`: over the limits above;
 * `format`: not SVG, PNG or JPEG, or a variant a PDF cannot carry; `unsupported`: an SVG using features the
 * writer cannot draw faithfully (text, embedded images, filters …); `unsafe`: an SVG that would run code or read
 * other files (scripts, event handlers, external references, entity declarations, foreignObject) — see svg.ts.
 */
export type LogoProblemKind = 'damaged' | 'tooLarge' | 'format' | 'unsupported' | 'unsafe';

export interface LogoProblem {
  readonly kind: LogoProblemKind;
  /** What is wrong, as the end of a sentence ("the PNG image data is corrupt (…)"). */
  readonly reason: string;
}

export type LogoInspection =
  | { readonly ok: true; readonly format: 'svg' | 'png' | 'jpeg'; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly problem: LogoProblem };

const fail = (kind: LogoProblemKind, reason: string): LogoInspection => ({ ok: false, problem: { kind, reason } });

/** `name` is the file's name or path (its extension says SVG; PNG and JPEG are recognised by their signatures). */
export function inspectLogo(bytes: Uint8Array, name: string): LogoInspection {
  if (bytes.length > LOGO_MAX_BYTES) {
    return fail('tooLarge', `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a logo may be at most ${LOGO_MAX_BYTES / 1024 / 1024} MB`);
  }
  if (/\.svg$/iu.test(name)) return inspectSvg(bytes);
  if (startsWith(bytes, PNG_SIGNATURE)) return inspectPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return inspectJpeg(bytes);
  return fail('format', 'it is not an SVG, PNG or JPEG file');
}

function startsWith(b: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((v, i) => b[i] === v);
}

function tooManyPixels(width: number, height: number): LogoInspection | undefined {
  if (width <= LOGO_MAX_PIXELS && height <= LOGO_MAX_PIXELS) return undefined;
  return fail('tooLarge', `the image is ${width} × ${height} pixels; a logo may be at most ${LOGO_MAX_PIXELS} pixels on a side`);
}

// ---------------------------------------------------------------------------------------------------- SVG

function inspectSvg(bytes: Uint8Array): LogoInspection {
  const text = svgText(bytes);
  if (text === undefined) return fail('damaged', 'the SVG is not UTF-8 text and does not declare another encoding');
  const svg = checkSvg(text);
  if (!svg.ok) return fail(svg.kind, svg.kind === 'damaged' ? svg.reason : `${SVG_PROBLEM_PREFIX[svg.kind]}${svg.reason}`);
  return { ok: true, format: 'svg', width: svg.viewBox[2], height: svg.viewBox[3] };
}

/** How each SVG problem starts its sentence (the reason follows). */
const SVG_PROBLEM_PREFIX = { unsupported: 'the SVG cannot be drawn faithfully: ', unsafe: 'the SVG is refused for safety: ' } as const;

/** The SVG's text: UTF-8 (XML's default), or the encoding its XML declaration names. */
export function svgText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/u.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
    if (!declared) return undefined;
    try {
      return new TextDecoder(declared, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------------- PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths PNG allows per colour type (PNG spec 11.2.2); the value is the number of channels. */
const PNG_COLOR_TYPES: Readonly<Record<number, { channels: number; depths: readonly number[] }>> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;
/** Compressed bytes handed to the inflater at a time, so a highly compressed image never sits in memory whole. */
const INFLATE_CHUNK = 16 * 1024;

/**
 * Every chunk's CRC, IHDR's fields, PLTE for palette images, IDAT then IEND; then the image data is inflated in
 * full: its zlib header and Adler-32 checksum, a valid filter type at the start of every row, and exactly the
 * number of bytes the image's size needs.
 */
function inspectPng(b: Uint8Array): LogoInspection {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 8;
  let ihdr: { width: number; height: number; depth: number; colorType: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  const idat: Uint8Array[] = [];
  while (pos < b.length && !ended) {
    if (pos + 12 > b.length) return fail('damaged', 'the PNG file is cut short (a chunk header is incomplete)');
    const length = view.getUint32(pos);
    const type = String.fromCharCode(b[pos + 4]!, b[pos + 5]!, b[pos + 6]!, b[pos + 7]!);
    if (pos + 12 + length > b.length) return fail('damaged', `the PNG file is cut short (its ${type} chunk is incomplete)`);
    const data = b.subarray(pos + 8, pos + 8 + length);
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) {
      return fail('damaged', `the PNG file is corrupt (the checksum of its ${type} chunk is wrong)`);
    }
    if (!ihdr && type !== 'IHDR') return fail('damaged', 'the PNG file is corrupt (it does not start with an IHDR chunk)');
    if (type === 'IHDR') {
      if (length !== 13) return fail('damaged', 'the PNG file is corrupt (its IHDR chunk has the wrong length)');
      const d = new DataView(data.buffer, data.byteOffset, 13);
      ihdr = { width: d.getUint32(0), height: d.getUint32(4), depth: data[8]!, colorType: data[9]!, interlace: data[12]! };
      const kind = PNG_COLOR_TYPES[ihdr.colorType];
      if (ihdr.width === 0 || ihdr.height === 0) return fail('damaged', 'the PNG file is corrupt (its width or height is 0)');
      if (!kind?.depths.includes(ihdr.depth) || data[10] !== 0 || data[11] !== 0 || ihdr.interlace > 1) {
        return fail('format', 'the PNG uses a colour type, bit depth, compression or interlace method the PNG standard does not define');
      }
      const big = tooManyPixels(ihdr.width, ihdr.height);
      if (big) return big;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') {
      if (idat.length > 0 && idat.at(-1)!.byteOffset + idat.at(-1)!.length + 12 !== data.byteOffset) {
        return fail('damaged', 'the PNG file is corrupt (its IDAT chunks are not consecutive)');
      }
      idat.push(data);
    } else if (type === 'IEND') ended = true;
    pos += 12 + length;
  }
  if (!ihdr) return fail('damaged', 'the PNG file is cut short (no IHDR chunk)');
  if (!ended) return fail('damaged', 'the PNG file is cut short (it has no IEND chunk)');
  if (idat.length === 0) return fail('damaged', 'the PNG file has no image data (no IDAT chunk)');
  if (ihdr.colorType === 3 && !palette) return fail('damaged', 'the PNG file is corrupt (a palette image without a PLTE chunk)');
  const problem = checkImageData(joinBytes(idat), rowLengths(ihdr, PNG_COLOR_TYPES[ihdr.colorType]!.channels));
  if (problem) return fail('damaged', `the PNG image data is corrupt (${problem})`);
  return { ok: true, format: 'png', width: ihdr.width, height: ihdr.height };
}

/** Length in bytes of every scanline (filter byte included), in the order they are stored. */
function rowLengths(h: { width: number; height: number; depth: number; interlace: number }, channels: number): number[] {
  const row = (w: number) => 1 + Math.ceil((w * channels * h.depth) / 8);
  if (h.interlace === 0) return new Array<number>(h.height).fill(row(h.width));
  const out: number[] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.ceil(Math.max(0, h.width - x0) / dx);
    const rows = Math.ceil(Math.max(0, h.height - y0) / dy);
    if (w > 0) for (let i = 0; i < rows; i++) out.push(row(w));
  }
  return out;
}

/** Why the zlib stream `z` is not exactly the scanlines `rows`, or undefined when it is. */
function checkImageData(z: Uint8Array, rows: readonly number[]): string | undefined {
  if (z.length < 6) return 'the compressed data is too short';
  if ((z[0]! & 0x0f) !== 8 || ((z[0]! << 8) | z[1]!) % 31 !== 0 || (z[1]! & 0x20) !== 0) return 'the zlib header is wrong';
  const expected = rows.reduce((s, n) => s + n, 0);
  let produced = 0;
  let row = 0;
  let nextRowStart = 0;
  let a = 1;
  let bsum = 0;
  let problem: string | undefined;
  const inflater = new Inflate((chunk) => {
    if (problem) return;
    if (produced + chunk.length > expected) {
      problem = 'it holds more data than the image size needs';
      return;
    }
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (produced + i === nextRowStart) {
        if (byte > 4) problem ??= `row ${row + 1} has filter type ${byte}`;
        nextRowStart += rows[row] ?? 0;
        row += 1;
      }
      a = (a + byte) % 65521;
      bsum = (bsum + a) % 65521;
    }
    produced += chunk.length;
  });
  const body = z.subarray(2, z.length - 4);
  try {
    for (let i = 0; i < body.length && !problem; i += INFLATE_CHUNK) {
      inflater.push(body.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= body.length);
    }
  } catch (e) {
    return `the compressed data cannot be inflated: ${(e as Error).message}`;
  }
  if (problem) return problem;
  if (produced !== expected) return `it has ${produced} bytes of pixel data; the image size needs ${expected}`;
  const adler = ((bsum << 16) | a) >>> 0;
  const stored = ((z.at(-4)! << 24) | (z.at(-3)! << 16) | (z.at(-2)! << 8) | z.at(-1)!) >>> 0;
  return adler === stored ? undefined : 'the checksum of the pixel data is wrong';
}

/** CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320). */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// --------------------------------------------------------------------------------------------------- JPEG

/** Start-of-frame markers that carry the image size (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC). */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** Lossless JPEG processes: PDF's DCTDecode filter cannot decode them. */
const JPEG_LOSSLESS = new Set([0xc3, 0xc7, 0xcb, 0xcf]);

/**
 * The marker structure from SOI to EOI: every segment complete, a frame header with a size before the first
 * scan, the entropy-coded data of each scan followed by a marker, and EOI at the end (a truncated download has
 * none). The Huffman data itself is not decoded.
 */
function inspectJpeg(b: Uint8Array): LogoInspection {
  const u16 = (i: number) => (b[i]! << 8) | b[i + 1]!;
  let i = 2;
  let size: { width: number; height: number } | undefined;
  let scans = 0;
  for (;;) {
    if (i >= b.length) return fail('damaged', 'the JPEG file is cut short (it has no end-of-image marker)');
    if (b[i] !== 0xff) return fail('damaged', `the JPEG file is corrupt (no marker at byte ${i})`);
    while (b[i + 1] === 0xff) i += 1; // fill bytes
    const marker = b[i + 1];
    if (marker === undefined) return fail('damaged', 'the JPEG file is cut short (it has no end-of-image marker)');
    if (marker === 0xd9) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0x00) return fail('damaged', `the JPEG file is corrupt (unexpected marker at byte ${i})`);
    if (i + 4 > b.length) return fail('damaged', 'the JPEG file is cut short (a segment header is incomplete)');
    const length = u16(i + 2);
    if (length < 2 || i + 2 + length > b.length) return fail('damaged', 'the JPEG file is cut short (a segment is incomplete)');
    if (JPEG_SOF.has(marker)) {
      if (JPEG_LOSSLESS.has(marker)) return fail('format', 'the JPEG is lossless-coded, which PDF cannot carry; save it as a baseline JPEG or a PNG');
      const precision = b[i + 4]!;
      const height = u16(i + 5);
      const width = u16(i + 7);
      const components = b[i + 9]!;
      if (length !== 8 + 3 * components || ![1, 3, 4].includes(components)) return fail('damaged', 'the JPEG file is corrupt (its frame header is malformed)');
      if (precision !== 8) return fail('format', `the JPEG has ${precision}-bit samples; PDF carries 8-bit JPEG only`);
      if (width === 0 || height === 0) return fail('format', 'the JPEG does not give its size in its frame header');
      const big = tooManyPixels(width, height);
      if (big) return big;
      size = { width, height };
    }
    i += 2 + length;
    if (marker === 0xda) {
      if (!size) return fail('damaged', 'the JPEG file is corrupt (image data before the frame header)');
      scans += 1;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (i < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7) && b[i + 1] !== undefined)) i += 1;
    }
  }
  if (!size || scans === 0) return fail('damaged', 'the JPEG file has no image data');
  return { ok: true, format: 'jpeg', ...size };
}
