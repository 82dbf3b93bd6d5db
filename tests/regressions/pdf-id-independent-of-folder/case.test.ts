import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job, JobContext } from '../../../src/build/job.ts';
import { forgetContent, runJob } from '../../../src/build/run-job.ts';
import { loadContent } from '../../../src/content/load.ts';
import { memorySource } from '../../../src/content/source.ts';

/**
 * Bug: the PDF /ID hashed the whole DocumentSpec, and a logo's ImageItem carried the logo's absolute path, so the
 * same content copied to another folder built different bytes whenever an edition had a logo. Images now travel
 * as bytes under their content-relative name; the ID hashes the bytes, never a path. The same content held in
 * memory (as the web page holds it) builds the same bytes too.
 */
const FIXTURE = join(import.meta.dirname, '../../fixtures/content-basic');
const job: Job = { id: 'local/en/leaflet', edition: 'local', lang: 'en', kind: 'leaflet', dir: 'local/en' };
const ctx = (contentDir: string): JobContext => ({ contentDir, standard: 'none', materialOptions: {} });

function copyTo(depth: number): string {
  let dir = mkdtempSync(join(tmpdir(), 'rp-id-'));
  for (let i = 0; i < depth; i++) dir = join(dir, `level-${i}`);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function filesOf(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), new Uint8Array(readFileSync(p)));
    }
  };
  walk(dir);
  return out;
}

async function leafletBytes(dir: string): Promise<Uint8Array> {
  forgetContent();
  const result = await runJob(job, ctx(dir));
  expect(result.internalError).toBeUndefined();
  return result.outputs.find((o) => o.file === 'local/en/leaflet.pdf')!.data;
}

describe('regression: the PDF /ID depends on content, never on where the content folder is', () => {
  it('builds byte-identical PDFs with a logo from two folders and from memory', async () => {
    const a = copyTo(0);
    const b = copyTo(3);
    const fromA = await leafletBytes(a);
    const fromB = await leafletBytes(b);
    expect(Buffer.compare(Buffer.from(fromA), Buffer.from(fromB))).toBe(0);

    const loaded = loadContent(memorySource(filesOf(b)));
    expect(loaded.content).toBeDefined();
    const inMemory = await runJob(job, ctx('(memory)'), loaded.content);
    expect(inMemory.internalError).toBeUndefined();
    expect(Buffer.compare(Buffer.from(inMemory.outputs.find((o) => o.file === 'local/en/leaflet.pdf')!.data), Buffer.from(fromA))).toBe(0);
  });
});
