import QRCode from 'qrcode';
import type { Color, PathItem } from './frame.ts';
import { round3 } from './units.ts';

/**
 * QR codes as ONE vector path: modules from the `qrcode` package, dark modules of each row merged into
 * rectangles, a 4-module quiet zone around the symbol (ISO/IEC 18004 requires 4). Vector, so it stays
 * sharp at any print size and adds a few hundred bytes instead of an image.
 */

/** Width of the quiet zone in modules (ISO/IEC 18004 minimum). */
export const QR_QUIET_MODULES = 4;

/** Error correction level M recovers ~15 % damage: enough for a worn wallet card, keeps the symbol small. */
const ERROR_CORRECTION = 'M';

export interface QrCode {
  /** The path to place at the top-left corner of the symbol including its quiet zone. */
  readonly item: PathItem;
  /** Side of the square including the quiet zone, points. */
  readonly size: number;
  /** Modules per side of the symbol itself (without quiet zone). */
  readonly modules: number;
  /** Side of one module, points. */
  readonly moduleSize: number;
}

/** Dark modules of one row merged into runs: [startColumn, length]. */
export function rowRuns(isDark: (col: number) => boolean, count: number): [number, number][] {
  const runs: [number, number][] = [];
  let col = 0;
  while (col < count) {
    if (!isDark(col)) {
      col += 1;
      continue;
    }
    const start = col;
    while (col < count && isDark(col)) col += 1;
    runs.push([start, col - start]);
  }
  return runs;
}

/**
 * A QR code for `text` as a square of side `size` points (quiet zone included).
 * `tag` makes the path part of a Figure in the structure tree (alt text "QR code: <url>").
 */
export function qrCode(text: string, size: number, color: Color, tag?: string): QrCode {
  const key = `${size}\u0000${text}`;
  let path = paths.get(key);
  if (!path) {
    if (paths.size >= MAX_REMEMBERED) paths.clear();
    path = qrPath(text, size);
    paths.set(key, path);
  }
  const item: PathItem = tag === undefined ? { kind: 'path', d: path.d, fill: color } : { kind: 'path', d: path.d, fill: color, tag };
  return { item, size, modules: path.modules, moduleSize: path.moduleSize };
}

/**
 * Paths already made, by size and text: a poster lays itself out at up to 27 sizes and every attempt places
 * the same QR code; encoding and masking it each time was a tenth of a poster's build. Bounded, since a
 * long-lived process (tests) sees many texts.
 */
const paths = new Map<string, { readonly d: string; readonly modules: number; readonly moduleSize: number }>();
const MAX_REMEMBERED = 64;

/**
 * Symbols already encoded, by text: the leaflet, the poster and the card place the same website at three sizes,
 * and encoding (eight masks tried and scored) costs far more than drawing the path again at another size,
 * especially early in a process while the encoder's code is not yet optimised. Bounded like `paths`.
 */
const symbols = new Map<string, QRCode.QRCode>();

function qrSymbol(text: string): QRCode.QRCode {
  let symbol = symbols.get(text);
  if (!symbol) {
    if (symbols.size >= MAX_REMEMBERED) symbols.clear();
    symbol = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
    symbols.set(text, symbol);
  }
  return symbol;
}

function qrPath(text: string, size: number): { readonly d: string; readonly modules: number; readonly moduleSize: number } {
  const symbol = qrSymbol(text);
  const n = symbol.modules.size;
  const moduleSize = size / (n + 2 * QR_QUIET_MODULES);
  const parts: string[] = [];
  for (let row = 0; row < n; row += 1) {
    const y = round3((row + QR_QUIET_MODULES) * moduleSize);
    // Edges are rounded, not lengths, so neighbouring modules share exact edges (no hairline gaps).
    const h = round3((row + 1 + QR_QUIET_MODULES) * moduleSize) - y;
    for (const [start, length] of rowRuns((col) => symbol.modules.get(row, col) === 1, n)) {
      const x = round3((start + QR_QUIET_MODULES) * moduleSize);
      const w = round3(round3((start + length + QR_QUIET_MODULES) * moduleSize) - x);
      parts.push(`M${x} ${y}h${w}v${round3(h)}h${-w}z`);
    }
  }
  return { d: parts.join(''), modules: n, moduleSize };
}
