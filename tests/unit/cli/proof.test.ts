import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proofCommand } from '../../../src/cli/proof.ts';
import { buildProof, splitParagraphs } from '../../../src/materials/proof.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import type { CliIO } from '../../../src/cli/command.ts';
import { documentTraceJson, type DocumentTrace } from '../../../src/render/trace-document.ts';
import type { TextLineItem } from '../../../src/layout/frame.ts';

const hasTool = (t: string): boolean => spawnSync('which', [t]).status === 0;

function capture(cwd: string): CliIO & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { cwd, outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}

describe('proof: building the document', () => {
  it('splits paragraphs on blank lines and keeps single newlines as forced breaks', () => {
    expect(splitParagraphs('one\ntwo\n\n\nthree\r\n\r\nfour\n')).toEqual(['one\ntwo', 'three', 'four']);
  });

  it('places RTL lines against the right edge of the measure and LTR lines against the left', () => {
    const ar = buildProof('ar', 'اتصل على الرقم 0800 123 4567', { widthMm: 80, size: 11 }, layoutParagraph);
    const en = buildProof('en', 'Call 0800 123 4567', { widthMm: 80, size: 11 }, layoutParagraph);
    const place = (p: typeof ar) => p.doc.pages[0]!.frame.items[0]!;
    const margin = (20 * 72) / 25.4;
    const measure = (80 * 72) / 25.4;
    const arItem = place(ar);
    const arLine = (arItem.item as TextLineItem).line;
    expect(arItem.x + arLine.width).toBeCloseTo(margin + measure, 6);
    expect(place(en).x).toBeCloseTo(margin, 6);
    expect(ar.doc.structure.lang).toBe('ar');
    expect(ar.doc.lang).toBe('ar');
  });

  it('flows long text onto more A4 pages, baselines inside the page margins', () => {
    const para = 'You have the right to remain silent. Do not sign anything without legal advice. ';
    const proof = buildProof('en', Array(40).fill(para.repeat(3)).join('\n\n'), { widthMm: 80, size: 11 }, layoutParagraph);
    expect(proof.doc.pages.length).toBeGreaterThan(1);
    for (const page of proof.doc.pages) {
      expect(page.width).toBeCloseTo(595.28, 2);
      for (const p of page.frame.items) {
        expect(p.y).toBeGreaterThan(0);
        expect(p.y).toBeLessThan(page.height - (20 * 72) / 25.4 + 1);
      }
    }
    const tags = new Set(proof.doc.pages.flatMap((p) => p.frame.items.map((i) => (i.item as TextLineItem).tag)));
    expect(proof.doc.structure.children.map((c) => c.id)).toEqual([...tags]);
  });
});

describe('proof command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-proof-'));

  it('rejects a language whose script nobody knows, asking for script: (RP2013)', async () => {
    const io = capture(dir);
    expect(await proofCommand.run(['--lang', 'xx', '--text', 'hi', '--out', 'x.pdf'], io)).toBe(2);
    expect(io.errLines.join('\n')).toMatch(/RP2013 .*`xx`[\s\S]*script: Latn/u);
  });

  it('rejects a malformed tag with "did you mean" (RP2001), and a language name typed for a code', async () => {
    const io = capture(dir);
    expect(await proofCommand.run(['--lang', 'ar_SA', '--text', 'hi', '--out', 'x.pdf'], io)).toBe(2);
    expect(io.errLines.join('\n')).toMatch(/RP2001 .*`ar_SA` .*not a well-formed BCP 47[\s\S]*Did you mean `ar-SA`\?/u);
    const named = capture(dir);
    expect(await proofCommand.run(['--lang', 'Swahili', '--text', 'hi', '--out', 'x.pdf'], named)).toBe(2);
    expect(named.errLines.join('\n')).toMatch(/Did you mean `sw`\?/u);
  });

  it('names the script and the manifest when a language has no font (RP2014)', async () => {
    const io = capture(dir);
    // Cherokee: ICU knows the language and its script; no bundled font covers it.
    expect(await proofCommand.run(['--lang', 'chr', '--text', 'hi', '--out', 'x.pdf'], io)).toBe(2);
    expect(io.errLines.join('\n')).toMatch(/RP2014 .*Cher script of `chr`[\s\S]*fonts\/manifest\.json/u);
  });

  it('sets a language that has no row in locales/languages.json, from ICU alone (Oromo, Swahili)', async () => {
    const rows = (
      JSON.parse(readFileSync(new URL('../../../locales/languages.json', import.meta.url), 'utf8')) as { languages: { code: string }[] }
    ).languages.map((l) => l.code);
    for (const lang of ['om', 'sw']) {
      expect(rows).not.toContain(lang);
      const io = capture(dir);
      expect(await proofCommand.run(['--lang', lang, '--text', 'Mirga kee beeki. Haki zako.', '--out', `${lang}.pdf`], io), io.errLines.join('\n')).toBe(0);
    }
  });

  it('needs exactly one of --text and --file, and --out', async () => {
    expect(await proofCommand.run(['--lang', 'en', '--out', 'x.pdf'], capture(dir))).toBe(2);
    expect(await proofCommand.run(['--lang', 'en', '--text', 'a', '--file', 'b', '--out', 'x.pdf'], capture(dir))).toBe(2);
    expect(await proofCommand.run(['--lang', 'en', '--text', 'a'], capture(dir))).toBe(2);
    expect(await proofCommand.run(['--lang', 'en', '--text', 'a', '--out', 'x.pdf', '--size', 'big'], capture(dir))).toBe(2);
  });

  it('exits 1 listing each character no font has, and writes nothing', async () => {
    const io = capture(dir);
    expect(await proofCommand.run(['--lang', 'ar', '--text', 'اتصل 😀 ⵣ', '--out', 'missing.pdf', '--trace', 'missing.json'], io)).toBe(1);
    const err = io.errLines.join('\n');
    expect(err).toContain('U+1F600');
    expect(err).toContain('U+2D63');
    expect(err).toContain('"😀"');
    // Through the shared diagnostic formatter: place, code, message, hint, and the count line.
    expect(err).toMatch(/^--text {2}RP4001 {2}paragraph 1 contains "😀" \(U\+1F600\) at offset 5, which no bundled font can draw \(ar\)\.$/mu);
    expect(err).toContain('    hint: Check for a typo');
    expect(io.errLines.at(-1)).toBe('2 errors, 0 warnings');
    expect(existsSync(join(dir, 'missing.pdf'))).toBe(false);
  });

  it('prints help', async () => {
    const io = capture(dir);
    expect(await proofCommand.run(['--help'], io)).toBe(0);
    expect(io.outLines.join('\n')).toMatch(/^Usage: rightsprint proof --lang/u);
  });

  it('writes a PDF and a trace for a file in any known language, byte-identical on a second run', async () => {
    writeFileSync(join(dir, 'ur.txt'), 'مفت مشورے کے لیے 0800 123 4567 پر کال کریں۔\n\nHome Office کے انٹرویو سے پہلے وکیل سے بات کریں۔\n');
    const io = capture(dir);
    const code = await proofCommand.run(['--lang', 'ur', '--file', 'ur.txt', '--out', 'out/ur.pdf', '--trace', 'out/ur.json', '--width-mm', '60'], io);
    expect(io.errLines).toEqual([]);
    expect(code).toBe(0);
    const pdf = readFileSync(join(dir, 'out/ur.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The trace is the golden traces' format (tests/golden/traces/), byte for byte, of the document the PDF draws.
    const written = readFileSync(join(dir, 'out/ur.json'), 'utf8');
    const text = readFileSync(join(dir, 'ur.txt'), 'utf8');
    expect(written).toBe(documentTraceJson(buildProof('ur', text, { widthMm: 60, size: 11 }, layoutParagraph).doc));
    const trace = JSON.parse(written) as DocumentTrace;
    expect(trace.lang).toBe('ur');
    const lines = trace.pages.flatMap((p) => p.lines);
    expect([...new Set(lines.map((l) => l.tag))]).toEqual(['proof-p1', 'proof-p2']);
    expect(lines[0]!.text).toMatch(/^مفت مشورے/u);
    // Runs read `face@size script direction: glyph:advance(dx,dy) …`, as in the golden traces; the Urdu is set in Nastaliq.
    for (const run of lines.flatMap((l) => l.runs))
      expect(run).toMatch(/^[\w-]+@11 [A-Z][a-z]{3} (ltr|rtl): \d+:-?[\d.]+(\(-?[\d.]+,-?[\d.]+\))?( \d+:-?[\d.]+(\(-?[\d.]+,-?[\d.]+\))?)*$/u);
    expect(lines[0]!.runs.some((r) => /^noto-nastaliq-urdu[\w-]*@11 Arab rtl: /u.test(r))).toBe(true);
    const golden = JSON.parse(readFileSync(new URL('../../golden/traces/card-ur.json', import.meta.url), 'utf8')) as DocumentTrace;
    expect(Object.keys(trace)).toEqual(Object.keys(golden));
    expect(Object.keys(lines[0]!).filter((k) => k !== 'lang')).toEqual(Object.keys(golden.pages[0]!.lines[0]!).filter((k) => k !== 'lang'));
    // Deterministic: the same input gives the same bytes.
    await proofCommand.run(['--lang', 'ur', '--file', 'ur.txt', '--out', 'out/ur2.pdf', '--width-mm', '60'], capture(dir));
    expect(readFileSync(join(dir, 'out/ur2.pdf')).equals(pdf)).toBe(true);
  });

  it.skipIf(!hasTool('pdftotext') || !hasTool('qpdf'))('writes a valid PDF whose text extracts (skipped without poppler-utils and qpdf)', async () => {
    const text = 'বিনামূল্যে 0800 123 4567 নম্বরে ফোন করুন।';
    expect(await proofCommand.run(['--lang', 'bn', '--text', text, '--out', 'bn.pdf'], capture(dir))).toBe(0);
    const file = join(dir, 'bn.pdf');
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    const extracted = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(extracted.replace(/\s+/gu, ' ').trim()).toBe(text);
  });
});
