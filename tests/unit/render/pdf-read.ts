import { inflateSync } from 'node:zlib';

/**
 * A minimal reader for the PDFs pdfkit writes (classic xref, no object streams): enough to check dictionaries,
 * content streams and font widths in tests without another dependency. Not a general PDF parser.
 */
export interface PdfObject {
  readonly id: number;
  /** The object's text before `stream` (latin1). */
  readonly body: string;
  /** Decoded stream bytes (FlateDecode inflated), if the object has a stream. */
  readonly stream?: Buffer;
}

export function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const id = Number(m[1]);
    const start = m.index + m[0].length;
    const end = text.indexOf('\nendobj', start);
    const chunk = text.slice(start, end);
    const s = chunk.indexOf('\nstream\n');
    if (s < 0) {
      out.set(id, { id, body: chunk });
      continue;
    }
    const body = chunk.slice(0, s);
    const len = Number(/\/Length (\d+)/.exec(body)?.[1]);
    const raw = pdf.subarray(start + s + 8, start + s + 8 + len);
    const stream = /\/Filter \/FlateDecode/.test(body) ? inflateSync(raw) : Buffer.from(raw);
    out.set(id, { id, body, stream });
    re.lastIndex = end;
  }
  return out;
}

/** Objects whose dictionary matches `pattern`. */
export function objectsWhere(objs: Map<number, PdfObject>, pattern: RegExp): PdfObject[] {
  return [...objs.values()].filter((o) => pattern.test(o.body));
}

/** Follow `/Key n 0 R` in a body. */
export function refOf(body: string, key: string): number | undefined {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : undefined;
}

/** Page objects in page-tree order (pdfkit writes one flat /Kids array). */
export function pages(objs: Map<number, PdfObject>): PdfObject[] {
  const tree = objectsWhere(objs, /\/Type \/Pages/)[0]!;
  const kids = /\/Kids \[([^\]]*)\]/.exec(tree.body)![1]!;
  return [...kids.matchAll(/(\d+) 0 R/g)].map((k) => objs.get(Number(k[1]))!);
}

/** A numeric array entry such as /TrimBox [a b c d]. */
export function numbers(body: string, key: string): number[] | undefined {
  const m = new RegExp(`/${key} \\[([^\\]]*)\\]`).exec(body);
  return m ? m[1]!.trim().split(/\s+/).map(Number) : undefined;
}

/** Decode a PDF string token: (literal) with escapes, or <hex>; UTF-16BE with BOM becomes JS text. */
export function pdfString(token: string): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  } else {
    bytes = [];
    const s = token.slice(1, -1);
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0));
        continue;
      }
      const n = s[++i]!;
      const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in map) bytes.push(map[n]!);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
        bytes.push(parseInt(oct, 8));
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
  return Buffer.from(bytes).toString('latin1');
}

/** The /W array of a CIDFont as cid → width (pdfkit writes `[0 [w0 w1 …]]`). */
export function widthsOf(body: string): number[] {
  const m = /\/W \[0 \[([^\]]*)\]\]/.exec(body);
  return m ? m[1]!.trim().split(/\s+/).map(Number) : [];
}

/** Map a page's font resource names (F1, …) to their CIDFont /W arrays. */
export function pageFontWidths(objs: Map<number, PdfObject>, page: PdfObject): Map<string, number[]> {
  const res = objs.get(refOf(page.body, 'Resources')!)!.body;
  const fonts = /\/Font <<([\s\S]*?)>>/.exec(res)?.[1] ?? '';
  const out = new Map<string, number[]>();
  for (const f of fonts.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const type0 = objs.get(Number(f[2]))!.body;
    const desc = Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(type0)![1]);
    out.set(f[1]!, widthsOf(objs.get(desc)!.body));
  }
  return out;
}

/** One shown glyph recovered from a content stream: font, CID and origin in PDF page coordinates (y up). */
export interface ShownGlyph {
  readonly font: string;
  readonly cid: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Interpret the text operators our renderer writes (Tf, Tm, Ts, Tc, TJ inside BT/ET, `cm` ignored except pdfkit's
 * page flip) and return every glyph's origin. Assumes the page CTM is pdfkit's `1 0 0 -1 0 H` flip and no other
 * `cm` around text (true for items outside groups).
 */
export function shownGlyphs(content: string, widths: Map<string, number[]>, pageHeight: number): ShownGlyph[] {
  const out: ShownGlyph[] = [];
  const tokens = content.match(/\[[^\]]*\]\s*TJ|\/\w+\s+[-\d.]+\s+Tf|(?:[-\d.]+\s+){6}Tm|[-\d.]+\s+T[sc]\b/g) ?? [];
  let font = '';
  let size = 0;
  let tm = [1, 0, 0, 1, 0, 0];
  let tx = 0;
  let rise = 0;
  let charSpace = 0;
  for (const t of tokens) {
    if (t.endsWith('Tf')) {
      const [, f, s] = /\/(\w+)\s+([-\d.]+)/.exec(t)!;
      font = f!;
      size = Number(s);
    } else if (t.endsWith('Tm')) {
      tm = t.trim().split(/\s+/).slice(0, 6).map(Number);
      tx = 0;
    } else if (t.endsWith('Ts')) {
      rise = Number(t.split(/\s+/)[0]);
    } else if (t.endsWith('Tc')) {
      charSpace = Number(t.split(/\s+/)[0]);
    } else {
      const w = widths.get(font)!;
      const inner = /\[([^\]]*)\]/.exec(t)![1]!;
      for (const part of inner.match(/<[0-9a-fA-F]*>|[-\d.]+/g) ?? []) {
        if (part.startsWith('<')) {
          for (const h of part.slice(1, -1).match(/..../g) ?? []) {
            const cid = parseInt(h, 16);
            // Text space (tx, rise) → user space via Tm; then pdfkit's page flip (y' = H − y).
            const ux = tm[0]! * tx + tm[2]! * rise + tm[4]!;
            const uy = tm[1]! * tx + tm[3]! * rise + tm[5]!;
            out.push({ font, cid, x: ux, y: pageHeight - uy });
            tx += ((w[cid] ?? 0) / 1000) * size + charSpace;
          }
        } else {
          tx -= (Number(part) / 1000) * size;
        }
      }
    }
  }
  return out;
}

/** A font's ToUnicode CMap as code → text: bfrange arrays (pdfkit) and bfchar entries (render/text-codes.ts). */
export function toUnicode(objs: Map<number, PdfObject>, type0Id: number): Map<number, string> {
  const cmap = objs.get(refOf(objs.get(type0Id)!.body, 'ToUnicode')!)!.stream!.toString('latin1');
  const out = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar\n([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-f]{4})> <([0-9a-f]*)>/g)) {
      const units = (m[2]!.match(/..../g) ?? []).map((h) => parseInt(h, 16));
      out.set(parseInt(m[1]!, 16), String.fromCharCode(...units));
    }
  }
  for (const m of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
    const start = parseInt(m[1]!, 16);
    [...m[2]!.matchAll(/<([0-9a-f ]*)>/g)].forEach((e, i) => {
      const units = e[1]!.trim()
        ? e[1]!
            .trim()
            .split(' ')
            .map((h) => parseInt(h, 16))
        : [];
      out.set(start + i, String.fromCharCode(...units));
    });
  }
  return out;
}

/** A Type0 font's /CIDToGIDMap stream as CID → subset glyph id (render/font-embed.ts writes one per font). */
export function cidToGid(objs: Map<number, PdfObject>, type0Id: number): number[] {
  const desc = Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(objs.get(type0Id)!.body)![1]);
  const map = objs.get(refOf(objs.get(desc)!.body, 'CIDToGIDMap')!)!.stream!;
  const out: number[] = [];
  for (let i = 0; i + 1 < map.length; i += 2) out.push(map.readUInt16BE(i));
  return out;
}

/** Font resource name (F1, …) → Type0 font object id, for a page. */
export function pageFontIds(objs: Map<number, PdfObject>, page: PdfObject): Map<string, number> {
  const res = objs.get(refOf(page.body, 'Resources')!)!.body;
  const fonts = /\/Font <<([\s\S]*?)>>/.exec(res)?.[1] ?? '';
  return new Map([...fonts.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((f) => [f[1]!, Number(f[2])]));
}
