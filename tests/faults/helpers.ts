/** Helpers for the fault tests: the CLI as a child process, and fingerprints of an output folder. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Diagnostic, UserError } from '../../src/diagnostics/diagnostic.ts';

export const REPO = new URL('../../', import.meta.url).pathname;
export const BIN = join(REPO, 'bin/rightsprint.mjs');

/** Every file under `dir` (dot-folders such as `.stale` included), relative path → sha256; `skip` matches names to leave out. */
export function fingerprint(dir: string, skip: RegExp = /^$/u): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!skip.test(name)) out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Runs the CLI in a child process to completion. `uid`/`gid` run it as another user (root only). */
export function runChild(args: readonly string[], cwd: string, opts: { uid?: number; gid?: number; bin?: string } = {}) {
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/**
 * Starts the CLI in a child process and SIGKILLs it `ms` after it starts — or, with `afterFirstOutput`, `ms` after
 * it prints its first line (the first job's files and cache entry are written then). Resolves when it has ended,
 * with the times (from start) of its first output line and of its end.
 */
export function killAfter(
  args: readonly string[],
  cwd: string,
  ms: number,
  afterFirstOutput = false,
): Promise<{ killed: boolean; code: number | null; firstOutput?: number; ended: number }> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let killed = false;
    let firstOutput: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, ms);
    };
    if (!afterFirstOutput) arm();
    child.stdout.on('data', () => {
      if (firstOutput !== undefined) return;
      firstOutput = performance.now() - started;
      if (afterFirstOutput) arm();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ killed: killed && code === null, code, ...(firstOutput !== undefined ? { firstOutput } : {}), ended: performance.now() - started });
    });
  });
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its printed seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first diagnostic of the user error `f` throws; any other outcome fails the test. */
export function userDiagnostic(f: () => unknown): Diagnostic {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('no error');
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
export const hasTool = (t: string) => spawnSync('which', [t]).status === 0;
