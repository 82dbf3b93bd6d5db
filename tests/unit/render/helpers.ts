import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Color, DocumentSpec, Page, Positioned, StructNode } from '../../../src/layout/frame.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import type { Line } from '../../../src/text/types.ts';

/** True when a command-line tool is installed (poppler-utils, qpdf). Tests that need it skip otherwise. */
export const hasTool = (t: string): boolean => spawnSync('which', [t]).status === 0;

export const BLACK: Color = { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] };
export const RED: Color = { rgb: [200, 16, 46], cmyk: [0, 100, 80, 10] };

/** Set one paragraph with the real text engine (regular weight). */
export function setLines(text: string, lang: string, size = 12, width = 400): readonly Line[] {
  const layout = layoutParagraph({ text, lang, spans: [{ start: 0, end: text.length, weight: 400 }] }, { width, size });
  if (layout.missing.length) throw new Error(`test text has characters no font covers: ${JSON.stringify(layout.missing)}`);
  return layout.lines;
}

/** Paragraph input for `simpleDoc`: text, language, and the structure role of its node. */
export interface Para {
  readonly text: string;
  readonly lang: string;
  readonly role?: 'H1' | 'P';
  readonly size?: number;
  /** Write the language on the node (a paragraph in another language than the document). */
  readonly nodeLang?: boolean;
}

/** An A6-ish page with one tagged node per paragraph, lines stacked from the top; RTL lines right-aligned. */
export function simpleDoc(paras: readonly Para[], docLang = 'en', extra: Partial<DocumentSpec> = {}): DocumentSpec {
  const width = 300;
  const margin = 20;
  const items: Positioned[] = [];
  const nodes: StructNode[] = [];
  let y = margin;
  paras.forEach((p, i) => {
    const id = `p${i}`;
    nodes.push({ id, role: p.role ?? 'P', ...(p.nodeLang ? { lang: p.lang } : {}), children: [] });
    for (const line of setLines(p.text, p.lang, p.size ?? 12, width - 2 * margin)) {
      y += line.ascent;
      const x = line.direction === 'rtl' ? width - margin - line.width : margin;
      items.push({ x, y, item: { kind: 'line', line, color: BLACK, tag: id, ...(p.lang !== docLang && !p.nodeLang ? { lang: p.lang } : {}) } });
      y += line.descent + 2;
    }
  });
  const page: Page = { width, height: Math.max(200, y + margin), frame: { width, height: Math.max(200, y + margin), items } };
  return {
    lang: docLang,
    pages: [page],
    structure: { id: 'doc', role: 'Document', children: nodes },
    metadata: {
      title: 'Know your rights',
      subject: 'Immigration raids: what to do',
      keywords: ['rights', 'raids'],
      author: 'Test Anti-Raids Network',
      version: '2026.1',
      date: '2026-03-01',
    },
    colorMode: 'rgb',
    ...extra,
  };
}

/** Write bytes to a fresh temporary file and return its path (for poppler/qpdf). */
export function tempPdf(bytes: Buffer, name = 'out.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-render-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Run a tool and return stdout (throws with stderr on failure). */
export function run(cmd: string, args: readonly string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 2) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Uncompressed view of a PDF (qpdf --qdf), for asserting on content streams and dictionaries. */
export function qdf(path: string): string {
  const out = `${path}.qdf.pdf`;
  run('qpdf', ['--qdf', '--object-streams=disable', path, out]);
  return spawnSync('cat', [out], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 }).stdout;
}
