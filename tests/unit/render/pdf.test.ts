import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/diagnostics/diagnostic.ts';
import type { DocumentSpec, Positioned, StructNode } from '../../../src/layout/frame.ts';
import { PRODUCER } from '../../../src/render/metadata.ts';
import { renderPdf } from '../../../src/render/pdf.ts';
import { BLACK, hasTool, RED, run, setLines, simpleDoc, tempPdf } from './helpers.ts';
import { numbers, objectsWhere, pages, pdfString, readObjects, refOf, type PdfObject } from './pdf-read.ts';

const POPPLER = hasTool('pdftotext') && hasTool('pdffonts') && hasTool('pdftoppm');
const QPDF = hasTool('qpdf');
if (!POPPLER) console.warn('poppler-utils (pdftotext/pdffonts/pdftoppm) not installed: skipping PDF read-back tests that need them');
if (!QPDF) console.warn('qpdf not installed: skipping qpdf --check tests');

/** A bilingual document: English heading and text, a Polish paragraph (node /Lang), Arabic, Devanagari, Thai, CJK. */
const PARAS = [
  { text: 'Know your rights', lang: 'en', role: 'H1' as const, size: 18 },
  { text: 'You have the right to remain silent.', lang: 'en' },
  { text: 'Masz prawo zachować milczenie.', lang: 'pl', nodeLang: true },
  { text: 'आपको चुप रहने का अधिकार है।', lang: 'hi' },
  { text: 'คุณมีสิทธิ์ที่จะไม่พูด', lang: 'th' },
  { text: 'لديك الحق في التزام الصمت.', lang: 'ar' },
  { text: '你有权保持沉默。', lang: 'zh-Hans' },
];

const objsOf = (pdf: Buffer) => readObjects(pdf);
/** The same placed item with no structure tag: drawn as an artifact (a decorative repeat). */
function untag(p: Positioned): Positioned {
  if (p.item.kind === 'group') return p;
  const { tag: _tag, ...item } = p.item;
  return { ...p, item };
}
const catalog = (objs: Map<number, PdfObject>) => objectsWhere(objs, /\/Type \/Catalog/)[0]!;

describe('renderPdf: text, fonts and extraction', () => {
  let pdf: Buffer;
  let path: string;
  beforeAll(async () => {
    pdf = await renderPdf(simpleDoc(PARAS));
    path = tempPdf(pdf);
  });

  it.skipIf(!QPDF)('passes qpdf --check', () => {
    const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(r.stderr).toBe('');
  });

  it.skipIf(!POPPLER)('embeds and subsets every font, each with a ToUnicode map', () => {
    const rows = run('pdffonts', [path]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(5); // Latin (en, pl), Devanagari, Thai, Arabic, CJK
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols[0], row).toMatch(/^[A-Z]{6}\+/);
      expect(cols.slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']); // emb sub uni
    }
  });

  it.skipIf(!POPPLER)('pdftotext returns the input text for LTR lines, Devanagari and Thai included', () => {
    const lines = run('pdftotext', ['-enc', 'UTF-8', path, '-'])
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (const p of PARAS.filter((p) => p.lang !== 'ar')) expect(lines).toContain(p.text);
  });

  it.skipIf(!POPPLER)('RTL: pdftotext returns the logical Arabic text from the glyphs (no line /ActualText)', () => {
    const arabic = PARAS.find((p) => p.lang === 'ar')!.text;
    // Before, the line's /ActualText came out backwards (poppler lays it out left to right, then reverses the RTL
    // run). Now RTL lines carry no line /ActualText; each glyph occurrence carries its own text
    // (docs/text-extraction.md). Bidi embedding marks and FILLER are invisible and dropped for the comparison.
    // The words come out in logical order; the trailing full stop, a neutral drawn at the line's left end, is
    // placed by poppler's own bidi guess, which on this English (LTR) page puts it before the line.
    const plain = run('pdftotext', ['-enc', 'UTF-8', path, '-']).replace(/[\u202A-\u202E\u2060]/g, '');
    expect(plain).toContain(arabic.slice(0, -1));
  });

  it('writes /ActualText with the logical text of every LTR line, none for the RTL line', () => {
    const objs = objsOf(pdf);
    const content = objs.get(refOf(pages(objs)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
    const actual = [...content.matchAll(/\/ActualText (\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)/g)].map((m) => pdfString(m[1]!));
    const lines = PARAS.flatMap((p) => setLines(p.text, p.lang, p.size ?? 12, 260));
    // Cluster-level /ActualText inside the Arabic line (glyph-text.ts) is short; the line's own text never appears.
    expect(actual.filter((a) => a.length > 3)).toEqual(lines.filter((l) => l.direction === 'ltr').map((l) => l.text));
    for (const l of lines.filter((l) => l.direction === 'rtl')) expect(actual).not.toContain(l.text);
  });

  it('measures: a page with Latin, Arabic, Devanagari, Thai and CJK stays small (subset fonts)', () => {
    console.info(`[render] mixed-script page: ${pdf.length} bytes`);
    expect(pdf.length).toBeLessThan(100_000);
  });
});

describe('renderPdf: size of an imposed sheet', () => {
  it('10 copies of an Arabic + Latin + CJK card embed each font once and stay far below 300 KB', async () => {
    const card = simpleDoc([
      { text: 'اعرف حقوقك', lang: 'ar', size: 14 },
      { text: 'لديك الحق في التزام الصمت. اتصل بـ 0800 123 4567.', lang: 'ar' },
      { text: 'You have the right to remain silent.', lang: 'en' },
      { text: '你有权保持沉默。不要签署你不明白的文件。', lang: 'zh-Hans' },
    ]);
    const cardFrame = card.pages[0]!.frame;
    const copies: Positioned[] = Array.from({ length: 10 }, (_, i) => ({
      x: (i % 2) * 300,
      y: Math.floor(i / 2) * 160,
      // First copy tagged, the others decorative repeats (artifacts), as home sheets do.
      item: { kind: 'group', clip: true, frame: i === 0 ? cardFrame : { ...cardFrame, items: cardFrame.items.map(untag) } },
    }));
    const sheet: DocumentSpec = { ...card, pages: [{ width: 595.28, height: 841.89, frame: { width: 595.28, height: 841.89, items: copies } }] };
    const pdf = await renderPdf(sheet, { standard: 'ua' });
    const fonts = objectsWhere(objsOf(pdf), /\/Type \/FontDescriptor/).map((o) => /\/FontName \/([^\s/]+)/.exec(o.body)![1]);
    expect(new Set(fonts).size).toBe(fonts.length);
    expect(fonts.length).toBeLessThanOrEqual(4); // Arabic, Latin, CJK (+ one fallback face at most)
    console.info(`[render] 10-up Arabic+Latin+CJK sheet: ${pdf.length} bytes`);
    expect(pdf.length).toBeLessThan(300 * 1024);
  });
});

describe('renderPdf: tagged structure and languages', () => {
  let objs: Map<number, PdfObject>;
  let spec: DocumentSpec;
  beforeAll(async () => {
    const base = simpleDoc(PARAS, 'en');
    // Add a QR-code figure (path) with alt text and a decorative background (artifact), drawn FIRST although the
    // figure comes last in reading order: the structure order must win.
    const figure: StructNode = { id: 'qr', role: 'Figure', alt: 'QR code: https://example.org/rights', children: [] };
    const empty: StructNode = { id: 'unused', role: 'P', children: [] };
    const page = base.pages[0]!;
    const items: Positioned[] = [
      { x: 0, y: 0, item: { kind: 'rect', width: page.width, height: 10, fill: RED } },
      { x: 250, y: 150, item: { kind: 'path', d: 'M0 0h10v10h-10z', fill: BLACK, tag: 'qr' } },
      ...page.frame.items,
    ];
    spec = {
      ...base,
      pages: [{ ...page, frame: { ...page.frame, items } }],
      structure: { ...base.structure, children: [...base.structure.children, figure, empty] },
    };
    objs = objsOf(await renderPdf(spec));
  });

  /** The structure tree as plain data: role, lang, alt, marked-content ids, children. */
  interface Elem {
    role: string;
    lang?: string;
    alt?: string;
    mcids: number[];
    children: Elem[];
  }
  const elem = (id: number): Elem => {
    const body = objs.get(id)!.body;
    const k = /\/K \[([\s\S]*?)\]\s*(\/|>>)/.exec(body)?.[1] ?? '';
    const lang = /\/Lang (\([^)]*\))/.exec(body)?.[1];
    const alt = /\/Alt (\((?:\\.|[^\\)])*\)|<[^>]*>)/.exec(body)?.[1];
    return {
      role: /\/S \/(\w+)/.exec(body)![1]!,
      ...(lang ? { lang: pdfString(lang) } : {}),
      ...(alt ? { alt: pdfString(alt) } : {}),
      mcids: [...k.replace(/\d+ 0 R/g, '').matchAll(/(\d+)/g)].map((m) => Number(m[1])),
      children: [...k.matchAll(/(\d+) 0 R/g)].map((m) => elem(Number(m[1]))),
    };
  };

  it('marks the document: /Lang, /MarkInfo Marked, DisplayDocTitle, StructTreeRoot', () => {
    const cat = catalog(objs).body;
    expect(pdfString(/\/Lang (\([^)]*\))/.exec(cat)![1]!)).toBe('en');
    expect(objs.get(refOf(cat, 'MarkInfo')!)!.body).toMatch(/\/Marked true/);
    expect(objs.get(refOf(cat, 'ViewerPreferences')!)!.body).toMatch(/\/DisplayDocTitle true/);
    expect(refOf(cat, 'StructTreeRoot')).toBeDefined();
  });

  it('builds the tree in structure order with roles, /Lang and Figure /Alt; drops empty nodes', () => {
    const root = objs.get(refOf(catalog(objs).body, 'StructTreeRoot')!)!;
    const docElem = elem(Number(/\/K \[(\d+) 0 R\]/.exec(root.body)![1]));
    expect(docElem.role).toBe('Document');
    expect(docElem.children.map((c) => c.role)).toEqual(['H1', 'P', 'P', 'P', 'P', 'P', 'P', 'Figure']);
    expect(docElem.children[2]!.lang).toBe('pl');
    expect(docElem.children[7]!.alt).toBe('QR code: https://example.org/rights');
    // Figure was drawn first (MCID 0), yet it is last in reading order; the lines follow in their order.
    expect(docElem.children[7]!.mcids).toEqual([0]);
    // An RTL line is several marked-content sequences of its element (structure.ts); still in order, none shared.
    const mcids = docElem.children.slice(0, 7).flatMap((c) => c.mcids);
    expect(mcids).toEqual(mcids.map((_, i) => i + 1));
    for (const c of docElem.children.slice(0, 7)) expect(c.mcids.length).toBeGreaterThan(0);
  });

  it('marks untagged items as artifacts and tagged lines with /Span /Lang for other languages', () => {
    const content = objs.get(refOf(pages(objs)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
    expect(content).toMatch(/\/Artifact BMC\nq\n[\d. ]+ rg\n0 0 300 10 re/);
    const langs = [...content.matchAll(/\/Lang (\([^)]*\))/g)].map((m) => pdfString(m[1]!));
    // en = document language; pl is on its element; the Arabic line's sequences each say ar (structure.ts).
    expect(langs.filter((l, i) => l !== langs[i - 1])).toEqual(['hi', 'th', 'ar', 'zh-Hans']);
    // Every painting operator sits inside marked content (depth ≥ 1, counting nested BDC/BMC … EMC): outside
    // there is only graphics/text state (q Q colour BT Tf Tm ET), never TJ, fill, stroke or an XObject.
    let depth = 0;
    let painted = 0;
    for (const op of content.split('\n')) {
      if (/\bB(?:D|M)C$/.test(op)) depth++;
      else if (op === 'EMC') depth--;
      else if (/(?:^|\s)(TJ|Tj|f|f\*|S|B|b|Do|sh)$/.test(op)) {
        painted++;
        expect(depth, op).toBeGreaterThan(0);
      }
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(painted).toBeGreaterThan(5);
  });

  it('gives artifact lines /ActualText too, outside the structure tree', async () => {
    const base = simpleDoc([{ text: 'काटें — cut here', lang: 'hi' }], 'en');
    const page = base.pages[0]!;
    const untagged = page.frame.items.map(untag);
    const o = objsOf(await renderPdf({ ...base, pages: [{ ...page, frame: { ...page.frame, items: untagged } }] }));
    const content = o.get(refOf(pages(o)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
    const m = /\/Artifact BMC\n\/Span <<\n\/Lang \(hi\)\n\/ActualText (<[0-9a-f]+>|\([^)]*\))\n>> BDC/.exec(content);
    expect(m).not.toBeNull();
    expect(pdfString(m![1]!)).toBe('काटें — cut here');
    expect(content).not.toMatch(/MCID/);
  });

  it('rejects an item whose tag is not in the structure (a layout bug, not silently untagged)', async () => {
    const bad = { ...spec, structure: { ...spec.structure, children: [] } };
    await expect(renderPdf(bad)).rejects.toThrow(/not a node of the document structure/);
  });
});

describe('renderPdf: metadata, XMP, determinism', () => {
  const withExtra = () =>
    simpleDoc([{ text: 'Zadzwoń: 0800 123 4567 & <pomoc>', lang: 'pl' }], 'pl', {
      metadata: {
        title: 'Znaj swoje prawa',
        subject: 'Naloty: co robić',
        keywords: ['prawa', 'naloty'],
        author: 'Anti-Raids <Network> & Friends',
        version: '2026.1',
        date: '2026-03-01',
        extra: { 'translation status': 'reviewed 2026-02-20', stale: '0' },
      },
    });

  const info = (objs: Map<number, PdfObject>, pdf: Buffer) => {
    const infoId = Number(/\/Info (\d+) 0 R/.exec(pdf.toString('latin1').slice(-400))![1]);
    const out: Record<string, string> = {};
    for (const m of objs.get(infoId)!.body.matchAll(/\/(\w+) (\d+) 0 R/g)) out[m[1]!] = pdfString(objs.get(Number(m[2]))!.body.trim());
    return out;
  };
  const xmp = (objs: Map<number, PdfObject>) => objectsWhere(objs, /\/Type \/Metadata/)[0]!.stream!.toString('utf8');

  it('writes the info dictionary and XMP from the same values, XML-escaped, no machine paths', async () => {
    const pdf = await renderPdf(withExtra(), { env: {} });
    const objs = objsOf(pdf);
    const i = info(objs, pdf);
    expect(i).toMatchObject({
      Title: 'Znaj swoje prawa',
      Subject: 'Naloty: co robić',
      Keywords: 'prawa, naloty',
      Author: 'Anti-Raids <Network> & Friends',
      Creator: `rightsprint ${JSON.parse(readFileSync('package.json', 'utf8')).version}`,
      Producer: PRODUCER,
      CreationDate: 'D:20260301000000Z',
      ModDate: 'D:20260301000000Z',
      RightsprintVersion: '2026.1',
      RightsprintDate: '2026-03-01',
      RightsprintExtra_translation_status: 'reviewed 2026-02-20',
      RightsprintExtra_stale: '0',
    });
    const x = xmp(objs);
    expect(x).toContain('<rdf:li xml:lang="x-default">Znaj swoje prawa</rdf:li><rdf:li xml:lang="pl">Znaj swoje prawa</rdf:li>');
    expect(x).toContain('<dc:creator><rdf:Seq><rdf:li>Anti-Raids &lt;Network&gt; &amp; Friends</rdf:li></rdf:Seq></dc:creator>');
    expect(x).toContain('<dc:language><rdf:Bag><rdf:li>pl</rdf:li></rdf:Bag></dc:language>');
    expect(x).toContain('<xmp:CreateDate>2026-03-01T00:00:00Z</xmp:CreateDate>');
    expect(x).toContain('<xmp:ModifyDate>2026-03-01T00:00:00Z</xmp:ModifyDate>');
    expect(x).toContain(`<pdf:Producer>${PRODUCER}</pdf:Producer>`);
    expect(x).toContain('<pdf:Keywords>prawa, naloty</pdf:Keywords>');
    expect(x).toContain(`<xmp:CreatorTool>${i.Creator}</xmp:CreatorTool>`);
    expect(x).toContain('<rightsprint:version>2026.1</rightsprint:version>');
    expect(x).toContain('<rightsprint:date>2026-03-01</rightsprint:date>');
    expect(x).toContain('<rightsprint:extra_translation_status>reviewed 2026-02-20</rightsprint:extra_translation_status>');
    // Well-formed enough for a strict reader: every rdf:Description closes, no raw & or < in text.
    expect(x.match(/<rdf:Description/g)!.length).toBe(x.match(/<\/rdf:Description>/g)!.length);
    expect(x).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    const text = pdf.toString('latin1');
    for (const leak of [process.cwd(), tmpdir(), process.env.USER ?? 'no-user-set', process.env.HOME ?? 'no-home-set']) {
      if (leak.length > 3) expect(text).not.toContain(leak);
    }
  });

  it('is deterministic: two renders are byte-identical; a different edition gets a different /ID', async () => {
    const a = await renderPdf(withExtra(), { env: {} });
    const b = await renderPdf(withExtra(), { env: {} });
    expect(Buffer.compare(a, b)).toBe(0);
    const other = withExtra();
    const c = await renderPdf({ ...other, metadata: { ...other.metadata, version: '2026.2' } }, { env: {} });
    const id = (p: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(p.toString('latin1'))![1];
    expect(id(c)).not.toBe(id(a));
  });

  it('respects SOURCE_DATE_EPOCH and rejects a malformed one', async () => {
    const pdf = await renderPdf(withExtra(), { env: { SOURCE_DATE_EPOCH: '1767225600' } }); // 2026-01-01T00:00:00Z
    const objs = objsOf(pdf);
    expect(info(objs, pdf).CreationDate).toBe('D:20260101000000Z');
    expect(xmp(objs)).toContain('<xmp:CreateDate>2026-01-01T00:00:00Z</xmp:CreateDate>');
    const bad = await renderPdf(withExtra(), { env: { SOURCE_DATE_EPOCH: 'yesterday' } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(UserError);
    expect((bad as UserError).diagnostics.map((d) => d.code)).toEqual(['RP6001']);
  });

  it('rejects an edition date that is not a calendar date (RP6002) instead of stamping a wrong one', async () => {
    const spec = withExtra();
    const err = await renderPdf({ ...spec, metadata: { ...spec.metadata, date: '2026-13-45' } }, { env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).diagnostics.map((d) => d.code)).toEqual(['RP6002']);
  });

  it('names the installed pdfkit in the fixed Producer', () => {
    const pdfkitVersion = JSON.parse(readFileSync('node_modules/pdfkit/package.json', 'utf8')).version;
    expect(PRODUCER).toContain(`pdfkit ${pdfkitVersion}`);
  });
});

describe('renderPdf: standards', () => {
  const xmpOf = async (spec: DocumentSpec, standard: 'none' | 'ua' | 'a-2b' | 'a-3b') => {
    const pdf = await renderPdf(spec, { standard, env: {} });
    const objs = objsOf(pdf);
    return { pdf, objs, xmp: objectsWhere(objs, /\/Type \/Metadata/)[0]!.stream!.toString('utf8') };
  };

  it('PDF/UA-1: pdfuaid:part 1, tagged, DisplayDocTitle, PDF 1.7', async () => {
    const { pdf, objs, xmp } = await xmpOf(simpleDoc(PARAS.slice(0, 2)), 'ua');
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).not.toContain('pdfaid:');
    const cat = catalog(objs).body;
    expect(objs.get(refOf(cat, 'ViewerPreferences')!)!.body).toMatch(/DisplayDocTitle true/);
    expect(objs.get(refOf(cat, 'MarkInfo')!)!.body).toMatch(/Marked true/);
  });

  for (const [standard, part] of [
    ['a-2b', '2'],
    ['a-3b', '3'],
  ] as const) {
    it(`PDF/A-${part}b: pdfaid part/conformance, sRGB OutputIntent with an embedded ICC profile`, async () => {
      const { objs, xmp } = await xmpOf(simpleDoc(PARAS.slice(0, 2)), standard);
      expect(xmp).toContain(`<pdfaid:part>${part}</pdfaid:part>`);
      expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(xmp).toContain('<pdfaSchema:prefix>rightsprint</pdfaSchema:prefix>');
      const intent = objectsWhere(objs, /\/Type \/OutputIntent/)[0]!;
      expect(intent.body).toMatch(/\/S \/GTS_PDFA1/);
      const icc = objs.get(refOf(intent.body, 'DestOutputProfile')!)!;
      expect(icc.stream!.subarray(36, 40).toString('latin1')).toBe('acsp'); // ICC profile signature
    });
  }

  it('none is still tagged and has no conformance claim', async () => {
    const { objs, xmp } = await xmpOf(simpleDoc(PARAS.slice(0, 1)), 'none');
    expect(xmp).not.toMatch(/pdfaid:part|pdfuaid:part/);
    expect(refOf(catalog(objs).body, 'StructTreeRoot')).toBeDefined();
  });

  it('refuses PDF/A with CMYK colours (needs a CMYK output intent) with a diagnostic', async () => {
    const spec = { ...simpleDoc(PARAS.slice(0, 1)), colorMode: 'cmyk' as const };
    const err = await renderPdf(spec, { standard: 'a-2b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).diagnostics[0]!.code).toBe('RP6005');
    await expect(renderPdf(spec, { standard: 'ua' })).resolves.toBeInstanceOf(Buffer);
  });
});

/** A press page: bleed and trim boxes, CMYK, a background rect in bleed, a translated and clipped group. */
function pressDoc(colorMode: 'rgb' | 'cmyk'): DocumentSpec {
  const base = simpleDoc([{ text: 'HHHH', lang: 'en', size: 20 }]);
  const line = base.pages[0]!.frame.items[0]!;
  const W = 200;
  const H = 100;
  return {
    ...base,
    colorMode,
    pages: [
      {
        width: W,
        height: H,
        bleedBox: { x: 5, y: 5, width: W - 10, height: H - 10 },
        trimBox: { x: 10, y: 10, width: W - 20, height: H - 20 },
        frame: {
          width: W,
          height: H,
          items: [
            { x: 20, y: 30, item: { kind: 'rect', width: 50, height: 20, fill: RED } },
            { x: 20, y: 80, item: line.item },
            // Translated group: its local (0,0)-(10,10) square must land at the group's corner (100, 0).
            {
              x: 100,
              y: 0,
              item: {
                kind: 'group',
                clip: true,
                frame: {
                  width: 80,
                  height: 100,
                  items: [
                    { x: 0, y: 0, item: { kind: 'rect', width: 10, height: 10, fill: BLACK } },
                    // Extends past the group's right edge (page x 180) onto the page: clipped there.
                    { x: 75, y: 40, item: { kind: 'path', d: 'M0 0h30v30h-30z', fill: BLACK } },
                    { x: 50, y: 10, item: { kind: 'path', d: 'M0 0L20 0', stroke: BLACK, lineWidth: 1, dash: [2, 2] } },
                  ],
                },
              },
            },
          ],
        },
      },
    ],
  };
}

describe('renderPdf: pages, colour, pixels', () => {
  it('writes MediaBox, TrimBox and BleedBox in PDF (bottom-left) coordinates', async () => {
    const objs = objsOf(await renderPdf(pressDoc('cmyk')));
    const page = pages(objs)[0]!;
    expect(numbers(page.body, 'MediaBox')).toEqual([0, 0, 200, 100]);
    expect(numbers(page.body, 'BleedBox')).toEqual([5, 5, 195, 95]);
    expect(numbers(page.body, 'TrimBox')).toEqual([10, 10, 190, 90]);
  });

  it('uses only CMYK operators in a press file (text 100 % K) and only RGB in a home file', async () => {
    const streams = async (mode: 'rgb' | 'cmyk') => {
      const objs = objsOf(await renderPdf(pressDoc(mode)));
      return pages(objs)
        .map((p) => objs.get(refOf(p.body, 'Contents')!)!.stream!.toString('latin1'))
        .join('\n');
    };
    const cmyk = await streams('cmyk');
    expect(cmyk).not.toMatch(/\b(rg|RG|sc|SC|scn|SCN|cs|CS|g|G)\n/);
    expect(cmyk).toMatch(/^0 0 0 1 k$/m); // black text and shapes: pure K
    expect(cmyk).toMatch(/^0 1 0\.8 0\.1 k$/m); // RED's CMYK form
    const rgb = await streams('rgb');
    expect(rgb).not.toMatch(/\b(k|K)\n/);
    expect(rgb).toMatch(/^0 0 0 rg$/m);
  });

  it.skipIf(!POPPLER)('puts ink where the frame says (72 dpi render: 1 px = 1 pt), translated and clipped groups too', async () => {
    const spec = pressDoc('rgb');
    const path = tempPdf(await renderPdf(spec));
    run('pdftoppm', ['-r', '72', '-png', '-singlefile', path, `${path}-img`]);
    const png = PNG.sync.read(readFileSync(`${path}-img.png`));
    const at = (x: number, y: number) => {
      const i = (png.width * y + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    const ink = (x0: number, y0: number, x1: number, y1: number, test: (c: number[]) => boolean) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (test(at(x, y))) n++;
      return n;
    };
    const isRed = (c: number[]) => c[0]! > 150 && c[1]! < 80 && c[2]! < 100;
    const isDark = (c: number[]) => c[0]! < 100 && c[1]! < 100 && c[2]! < 100;
    expect(png.width).toBe(200);
    // Red rect at (20,30) 50×20: full inside (1 px margin for anti-aliasing), nothing red elsewhere.
    expect(ink(21, 31, 69, 49, isRed)).toBe(48 * 18);
    expect(ink(0, 0, 200, 100, isRed)).toBeLessThanOrEqual(50 * 20 + 2 * (50 + 20) + 4);
    // Text "HHHH" 20 pt, baseline y=80 from x=20: ink between baseline−cap height and the baseline.
    const lineInk = ink(20, 60, 100, 81, isDark);
    expect(lineInk).toBeGreaterThan(100);
    expect(ink(0, 81, 100, 100, isDark)).toBe(0); // nothing below the baseline (H has no descender)
    expect(ink(0, 50, 19, 100, isDark)).toBe(0); // nothing left of the line start
    // Group at x=100: local square (0..10, 0..10) lands at page (100..110, 0..10).
    expect(ink(101, 1, 109, 9, isDark)).toBe(64);
    // Clipped: the 30×30 square at local (75,40) shows only its 5 pt wide part inside the group, at page (175..180, 40..70).
    expect(ink(176, 41, 179, 69, isDark)).toBe(3 * 28);
    expect(ink(181, 35, 200, 75, isDark)).toBe(0);
  });

  it.skipIf(!POPPLER)('draws JPEG images as DCT-encoded XObjects (JPEG made by pdftoppm from a rendered page)', async () => {
    const page = tempPdf(await renderPdf(pressDoc('rgb')));
    run('pdftoppm', ['-r', '20', '-jpeg', '-singlefile', page, `${page}-photo`]);
    const spec: DocumentSpec = {
      ...simpleDoc([]),
      structure: { id: 'doc', role: 'Document', children: [{ id: 'photo', role: 'Figure', alt: 'A sample card', children: [] }] },
      pages: [
        {
          width: 100,
          height: 60,
          frame: {
            width: 100,
            height: 60,
            items: [{ x: 0, y: 0, item: { kind: 'image', src: 'photo.jpg', data: readFileSync(`${page}-photo.jpg`), width: 100, height: 50, tag: 'photo' } }],
          },
        },
      ],
    };
    const objs = objsOf(await renderPdf(spec));
    const images = objectsWhere(objs, /\/Subtype \/Image/);
    expect(images).toHaveLength(1);
    expect(images[0]!.body).toMatch(/\/Filter \/DCTDecode/);
    const content = objs.get(refOf(pages(objs)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
    expect(content).toMatch(/\/Figure <<\n\/MCID 0\n>> BDC\nq\n100 0 0 -50 0 50 cm\n\/I1 Do\nQ\nEMC/);
  });

  it('draws PNG images and SVG logos (as vector paths, CMYK in a press file); refuses an SVG it cannot draw with a diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-img-'));
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(0);
    for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
    writeFileSync(join(dir, 'logo.png'), PNG.sync.write(png));
    writeFileSync(
      join(dir, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><title>Logo</title><rect x="0" y="0" width="10" height="10" fill="#000"/><circle cx="15" cy="5" r="5" fill="#c8102e"/></svg>',
    );
    writeFileSync(join(dir, 'text.svg'), '<svg viewBox="0 0 10 10"><text x="0" y="5">ESA</text></svg>');
    const doc = (src: string): DocumentSpec => ({
      ...simpleDoc([]),
      colorMode: 'cmyk',
      structure: { id: 'doc', role: 'Document', children: [{ id: 'logo', role: 'Figure', alt: 'Network logo', children: [] }] },
      pages: [
        {
          width: 100,
          height: 100,
          frame: {
            width: 100,
            height: 100,
            items: [{ x: 10, y: 10, item: { kind: 'image', src: basename(src), data: readFileSync(src), width: 40, height: 20, tag: 'logo' } }],
          },
        },
      ],
    });
    const pngPdf = objsOf(await renderPdf(doc(join(dir, 'logo.png'))));
    expect(objectsWhere(pngPdf, /\/Subtype \/Image/).length).toBeGreaterThan(0); // image (+ alpha SMask)
    const svgObjs = objsOf(await renderPdf(doc(join(dir, 'logo.svg'))));
    expect(objectsWhere(svgObjs, /\/Subtype \/Image/).length).toBe(0);
    const content = svgObjs.get(refOf(pages(svgObjs)[0]!.body, 'Contents')!)!.stream!.toString('latin1');
    expect(content).toMatch(/^0 0 0 1 k$/m); // #000 → pure K in a press file
    expect(content).toMatch(/^0 0\.92 0\.77 0\.216 k$/m); // #c8102e, naive CMYK
    expect(content).not.toMatch(/DeviceRGB|\b(rg|RG|scn|SCN)\n/);
    // Inside the logo's Figure marked content, scaled from the 20 × 10 viewBox into the 40 × 20 box at (10, 10).
    expect(content).toMatch(/\/Figure <<\n\/MCID 0\n>> BDC\nq\n1 0 0 1 10 10 cm\n[\s\S]*\n2 0 0 2 0 0 cm\n[\s\S]*\nEMC/);
    const err = await renderPdf(doc(join(dir, 'text.svg'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).diagnostics[0]!.code).toBe('RP6003');
    expect((err as UserError).message).toContain('text.svg');
    expect((err as UserError).message).not.toContain(dir);
    writeFileSync(join(dir, 'broken.png'), Buffer.from('\x89PNG\r\n\x1a\n not really a PNG', 'latin1'));
    const broken = await renderPdf(doc(join(dir, 'broken.png'))).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(UserError);
    expect((broken as UserError).diagnostics.map((d) => d.code)).toEqual(['RP6004']);
    expect((broken as UserError).message).toContain('broken.png');
  });
});
