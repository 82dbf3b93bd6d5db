/** Test helpers for the pipeline: a capturing CliIO, temp copies of fixture content folders, tool detection. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../src/cli/command.ts';
import { main } from '../../../src/cli/main.ts';

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
export const hasTool = (t: string) => spawnSync('which', [t]).status === 0;

export interface Captured extends CliIO {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function captureIO(cwd: string): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/** Runs the CLI in `cwd` and returns exit code and output. */
export async function run(argv: string[], cwd: string) {
  const io = captureIO(cwd);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A fresh copy of a fixture content folder under the OS temp dir (outside the repository). */
export function copyFixture(name: string): { dir: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rightsprint-test-'));
  const content = join(dir, 'content');
  cpSync(join(FIXTURES, name), content, { recursive: true });
  return { dir, content };
}

/** Replaces `from` with `to` in a file (must occur). */
export function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
}
