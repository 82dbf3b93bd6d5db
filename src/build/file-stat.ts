import { statSync } from 'node:fs';

/**
 * A file changed less than this long before its stat is recorded is never trusted by that stat: file times come from
 * a coarse clock (a few milliseconds on Linux, up to 2 s on some file systems), so a second write within the same
 * tick could leave every time as recorded. The same rule as scripts/src-stamp.mjs (RACY_MS) for the source stamp.
 */
export const RACY_MS = 2000;

/** What a file's stat says about its bytes: size, modification and change times (ns) and inode. */
export interface FileStat {
  /** `size:mtimeNs:ctimeNs:ino`: equal signatures mean no write, rename or copy reached the file in between. */
  readonly signature: string;
  /** Change time in ms: set by the system on every write, rename or utimes, and never settable by a program. */
  readonly ctimeMs: number;
}

/** The stat of a file, or undefined when it cannot be read (missing, no permission). */
export function fileStat(path: string): FileStat | undefined {
  try {
    const s = statSync(path, { bigint: true });
    if (!s.isFile()) return undefined;
    return { signature: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`, ctimeMs: Number(s.ctimeNs / 1_000_000n) };
  } catch {
    return undefined;
  }
}

/** Whether a stat taken at `nowMs` may be trusted for later: the file had not changed for RACY_MS before. */
export function settled(stat: FileStat, nowMs: number): boolean {
  return stat.ctimeMs < nowMs - RACY_MS;
}
