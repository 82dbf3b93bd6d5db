import { inspectLogo, type LogoProblem } from './inspect-logo.ts';

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

/** Why a logo file cannot be used: one of inspect-logo.ts's kinds, or the path is not a readable file. */
export type LogoReadProblem = LogoProblem | { readonly kind: 'notFile' | 'unreadable'; readonly reason: string };

export type LogoRead = { readonly ok: true; readonly logo: Logo } | ({ readonly ok: false } & LogoReadProblem);

/**
 * Checks a logo's bytes completely (inspect-logo.ts: every PNG chunk and its pixel data, the JPEG marker
 * structure, the SVG as well-formed XML through the same parser the PDF writer uses), so a logo that would fail
 * to draw — or draw damaged — fails here first, while the caller can still say which setting to fix.
 */
export function readLogo(path: string, bytes: Uint8Array): LogoRead {
  const inspected = inspectLogo(bytes, path);
  if (!inspected.ok) return { ok: false, ...inspected.problem };
  return { ok: true, logo: { src: path, data: bytes, width: inspected.width, height: inspected.height } };
}

/**
 * Logos read so far, per content source and key. The content check reads and fully decodes the logo once; every
 * material job of the build asks for it again (and the card sheet draws it on every card): they get that same
 * checked read instead of decoding the file again, and so draw exactly the bytes that were checked.
 */
const readBySource = new WeakMap<object, Map<string, LogoRead>>();

/** Reads a logo through the content's files: a folder or an unreadable file is a problem of its own kind. */
export function readLogoFrom(files: { read(key: string): Uint8Array | undefined; folders(folder: string): readonly string[] }, key: string): LogoRead {
  let memo = readBySource.get(files);
  if (!memo) readBySource.set(files, (memo = new Map()));
  let read = memo.get(key);
  if (!read) {
    read = readLogoUncached(files, key);
    memo.set(key, read);
  }
  return read;
}

function readLogoUncached(files: { read(key: string): Uint8Array | undefined; folders(folder: string): readonly string[] }, key: string): LogoRead {
  const bytes = files.read(key);
  if (bytes !== undefined) return readLogo(key, bytes);
  const slash = key.lastIndexOf('/');
  const isFolder = files.folders(slash < 0 ? '' : key.slice(0, slash)).includes(key.slice(slash + 1));
  return isFolder ? { ok: false, kind: 'notFile', reason: 'it is a folder, not a file' } : { ok: false, kind: 'unreadable', reason: 'the file cannot be read' };
}

/** The largest size with the logo's aspect ratio inside maxWidth × maxHeight (points). */
export function fitLogo(logo: Logo, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const s = Math.min(maxWidth / logo.width, maxHeight / logo.height);
  return { width: logo.width * s, height: logo.height * s };
}
