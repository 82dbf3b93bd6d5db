// Types of scripts/src-stamp.mjs (plain JavaScript: bin/rightsprint.mjs runs it before any TypeScript can load).
/** The repository root. */
export const ROOT: string;
/** Where the compiled CLI goes (dist/bundle/). */
export const BUNDLE_DIR: string;
export const STAMP_FILE: string;
export const STATS_FILE: string;
/** Packages compiled into the bundle. */
export const INLINE: readonly string[];
/** SHA-256 over every stamped file's path and bytes. */
export function sourceStamp(root?: string): string;
/** The stamp and the stats of the stamped files, as scripts/bundle.mjs records them. */
export function recordStamp(root?: string, takenMs?: number): { stamp: string; stats: string };
/** sourceStamp of the files as they are now, by their recorded stats when none changed. */
export function currentStamp(root?: string): string;
/** currentStamp, computed once per process and root. */
export function stampOnce(root?: string): string;
/** The bundle's recorded stamp, or undefined when there is no bundle. */
export function bundleStamp(): string | undefined;
