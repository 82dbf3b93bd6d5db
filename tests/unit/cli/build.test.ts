import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetContent } from '../../../src/build/run-job.ts';
import { copyFixture, edit, hasTool, run } from './helpers.ts';
import { spawnSync } from 'node:child_process';

/** Every PDF under a folder, relative path → bytes. */
function pdfs(dir: string, base = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of pdfs(path, base)) out.set(k, v);
    else if (name.endsWith('.pdf')) out.set(path.slice(base.length + 1), readFileSync(path));
  }
  return out;
}

// Small selection: English and Polish wallet cards of the generic edition (plus the mixed sheet).
const SMALL = ['--material', 'card', '--edition', 'generic', '--lang', 'en,pl', '--jobs', '1'];

describe('build', () => {
  it('writes output/<edition>/<lang>/<file>.pdf with one line per output and a total; byte-identical on rebuild', async () => {
    const { dir } = copyFixture('content-basic');
    const first = await run(['build', ...SMALL], dir);
    expect(first.err).not.toMatch(/RP[0-4]\d{3} {2}/u);
    expect(first.code).toBe(0);
    const a = pdfs(join(dir, 'output'));
    expect([...a.keys()]).toEqual(expect.arrayContaining(['generic/en/card-press.pdf', 'generic/pl/card-sheet-a4.pdf', 'generic/card-sheet-mixed-a4.pdf']));
    expect(first.out).toMatch(/^output\/generic\/pl\/card-press\.pdf {2}\d+ pages? {2}[\d.]+ KB$/mu);
    expect(first.out).toMatch(/^total: \d+ file\(s\)/mu);
    for (const [, bytes] of a) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Unchanged inputs: nothing is rebuilt.
    const second = await run(['build', ...SMALL], dir);
    expect(second.out).toContain('0 job(s) built, 3 unchanged');
    // --force rebuilds, and the bytes are identical.
    forgetContent();
    const third = await run(['build', ...SMALL, '--force'], dir);
    expect(third.out).toContain('3 job(s) built');
    const b = pdfs(join(dir, 'output'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);

    // A changed Polish string rebuilds the Polish card and the mixed sheet, not the English card.
    edit(join(dir, 'content/translations/pl.yaml'), 'Niczego nie podpisuj.\n', 'Nic nie podpisuj.\n');
    forgetContent();
    const fourth = await run(['build', ...SMALL], dir);
    expect(fourth.out).toContain('2 job(s) built, 1 unchanged');
    expect(fourth.out).toMatch(/output\/generic\/en\/card-press\.pdf .*\(unchanged\)/u);
  });

  it('a content error after a good build exits 1 and leaves the previous PDFs intact', async () => {
    const { dir } = copyFixture('content-basic');
    expect((await run(['build', ...SMALL], dir)).code).toBe(0);
    const before = pdfs(join(dir, 'output'));
    edit(join(dir, 'content/translations/pl.yaml'), 'Zadzwoń: {{hotline}}', 'Zadzwoń: {{hotlien}}');
    forgetContent();
    const failed = await run(['build', ...SMALL, '--force'], dir);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/content\/translations\/pl\.yaml:\d+:\d+ {2}RP2003/u);
    const after = pdfs(join(dir, 'output'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
    expect(readdirSync(join(dir, 'output/generic/pl')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('policy fail blocks only the failing language: its old files move to .stale/, the others build, exit 1', async () => {
    const { dir } = copyFixture('content-basic');
    const args = ['build', '--material', 'card', '--edition', 'generic', '--lang', 'ar,pl', '--jobs', '1'];
    expect((await run(args, dir)).code).toBe(0);
    const arBefore = readFileSync(join(dir, 'output/generic/ar/card-press.pdf'));
    edit(join(dir, 'content/project.yaml'), 'officerLanguage: en\n', 'officerLanguage: en\npolicy: { stale: fail, missing: fail }\n');
    forgetContent();
    const r = await run([...args, '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('RP5001');
    expect(r.err).toContain('Arabic (ar) cannot be printed');
    expect(r.out).toMatch(/output\/generic\/pl\/card-press\.pdf/u);
    // The Arabic card no longer says what the content says (the policy now forbids printing it): out of the way.
    expect(existsSync(join(dir, 'output/generic/ar/card-press.pdf'))).toBe(false);
    expect(readFileSync(join(dir, 'output/.stale/generic/ar/card-press.pdf')).equals(arBefore)).toBe(true);
    expect(r.err).toMatch(/^output\/generic\/ar {2}RP7001 warning {2}out of date: .*print policy/mu);
  });

  it('runs jobs in worker threads with --jobs 2, same bytes as in-process', async () => {
    const { dir } = copyFixture('content-basic');
    const out1 = mkdtempSync(join(tmpdir(), 'rp-out-'));
    const out2 = mkdtempSync(join(tmpdir(), 'rp-out-'));
    const base = ['build', '--material', 'card', '--edition', 'generic', '--lang', 'en,ar'];
    expect((await run([...base, '--jobs', '1', '--out', out1], dir)).code).toBe(0);
    expect((await run([...base, '--jobs', '2', '--out', out2], dir)).code).toBe(0);
    const a = pdfs(out1);
    const b = pdfs(out2);
    expect(a.size).toBeGreaterThan(0);
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
  });

  it.skipIf(!hasTool('pdfinfo'))('produces PDFs poppler reads, with the page count the build reported (needs poppler-utils)', async () => {
    const { dir } = copyFixture('content-basic');
    const r = await run(['build', '--material', 'leaflet', '--edition', 'local', '--lang', 'pl', '--jobs', '1'], dir);
    expect(r.code).toBe(0);
    const file = join(dir, 'output/local/pl/leaflet.pdf');
    expect(existsSync(file)).toBe(true);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1]);
    expect(r.out).toContain(`output/local/pl/leaflet.pdf  ${pages} page`);
  });
});

describe('build paper options', () => {
  it('--leaflet-paper A4 and --poster-paper A2 change the page sizes; a typo is a usage error', async () => {
    const { dir } = copyFixture('content-basic');
    const sel = ['--edition', 'generic', '--lang', 'en', '--jobs', '1', '--material', 'leaflet,poster'];
    const built = await run(['build', ...sel, '--leaflet-paper', 'A4', '--poster-paper', 'A2'], dir);
    expect(built.code).toBe(0);
    const mediaBoxes = (file: string) =>
      [...readFileSync(file, 'latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/gu)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    // A4 = 595 × 842 pt; A2 = 1191 × 1684 pt.
    expect(mediaBoxes(join(dir, 'output/generic/en/leaflet.pdf'))[0]).toEqual([595, 842]);
    expect(mediaBoxes(join(dir, 'output/generic/en/poster.pdf'))[0]).toEqual([1191, 1684]);
    const typo = await run(['build', ...sel, '--poster-paper', 'A22'], dir);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/Unknown poster paper `A22`/u);
  });
});
