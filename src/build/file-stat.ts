import { statSync } from 'node:fs';

/**
 * A file changed less than this long before its stat is recorded is never trusted by that stat: file times come from
 * a coarse clock (a few milliseconds on Linux, up to 2 s on some file systems), so a second write within the same
 * tick could leave every time as recorded. The same rule as scripts/src-stamp.mjs (RACY_MS) for the source stamp.
 */
export const RACY_MS = 2000;

/** What a file's stat says about its bytes: size, modification and change times and inode. */
export interface FileStat {
  /**
   * `size:mtimeMs:ctimeMs:ino` (times in ms with their sub-ms digits): equal signatures mean no write, rename or copy
   * reached the file in between, given it had settled (RACY_MS) when recorded — any later write gets a later change
   * time, so plain (not bigint) stats are exact enough, and cheaper.
   */
  readonly signature: string;
  /** Change time in ms: set by the system on every write, rename or utimes, and never settable by a program. */
  readonly ctimeMs: number;
}

/** The stat of a file, or undefined when it cannot be read (missing, no permission). */
export function fileStat(path: string): FileStat | undefined {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    if (s === undefined || !s.isFile()) return undefined;
    return { signature: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, ctimeMs: s.ctimeMs };
  } catch {
    return undefined;
  }
}

/** Whether a stat taken at `nowMs` may be trusted for later: the file had not changed for RACY_MS before. */
export function settled(stat: FileStat, nowMs: number): boolean {
  return stat.ctimeMs < nowMs - RACY_MS;
}
