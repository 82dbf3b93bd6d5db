import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProof } from '../../src/materials/proof.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { layoutParagraph } from '../../src/text/layout-paragraph.ts';
import { engineLang, sentences } from '../unit/text/hb-fixture.ts';
import { hasTool } from '../unit/render/helpers.ts';
import { missingParagraphs, normalise, readAll, READERS, structTexts, type Reader } from './read-back.ts';

/**
 * Issue #13, `rightsprint proof` on the test corpus (tests/fixtures/text: the shared know-your-rights sentences
 * plus our extra ones): one proof per language at the command's defaults (80 mm, 11 pt), every sentence read
 * back by poppler, pdf.js and MuPDF must equal its input (NFC; whitespace and invisible format characters aside),
 * and so must the text of its P element in the structure tree (`pdfinfo -struct-text`).
 */

const TOOLS = hasTool('pdftotext') && hasTool('mutool');
if (!TOOLS) console.warn('poppler-utils or mupdf-tools not installed: skipping the read-back of proofs');

/**
 * Corpus languages with a sentence one reader gets wrong, for the reasons given in known-limits.ts. None since
 * poppler reads RTL lines in logical order (docs/text-extraction.md); kept so a new limit is pinned the same way.
 */
const PROOF_LIMITS: Partial<Record<Reader, readonly string[]>> = {};

describe.skipIf(!TOOLS)('proof of the test corpus read back by poppler, pdf.js and MuPDF', () => {
  it('every sentence comes back equal to its input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-proof-readers-'));
    const byLang = new Map<string, string[]>();
    for (const s of sentences()) byLang.set(engineLang(s), [...(byLang.get(engineLang(s)) ?? []), s.text.normalize('NFC')]);
    const results = await Promise.all(
      [...byLang].map(async ([lang, texts]) => {
        const proof = buildProof(lang, texts.join('\n\n'), { widthMm: 80, size: 11 }, layoutParagraph);
        expect(proof.missing, lang).toEqual([]);
        const path = join(dir, `${lang}.pdf`);
        writeFileSync(path, await renderPdf(proof.doc));
        const read = await readAll(path, proof.doc.pages.length);
        const blocks = texts.map((text) => ({ text, tag: null }));
        const missing = Object.fromEntries(READERS.map((r) => [r, missingParagraphs(blocks, read[r].join('\n')).map((b) => b.text)])) as Record<
          Reader,
          string[]
        >;
        // The tags: every sentence is one P element whose text (pdfinfo -struct-text) is the sentence.
        const tagged = (await structTexts(path)).filter((e) => e.role.startsWith('P ')).map((e) => normalise(e.text));
        const structMissing = texts.filter((t) => !tagged.includes(normalise(t)));
        return { lang, total: texts.length, missing, structMissing };
      }),
    );
    console.log(
      `read-back of proofs (sentences right per reader):\n${results.map((r) => `${r.lang.padEnd(8)} ${READERS.map((x) => `${x} ${r.total - r.missing[x].length}/${r.total}`).join('  ')}`).join('\n')}`,
    );
    const unexpected = results.flatMap((r) =>
      READERS.filter((x) => r.missing[x].length && !PROOF_LIMITS[x]?.includes(r.lang)).map((x) => `${x} ${r.lang}: ${JSON.stringify(r.missing[x][0])}`),
    );
    const stale = results.flatMap((r) => READERS.filter((x) => !r.missing[x].length && PROOF_LIMITS[x]?.includes(r.lang)).map((x) => `${x} ${r.lang}`));
    const structWrong = results.flatMap((r) => r.structMissing.map((t) => `${r.lang}: ${t}`));
    expect(structWrong, `pdfinfo -struct-text differs:\n${structWrong.join('\n')}`).toEqual([]);
    expect(unexpected, unexpected.join('\n')).toEqual([]);
    expect(stale, `now read right: remove from the known limits: ${stale.join(', ')}`).toEqual([]);
  }, 600_000); // typesets and reads the whole test corpus with three readers
});
