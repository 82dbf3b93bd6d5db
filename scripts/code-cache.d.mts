// Types of scripts/code-cache.mjs (plain JavaScript: bin/rightsprint.mjs loads it before any TypeScript can load).
import type { Stats } from 'node:fs';
import type { Script } from 'node:vm';

/** The parts of the compiled CLI: dist/bundle/<name>.cjs. */
export const SCRIPTS: readonly string[];
export const SRC_STAMP_ID: string;
export const CLI_MODULE: string;
export const ENGINE_MODULE: string;
/** The function each script's source is the body of. */
/** V8 flags set (once per process) before the first script of the bundle is compiled. */
export const V8_FLAGS: readonly string[];
export const SCRIPT_WRAPPER: { readonly banner: string; readonly footer: string };
/** Whether V8 took the script's code cache. */
export type CacheUse = 'used' | 'rejected' | 'none' | 'off';
/** A loaded part of the bundle. */
export interface LoadedScript {
  readonly exports: Record<string, unknown>;
  readonly cache: CacheUse;
  readonly compiled: Script;
  readonly stat: Stats;
  readonly file: string;
}
export function statSig(stat: Stats): string;
export function cacheHeader(stat: Stats, data: Uint8Array): string;
export function configure(options: { dir?: string; useCache?: boolean }): void;
export function loadScript(name: string): LoadedScript;
export function loadedScripts(): Map<string, LoadedScript>;
export function writeCodeCache(script: LoadedScript): number;
