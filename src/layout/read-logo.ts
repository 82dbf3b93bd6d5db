import { readFileSync, statSync } from 'node:fs';
import { inspectLogo, type LogoProblem } from './inspect-logo.ts';

/**
 * An edition logo file and its intrinsic size (SVG viewBox units or PNG/JPEG pixels): only the aspect ratio
 * matters to layout, which sizes the logo into a box. The PDF writer draws `src` (SVG as vector paths, PNG/JPEG
 * as images) into the ImageItem box; PNG/JPEG are stretched to it, so the box must keep this aspect ratio.
 */
export interface Logo {
  /** Absolute path of the file. */
  readonly src: string;
  readonly width: number;
  readonly height: number;
}

/** Why a logo file cannot be used: one of inspect-logo.ts's kinds, or the path is not a readable file. */
export type LogoReadProblem = LogoProblem | { readonly kind: 'notFile' | 'unreadable'; readonly reason: string };

export type LogoRead = { readonly ok: true; readonly logo: Logo } | ({ readonly ok: false } & LogoReadProblem);

/**
 * Reads a logo and checks it completely (inspect-logo.ts: every PNG chunk and its pixel data, the JPEG marker
 * structure, the SVG as well-formed XML through the same parser the PDF writer uses), so a logo that would fail
 * to draw — or draw damaged — fails here first, while the caller can still say which setting to fix.
 */
export function readLogo(path: string): LogoRead {
  let bytes: Uint8Array;
  try {
    if (!statSync(path).isFile()) return { ok: false, kind: 'notFile', reason: 'it is a folder, not a file' };
    bytes = readFileSync(path);
  } catch {
    return { ok: false, kind: 'unreadable', reason: 'the file cannot be read' };
  }
  const inspected = inspectLogo(bytes, path);
  if (!inspected.ok) return { ok: false, ...inspected.problem };
  return { ok: true, logo: { src: path, width: inspected.width, height: inspected.height } };
}

/** The largest size with the logo's aspect ratio inside maxWidth × maxHeight (points). */
export function fitLogo(logo: Logo, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const s = Math.min(maxWidth / logo.width, maxHeight / logo.height);
  return { width: logo.width * s, height: logo.height * s };
}
