/**
 * The web page's first preview is built from the content without the translations it does not print
 * (src/web/first-preview.ts): it must come out byte for byte as from all of the content, and content whose first
 * part has an error must be read whole.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../../src/build/run-job.ts';
import type { LoadResult } from '../../../src/content/load.ts';
import { loadContent, memorySource } from '../../../src/engine/index.ts';
import { editionLanguages } from '../../../src/i18n/localize.ts';
import { planJobs } from '../../../src/build/plan-jobs.ts';
import { firstPreviewContent, withoutTranslations } from '../../../src/web/first-preview.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const shipped = new Map(walk(CONTENT).map((f) => [relative(CONTENT, f).split('\\').join('/'), new Uint8Array(readFileSync(f))]));
const withFile = (key: string, text: string) => new Map([...shipped, [key, new TextEncoder().encode(text)]]);

/** The first preview's PDF (the first edition's first language, the A4 card sheet), as the page asks for it. */
async function firstPreview(loaded: LoadResult): Promise<Uint8Array> {
  const content = loaded.content!;
  const edition = content.editions[0]!;
  const lang = editionLanguages(content, edition)[0]!;
  const job = planJobs(content, { editions: [edition.name], langs: [lang], materials: ['card'] })[0]!;
  const result = await runJob(
    { ...job, outputs: ['card-sheet-a4'] },
    { contentDir: 'content', contentDisplay: 'content', standard: 'none', materialOptions: {} },
    content,
  );
  expect(result.outputs.map((o) => o.file)).toEqual([`${edition.name}/${lang}/card-sheet-a4.pdf`]);
  return new Uint8Array(result.outputs[0]!.data);
}

describe('the web page’s first preview content', () => {
  it('leaves out every translation and gives the same first PDF and no other diagnostic than all of the content', async () => {
    const first = firstPreviewContent(shipped, 'content')!;
    expect(first).toBeDefined();
    expect(first.content!.translations.size).toBe(0);
    const full = loadContent(memorySource(shipped), { display: 'content' });
    expect(full.content!.translations.size).toBeGreaterThan(40);
    expect(first.diagnostics.map((d) => d.message)).toEqual(
      full.diagnostics.map((d) => d.message).filter((m) => first.diagnostics.some((d) => d.message === m)),
    );
    expect(Buffer.from(await firstPreview(first)).equals(Buffer.from(await firstPreview(full)))).toBe(true);
  });

  it('keeps the officer language’s translation when it is not the source language', async () => {
    const project = new TextDecoder().decode(shipped.get('project.yaml'));
    expect(project).toMatch(/^officerLanguage: en$/mu);
    const files = withFile('project.yaml', project.replace(/^officerLanguage: en$/mu, 'officerLanguage: es'));
    const first = firstPreviewContent(files, 'content')!;
    expect([...first.content!.translations.keys()]).toEqual(['es']);
    const full = loadContent(memorySource(files), { display: 'content' });
    expect(Buffer.from(await firstPreview(first)).equals(Buffer.from(await firstPreview(full)))).toBe(true);
  });

  it('reads content whose project file has an error whole (undefined: no partial answer)', () => {
    expect(firstPreviewContent(withFile('project.yaml', 'version: "2026.2"\nsourceLanguage: [\n'), 'content')).toBeUndefined();
  });

  it('has nothing to leave out from content without translations', () => {
    expect(firstPreviewContent(withoutTranslations(shipped), 'content')).toBeUndefined();
  });
});
