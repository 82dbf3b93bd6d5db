import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import type { ContentSource } from '../content/source.ts';

/**
 * The web side of the engine's seams (package.json `imports` maps `#platform` here under the `browser`
 * condition). A browser has no folders: content arrives as a ContentSource, fonts through a FontSource, the UI
 * strings from the page (installUiStrings). Calling a Node-only seam is a programming error with a clear message.
 */

export function folderSource(dir: string): ContentSource {
  throw new Error(`content folder ${dir}: a browser reads content through a ContentSource, not a path`);
}

export function environment(): Readonly<Record<string, string | undefined>> {
  return {};
}

let ui: Record<string, Record<string, unknown>> = {};
/** The page installs the shipped locales/<lng>/ui.json before the first job. */
export function installUiStrings(strings: Record<string, Record<string, unknown>>): void {
  ui = strings;
}

export function shippedUiStrings(): Record<string, Record<string, unknown>> {
  return ui;
}

export function readFontFile(file: string): Uint8Array {
  throw new Error(`font ${file}: a browser gets font bytes through a FontSource`);
}

/** Chunks of output as one byte array. */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The bytes of a binary string (one byte per UTF-16 unit, its low 8 bits, as pdfkit writes its output). */
export function binaryStringBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** SHA-256 of `data` (a string is hashed as its UTF-8 bytes); the same digest as the Node side's native hash. */
export function sha256Digest(data: Uint8Array | string): Uint8Array {
  return sha256(typeof data === 'string' ? utf8ToBytes(data) : data);
}

/** SHA-256 of the UTF-8 bytes of every piece `write` gives, in order: as if of their concatenation, without building it. */
export function sha256Pieces(write: (update: (piece: string) => void) => void): Uint8Array {
  const hash = sha256.create();
  write((piece) => hash.update(utf8ToBytes(piece)));
  return hash.digest();
}
