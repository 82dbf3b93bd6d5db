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

/** One marked-content sequence of the Arabic line: its dictionary and the fonts used inside it. */
interface LineSegment {
  readonly dict: string;
  readonly fonts: string[];
}

/**
 * The Arabic line's marked-content sequences. An RTL line has no line /ActualText, so the parts that need marked
 * content of their own (runs in another language, combining marks, FILLER glyphs) are further sequences of the
 * same structure element rather than nested ones (structure.ts): top-level `/Span <<… /MCID n>> BDC`.
 */
function arabicLineMarks(pdf: Buffer): LineSegment[] {
  const objs = readObjects(pdf);
  const names = fontNames(objs);
  const content = objs.get(refOf(pages(objs)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
  const tokens = [...content.matchAll(/(\/\w+ <<[\s\S]*?>> BDC|\/\w+ BMC|\bEMC\b|\/(F\d+) [\d.]+ Tf)/g)];
  let depth = 0;
  const segments: LineSegment[] = [];
  let current: LineSegment | undefined;
  for (const t of tokens) {
    const tok = t[0];
    if (tok.endsWith('BDC') || tok.endsWith('BMC')) {
      depth++;
      if (depth === 1 && tok.startsWith('/Span') && /\/MCID/.test(tok)) segments.push((current = { dict: tok, fonts: [] }));
    } else if (tok === 'EMC') {
      if (depth === 1) current = undefined;
      depth--;
    } else if (current) current.fonts.push(names.get(t[2]!)!);
  }
  // The English heading's sequence carries its /ActualText; the Arabic line's never carry a non-empty one.
  const arabic = segments.filter((s) => !ACTUAL_TEXT.test(s.dict) || pdfString(ACTUAL_TEXT.exec(s.dict)![1]!) === '');
  if (!arabic.length) throw new Error('the Arabic line was not found in the content stream');
  return arabic;
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

  it('puts each English run in a sequence with /Lang (en) and no /ActualText, in the Latin font', () => {
    const segments = arabicLineMarks(pdfEn);
    const english = segments.filter((s) => /\/Lang \(en\)/.test(s.dict));
    expect(english).toHaveLength(2);
    for (const s of english) expect(s.fonts).toEqual(['NotoSans-Regular']);
    // The rest of the line keeps its own language (the document is English); only FILLER glyphs get an (empty)
    // /ActualText, the line's text is never replaced (docs/text-extraction.md).
    for (const s of segments.filter((s) => !english.includes(s))) expect(s.dict).toMatch(/\/Lang \(ar\)/);
    for (const s of segments) if (ACTUAL_TEXT.test(s.dict)) expect(pdfString(ACTUAL_TEXT.exec(s.dict)![1]!)).toBe('');
    expect(lines[0]!.text).toContain('Home Office');
  });

  it('in an Arabic document the line inherits /Lang ar and only the English runs carry /Lang', () => {
    const segments = arabicLineMarks(pdfAr);
    expect(segments.filter((s) => /\/Lang/.test(s.dict)).map((s) => /\/Lang \(([^)]*)\)/.exec(s.dict)![1])).toEqual(['en', 'en']);
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
