import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { interpolateMarked, parseMarkup } from '../../../src/content/markup.ts';
import type { DocumentSpec, Positioned } from '../../../src/layout/frame.ts';
import { paragraphFromInlines } from '../../../src/layout/paragraphize.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import type { Line } from '../../../src/text/types.ts';
import { BLACK, hasTool, run, simpleDoc, tempPdf } from './helpers.ts';
import { pages, pdfString, readObjects, refOf } from './pdf-read.ts';

/**
 * Per-span /Lang: inside a line's marked content (/Span with the line's /Lang and /ActualText), runs in another
 * language get a nested /Span with only /Lang. Read back from the PDF; extraction must not change.
 */

const POPPLER = hasTool('pdftotext');
const QPDF = hasTool('qpdf');
if (!POPPLER) console.warn('poppler-utils not installed: skipping the pdftotext comparison for per-span /Lang');
if (!QPDF) console.warn('qpdf not installed: skipping qpdf --check for per-span /Lang');

/** An Arabic sentence with "Home Office" written by the translator and the organisation setting interpolated. */
const TEMPLATE = 'قد تتغيّر إرشادات وزارة الداخلية (Home Office). اتصل بـ {{organisation}} على **{{hotline}}**';
const SETTINGS = { organisation: 'PLACEHOLDER-set-your-organisation', hotline: '0800 123 4567' };

function arabicLines(): readonly Line[] {
  const [block] = parseMarkup(interpolateMarked(TEMPLATE, SETTINGS), 'en');
  if (block?.kind !== 'para') throw new Error('expected one paragraph');
  const layout = layoutParagraph(paragraphFromInlines(block.inlines, 'ar'), { width: 1e6, size: 10 });
  expect(layout.missing).toEqual([]);
  return layout.lines;
}

/** A one-paragraph document in `docLang` with the Arabic line tagged P (line /Lang only when it differs). */
function spec(docLang: string, lines: readonly Line[]): DocumentSpec {
  const base = simpleDoc([{ text: 'Know your rights', lang: 'en' }], docLang);
  const items: Positioned[] = lines.map((line, i) => ({
    x: 20,
    y: 60 + i * 20,
    item: { kind: 'line', line, color: BLACK, tag: 'ar', ...(docLang === 'ar' ? {} : { lang: 'ar' }) },
  }));
  const page = base.pages[0]!;
  return {
    ...base,
    pages: [{ ...page, width: 700, frame: { ...page.frame, width: 700, items: [...page.frame.items, ...items] } }],
    structure: { ...base.structure, children: [...base.structure.children, { id: 'ar', role: 'P', children: [] }] },
  };
}

/** Resource name (`F2`) → BaseFont without the subset tag (`NotoSans-Regular`). */
function fontNames(objs: ReturnType<typeof readObjects>): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of objs.values()) {
    for (const m of o.body.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const base = /\/BaseFont \/[A-Z]{6}\+([\w-]+)/.exec(objs.get(Number(m[2]))?.body ?? '')?.[1];
      if (base) out.set(m[1]!, base);
    }
  }
  return out;
}

/** A /ActualText entry: a literal string (with escapes) or a hex string. */
const ACTUAL_TEXT = /\/ActualText (\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)/;

/** The nested marked content of the Arabic line: its own /Span dictionary and the inner spans' dictionaries and fonts. */
interface LineMarks {
  readonly outer: string;
  readonly inner: { dict: string; fonts: string[] }[];
}

function arabicLineMarks(pdf: Buffer): LineMarks {
  const objs = readObjects(pdf);
  const names = fontNames(objs);
  const content = objs.get(refOf(pages(objs)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
  // Walk the content stream's marked-content operators with a stack. Depth 1 is the structure content (P), depth 2
  // the line's /Span, depth 3 the spans inside the line: per-language spans (/Lang) and, in RTL runs, per-cluster
  // marked content (glyph-text.ts). The Arabic line is the one whose inner spans carry /Lang.
  const tokens = [...content.matchAll(/(\/\w+ <<[\s\S]*?>> BDC|\/\w+ BMC|\bEMC\b|\/(F\d+) [\d.]+ Tf)/g)];
  const stack: string[] = [];
  const lines: { outer: string; inner: { dict: string; fonts: string[] }[] }[] = [];
  let langSpan: { dict: string; fonts: string[] } | undefined;
  for (const t of tokens) {
    const tok = t[0];
    if (tok.endsWith('BDC') || tok.endsWith('BMC')) {
      stack.push(tok);
      if (stack.length === 2) lines.push({ outer: tok, inner: [] });
      if (stack.length === 3 && /\/Lang/.test(tok)) lines.at(-1)!.inner.push((langSpan = { dict: tok, fonts: [] }));
    } else if (tok === 'EMC') {
      if (stack.length === 3) langSpan = undefined;
      stack.pop();
    } else if (stack.length >= 3 && langSpan) langSpan.fonts.push(names.get(t[2]!)!);
  }
  const found = lines.find((l) => l.inner.length > 0);
  if (!found) throw new Error('the Arabic line was not found in the content stream');
  return found;
}

/** The same document with every run's spanLang removed: what the writer drew before per-span /Lang. */
const withoutSpanLang = (s: DocumentSpec): DocumentSpec => JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'spanLang' ? undefined : v))) as DocumentSpec;

describe('renderPdf: per-span /Lang inside a line', () => {
  let lines: readonly Line[];
  let pdfEn: Buffer;
  let pdfAr: Buffer;
  beforeAll(async () => {
    lines = arabicLines();
    pdfEn = await renderPdf(spec('en', lines));
    pdfAr = await renderPdf(spec('ar', lines));
  });

  it('the text engine marks exactly the Latin name and the interpolated organisation', () => {
    expect(lines).toHaveLength(1);
    const marked = lines[0]!.runs.filter((r) => r.spanLang !== undefined).map((r) => [r.text, r.spanLang]);
    expect(marked).toEqual([
      [SETTINGS.organisation, 'en'],
      ['Home Office', 'en'],
    ]);
  });

  it('nests a /Span with /Lang (en) and no /ActualText around each English run, in the Latin font', () => {
    const { outer, inner } = arabicLineMarks(pdfEn);
    // The line keeps its own language (the document is English); as an RTL line it has no line /ActualText
    // (docs/text-extraction.md): its glyphs and clusters carry the text.
    expect(outer).toBe('/Span <<\n/Lang (ar)\n>> BDC');
    expect(inner.map((s) => s.dict)).toEqual(['/Span <<\n/Lang (en)\n>> BDC', '/Span <<\n/Lang (en)\n>> BDC']);
    for (const s of inner) expect(s.fonts).toEqual(['NotoSans-Regular']);
  });

  it('in an Arabic document the line inherits /Lang ar and only the English runs carry /Lang', () => {
    const { outer, inner } = arabicLineMarks(pdfAr);
    expect(outer).not.toMatch(/\/Lang/);
    expect(inner.map((s) => s.dict)).toEqual(['/Span <<\n/Lang (en)\n>> BDC', '/Span <<\n/Lang (en)\n>> BDC']);
  });

  it('is deterministic', async () => {
    expect(Buffer.compare(await renderPdf(spec('en', lines)), pdfEn)).toBe(0);
  });

  it.skipIf(!QPDF)('passes qpdf --check', () => {
    for (const pdf of [pdfEn, pdfAr]) {
      const r = spawnSync('qpdf', ['--check', tempPdf(pdf)], { encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it.skipIf(!POPPLER)('pdftotext output is the same as without the inner spans, in every mode', async () => {
    // Mixed LTR paragraphs too (Bengali, Russian, Chinese with Latin inside), whose extraction must stay exact.
    const mixed = simpleDoc(
      [
        { text: 'কল করুন Home Office আজ।', lang: 'bn' },
        { text: 'Звоните в Home Office сейчас.', lang: 'ru' },
        { text: '请致电 WhatsApp 0800 123 4567。', lang: 'zh-Hans' },
      ],
      'en',
    );
    for (const s of [spec('en', lines), mixed]) {
      const marked = tempPdf(await renderPdf(s));
      const plain = tempPdf(await renderPdf(withoutSpanLang(s)));
      for (const mode of [[], ['-raw'], ['-bbox']]) {
        expect(run('pdftotext', [...mode, '-enc', 'UTF-8', marked, '-']), mode.join()).toBe(run('pdftotext', [...mode, '-enc', 'UTF-8', plain, '-']));
      }
    }
    const text = run('pdftotext', ['-enc', 'UTF-8', tempPdf(await renderPdf(mixed)), '-']);
    for (const t of ['কল করুন Home Office আজ।', 'Звоните в Home Office сейчас.', '请致电 WhatsApp 0800 123 4567。']) expect(text).toContain(t);
  });
});
