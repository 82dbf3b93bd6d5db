import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_KINDS, OUTPUT_NAMES } from '../../../src/build/outputs.ts';
import { forgetContent } from '../../../src/build/run-job.ts';
import { copyFixture, run } from './helpers.ts';

/** Every PDF under a folder, relative paths, sorted. */
function pdfFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...pdfFiles(path, base));
    else if (name.endsWith('.pdf')) out.push(path.slice(base.length + 1));
  }
  return out.sort();
}

const BASE = ['--edition', 'generic', '--lang', 'en,pl', '--jobs', '1'];

describe('build --only', () => {
  it('the table of output names is exactly the files a full build writes', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run(['build', ...BASE], dir)).code).toBe(0);
    const written = pdfFiles(join(dir, 'output'));
    const names = new Set(written.map((f) => f.slice(f.lastIndexOf('/') + 1, -'.pdf'.length)));
    expect([...names].sort()).toEqual([...OUTPUT_NAMES].sort());
    // Mixed sheets sit at edition level, every other output in a language folder.
    for (const f of written) expect(f.split('/').length, f).toBe(OUTPUT_KINDS[f.slice(f.lastIndexOf('/') + 1, -4)] === 'mixed-card' ? 2 : 3);
  });

  it('writes only the named outputs (no press twins), mixed sheets by name too; `.pdf` may be given', async () => {
    const { dir } = copyFixture('content-basic');
    const r = await run(['build', ...BASE, '--only', 'leaflet,card-sheet-a4.pdf,card-sheet-mixed-a4'], dir);
    expect(r.code).toBe(0);
    expect(pdfFiles(join(dir, 'output'))).toEqual([
      'generic/card-sheet-mixed-a4.pdf',
      'generic/en/card-sheet-a4.pdf',
      'generic/en/leaflet.pdf',
      'generic/pl/card-sheet-a4.pdf',
      'generic/pl/leaflet.pdf',
    ]);
    expect(r.out).toContain('5 job(s) built');
  });

  it('a partial build is never taken for a whole one: the full build after it rebuilds and writes every file', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run(['build', ...BASE, '--material', 'card', '--only', 'card-press'], dir)).code).toBe(0);
    expect(pdfFiles(join(dir, 'output'))).toEqual(['generic/en/card-press.pdf', 'generic/pl/card-press.pdf']);
    forgetContent();
    const full = await run(['build', ...BASE, '--material', 'card'], dir);
    expect(full.out).toContain('3 job(s) built, 0 unchanged');
    expect(pdfFiles(join(dir, 'output'))).toContain('generic/pl/card-sheet-letter.pdf');
    // …and the same --only again after the full build is built afresh, never reported from the full entry.
    forgetContent();
    const again = await run(['build', ...BASE, '--material', 'card', '--only', 'card-press'], dir);
    expect(again.out).toContain('2 job(s) built');
    // Unchanged: the same --only twice is cached.
    const twice = await run(['build', ...BASE, '--material', 'card', '--only', 'card-press'], dir);
    expect(twice.out).toContain('0 job(s) built, 2 unchanged');
  });

  it('an unknown output name is a usage error (exit 2) with the nearest name, before any work', async () => {
    const { dir } = copyFixture('content-basic');
    const r = await run(['build', '--only', 'leaflet,card-sheet-A4x'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown output `card-sheet-A4x` for --only.');
    expect(r.err).toContain('Did you mean `card-sheet-a4`?');
    expect(r.err).not.toMatch(/\n\s+at /u);
  });

  it('--only naming no output of the chosen --material is a usage error, not a silent empty build', async () => {
    const { dir } = copyFixture('content-basic');
    const r = await run(['build', ...BASE, '--material', 'leaflet', '--only', 'card-sheet-a4'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('names no output of --material leaflet');
    // A mixed sheet is a card output.
    expect((await run(['build', ...BASE, '--material', 'card', '--only', 'card-sheet-mixed-a4'], dir)).code).toBe(0);
  });
});
