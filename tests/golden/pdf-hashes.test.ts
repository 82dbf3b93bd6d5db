/**
 * The bytes of every output kind, pinned: tests/fixtures/content-basic (a logo, a QR code, Arabic and English,
 * the mixed sheets) built for edition generic, en and ar, every output, compared by SHA-256 with
 * pdf-hashes.json. Speed work (issue #12: bundling, remembered layouts, QR paths, parsed logos, content loaded
 * once, --only) must not change a byte; the list was made by the build before that work. If an output change
 * is intended, re-bless with `UPDATE_GOLDEN=1 npx vitest run tests/golden/pdf-hashes.test.ts` and say why in the
 * commit. The PDFs embed the package version, so a version bump re-blesses too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { copyFixture } from '../unit/cli/helpers.ts';
import { pdfHashes } from './pdf-hashes-of.ts';

const LIST = new URL('./pdf-hashes.json', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('PDF bytes', () => {
  // The dates inside come from the content unless SOURCE_DATE_EPOCH is set; pin them to the content's.
  const epoch = process.env.SOURCE_DATE_EPOCH;
  beforeAll(() => {
    delete process.env.SOURCE_DATE_EPOCH;
  });
  afterAll(() => {
    if (epoch !== undefined) process.env.SOURCE_DATE_EPOCH = epoch;
  });

  /** Builds the pinned selection of the fixture with this many threads; the hashes of what it wrote. */
  async function buildHashes(parallel: number): Promise<Record<string, string>> {
    const { dir, content } = copyFixture('content-basic');
    const out = join(dir, 'output');
    const summary = await build({
      contentDir: content,
      outDir: out,
      selection: { editions: ['generic'], langs: ['en', 'ar'] },
      context: { standard: 'none', materialOptions: {} },
      parallel,
      force: true,
    });
    expect(summary.internalErrors).toEqual([]);
    return pdfHashes(out);
  }

  it('every output of a small fixed selection hashes as pinned in pdf-hashes.json', async () => {
    const actual = await buildHashes(1);
    const list = JSON.parse(readFileSync(LIST, 'utf8')) as { $comment: string; files: Record<string, string> };
    if (UPDATE) writeFileSync(LIST, `${JSON.stringify({ ...list, files: actual }, null, 1)}\n`);
    expect(Object.keys(actual)).toHaveLength(16);
    expect(actual).toEqual(list.files);
  });

  it('the same bytes when the jobs are shared by the main thread and two workers', async () => {
    // Workers get the content and the localisations as structured clones and their share of jobs by font group
    // (src/build/pool.ts): none of that may change a byte.
    const list = JSON.parse(readFileSync(LIST, 'utf8')) as { files: Record<string, string> };
    expect(await buildHashes(3)).toEqual(list.files);
  });
});
