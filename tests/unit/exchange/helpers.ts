import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../../src/cli/command.ts';

/** The workflow fixtures: a current content folder (2026.2) and the earlier edition it changed from (2026.1). */
export const FIXTURE = fileURLToPath(new URL('../../fixtures/workflow-basic/', import.meta.url));
export const OLD_FIXTURE = fileURLToPath(new URL('../../fixtures/workflow-old/', import.meta.url));

/** A writable copy of the fixture in a fresh temp folder; returns the folder holding `content/`. */
export function scratch(): { dir: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rp-workflow-'));
  const content = join(dir, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  return { dir, content };
}

/** A CliIO that records what a command prints. */
export function captureIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
