import { parseSimpleSvg } from './svg.ts';

/**
 * An edition logo file and its intrinsic size (SVG viewBox units or PNG/JPEG pixels): only the aspect ratio
 * matters to layout, which sizes the logo into a box. The PDF writer draws `src` (SVG as vector paths, PNG/JPEG
 * as images) into the ImageItem box; PNG/JPEG are stretched to it, so the box must keep this aspect ratio.
 */
export interface Logo {
  /** The file's content-relative key (settings.logo as written): shown in messages, never a machine path. */
  readonly src: string;
  /** The file's bytes: layout and the PDF writer draw these, so nothing downstream reads a file. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type LogoRead = { readonly ok: true; readonly logo: Logo } | { readonly ok: false; readonly reason: string };

/** PNG files start with this 8-byte signature; the IHDR chunk follows with width and height at bytes 16 and 20. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** JPEG start-of-frame markers that carry the image size (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC). */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Reads a logo's intrinsic size from its bytes (`path` is its name: `.svg` decides the format). SVG goes through the same parser the PDF writer uses, so a logo that would fail
 * to draw fails here first, while the material can still say which setting to fix.
 */
export function readLogo(path: string, bytes: Uint8Array): LogoRead {
  if (/\.svg$/iu.test(path)) {
    const svg = parseSimpleSvg(new TextDecoder('utf-8').decode(bytes));
    if (!svg.ok) return { ok: false, reason: `the SVG cannot be drawn as vector paths: ${svg.reason}` };
    return { ok: true, logo: { src: path, data: bytes, width: svg.viewBox[2], height: svg.viewBox[3] } };
  }
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size) return { ok: false, reason: 'it is not an SVG, PNG or JPEG file' };
  return { ok: true, logo: { src: path, data: bytes, ...size } };
}

/** Big-endian unsigned integers (PNG and JPEG headers). */
const u32 = (b: Uint8Array, i: number) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(i, false);
const u16 = (b: Uint8Array, i: number) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint16(i, false);

function pngSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return undefined;
  const width = u32(b, 16);
  const height = u32(b, 20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = u16(b, i + 2);
    if (JPEG_SOF.has(marker)) {
      const height = u16(b, i + 5);
      const width = u16(b, i + 7);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

/** The largest size with the logo's aspect ratio inside maxWidth × maxHeight (points). */
export function fitLogo(logo: Logo, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const s = Math.min(maxWidth / logo.width, maxHeight / logo.height);
  return { width: logo.width * s, height: logo.height * s };
}
