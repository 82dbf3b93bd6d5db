/**
 * Issue #11 "Never print the wrong thing" — bad inputs. Each case feeds the loader or the CLI a file a user
 * could really produce (Notepad "ANSI", a pasted RLO, a half-copied logo, a pasted document) and checks it is
 * refused (or warned about) at file:line:col with the right code, instead of printing wrong text with exit 0.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { decodeText, firstInvalidUtf8 } from '../../src/content/decode-text.ts';
import { INVISIBLE_CHARS, invisibleCharDiagnostics } from '../../src/content/invisible-chars.ts';
import { guessLegacyEncoding } from '../../src/content/legacy-encodings.ts';
import type { YamlFile } from '../../src/content/read-yaml.ts';
import { readYamlFile as readYaml } from '../../src/platform/read-yaml-file.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { crc32, inspectLogo, LOGO_MAX_BYTES } from '../../src/content/inspect-logo.ts';
import { layoutCardSide } from '../../src/materials/card-side.ts';
import type { SetText } from '../../src/layout/types.ts';
import { layoutParagraph } from '../../src/text/layout-paragraph.ts';
import { copyFixture, edit, run } from '../unit/cli/helpers.ts';

const at = (d: Diagnostic) => `${d.span ? `${d.span.file.replace(/^.*?content\//u, '')}:${d.span.line}:${d.span.col}` : '-'} ${d.code}`;
const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

/** Windows-1250 has no encoder in Node; these are the bytes Notepad writes for the Polish letters used here. */
const CP1250: Record<string, number> = { ą: 0xb9, ę: 0xea, ó: 0xf3, ż: 0xbf, ł: 0xb3, ś: 0x9c, ć: 0xe6 };
function encode1250(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : (CP1250[c] ?? 0x3f))));
}
/** Windows-1256 bytes of a few Arabic letters (for the code-page guess). */
const CP1256: Record<string, number> = {
  ا: 0xc7,
  ع: 0xda,
  ر: 0xd1,
  ف: 0xdd,
  ح: 0xcd,
  ق: 0xde,
  و: 0xe6,
  ك: 0xdf,
  ل: 0xe1,
  م: 0xe3,
  ت: 0xca,
  ي: 0xed,
  ن: 0xe4,
  د: 0xcf,
  ه: 0xe5,
};
function encode1256(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : (CP1256[c] ?? 0x3f))));
}

function yamlFile(text: string): YamlFile {
  const lineCounter = new LineCounter();
  return {
    rel: 'translations/x.yaml',
    display: 'x.yaml',
    text,
    doc: parseDocument(text, { lineCounter }),
    lineCounter,
    diagnostics: [],
    readable: true,
    fastPath: false,
  };
}

describe('3. content files that are not UTF-8 are refused, located, with the encoding they look like', () => {
  it('a Polish translation saved as Windows-1250: check, status and build exit 1 at the first bad byte; export refuses too', async () => {
    const { dir, content } = copyFixture('content-basic');
    const path = join(content, 'translations/pl.yaml');
    const utf8 = readFileSync(path, 'utf8');
    writeFileSync(path, encode1250(utf8));
    const check = await run(['check', '--content', content], dir);
    expect(check.code).toBe(1);
    // Line 8 is "    text: Masz prawa, gdy zatrzymują cię …": ą is character 36.
    expect(check.err).toMatch(/translations\/pl\.yaml:8:36 {2}RP1010 {2}The file is not valid UTF-8: byte 0xB9 .*Windows-1250 .*"zatrzymują"/u);
    expect(check.err).toContain('iconv -f WINDOWS-1250 -t UTF-8');
    expect(check.err).not.toContain('\uFFFD');
    expect((await run(['status', '--content', content], dir)).code).toBe(1);
    const out = join(dir, 'out');
    expect((await run(['build', '--content', content, '--out', out, '--material', 'card'], dir)).code).toBe(1);
    expect(existsSync(join(out, 'generic/pl'))).toBe(false);
    const exp = await run(['export', '--content', content, '--lang', 'pl', '--out', join(dir, 'ex')], dir);
    expect(exp.code).toBe(1);
    expect(readFileSync(path)).toEqual(encode1250(utf8)); // untouched
  });

  it('a Latin-1 project.yaml names Windows-1252 and the word; nothing else is reported from the unreadable file', () => {
    const { content } = copyFixture('content-basic');
    const path = join(content, 'project.yaml');
    writeFileSync(
      path,
      Buffer.from(readFileSync(path, 'utf8').replace('organisation: Example Anti-Raids Network', 'organisation: Réseau interprète'), 'latin1'),
    );
    const { diagnostics, content: doc } = loadContent(content);
    expect(doc).toBeUndefined();
    expect(diagnostics.map(at)).toEqual(['project.yaml:9:18 RP1010']);
    expect(diagnostics[0]!.message).toContain('Windows-1252');
    expect(diagnostics[0]!.message).toContain('"Réseau"');
  });

  it("an Arabic translation in Windows-1256 is named as such (by the file's language), not as Windows-1252", () => {
    const bytes = encode1256('text: اعرف حقوقك\n');
    expect(guessLegacyEncoding(bytes, { language: 'ar', script: 'Arab' })?.label).toBe('windows-1256');
    const d = decodeText(bytes, 'ar.yaml', { language: 'ar', script: 'Arab' }).diagnostics[0]!;
    expect(d.code).toBe('RP1010');
    expect(d.message).toContain('Windows-1256');
    expect(d.message).toContain('"اعرف"');
    // Without a hint, runs of accented Latin letters are implausible: Arabic bytes are still not called Western.
    expect(guessLegacyEncoding(bytes)?.label).not.toBe('windows-1252');
  });

  it('UTF-16 with or without a byte-order mark is refused at 1:1 (not decoded into garbage or a misleading syntax error)', () => {
    const { content } = copyFixture('content-basic');
    const path = join(content, 'translations/ar.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    let ds = loadContent(content).diagnostics.filter((d) => d.span?.file.endsWith('ar.yaml'));
    expect(ds.map(at)).toEqual(['translations/ar.yaml:1:1 RP1011']);
    expect(ds[0]!.message).toMatch(/UTF-16 \(little-endian with a byte-order mark; Notepad calls it "Unicode"\)/u);
    writeFileSync(path, Buffer.from(text, 'utf16le'));
    ds = loadContent(content).diagnostics.filter((d) => d.span?.file.endsWith('ar.yaml'));
    expect(ds.map(at)).toEqual(['translations/ar.yaml:1:1 RP1011']);
    expect(ds[0]!.message).toContain('without a byte-order mark');
  });

  it('a UTF-8 byte-order mark keeps working: same content, same positions', () => {
    const { content } = copyFixture('content-basic');
    const plain = loadContent(content);
    const path = join(content, 'translations/ar.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    const bom = loadContent(content);
    expect(errors(bom.diagnostics)).toEqual([]);
    expect(bom.content!.translations.get('ar')).toEqual(plain.content!.translations.get('ar'));
    expect(bom.content!.spans.get('translations/ar.yaml#strings.title.text')).toEqual(plain.content!.spans.get('translations/ar.yaml#strings.title.text'));
  });

  it("an organisation's own locales/<lang>/ui.json in Latin-1 is refused the same way", () => {
    const { content } = copyFixture('content-basic');
    mkdirSync(join(content, 'locales/pl'), { recursive: true });
    writeFileSync(join(content, 'locales/pl/ui.json'), Buffer.from('{\n  "hotlineLabel": "Appelé"\n}\n', 'latin1'));
    expect(loadContent(content).diagnostics.map(at)).toContain('locales/pl/ui.json:2:25 RP1010');
  });

  it('proof --file refuses a Windows-1252 text file instead of typesetting U+FFFD', async () => {
    const { dir } = copyFixture('content-basic');
    writeFileSync(join(dir, 'p.txt'), Buffer.from('Puede pedir un intérprete.\n', 'latin1'));
    const r = await run(['proof', '--lang', 'es', '--file', 'p.txt', '--out', 'p.pdf'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('p.txt:1:19  RP1010');
    expect(r.err).toContain('"intérprete"');
    expect(r.err).toContain('iconv -f WINDOWS-1252 -t UTF-8 p.txt > converted.txt');
    expect(existsSync(join(dir, 'p.pdf'))).toBe(false);
  });

  it('finds the first bad byte exactly: stray continuation, overlong, surrogate, beyond U+10FFFF, cut-off sequence', () => {
    const b = (...x: number[]) => new Uint8Array([0x61, ...x, 0x62]);
    expect(firstInvalidUtf8(new TextEncoder().encode('añ€😀'))).toBe(-1);
    expect(firstInvalidUtf8(b(0x80))).toBe(1);
    expect(firstInvalidUtf8(b(0xc0, 0xaf))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(b(0xe0, 0x80, 0xaf))).toBe(1); // overlong
    expect(firstInvalidUtf8(b(0xed, 0xa0, 0x80))).toBe(1); // surrogate D800
    expect(firstInvalidUtf8(b(0xf4, 0x90, 0x80, 0x80))).toBe(1); // U+110000
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // cut off at the end
  });
});

describe('5. invisible bidi controls are errors, other invisible characters warnings, joiners and marks allowed', () => {
  it('RLO in an Arabic translation stops check at the character; an escaped isolate at its escape', async () => {
    const { dir, content } = copyFixture('content-basic');
    const path = join(content, 'translations/ar.yaml');
    edit(path, 'text: اعرف حقوقك\n', 'text: اعرف \u202Eحقوقك\n');
    edit(path, '"{{organisation}}: {{hotline}}"', '"{{organisation}}:\\u2067 {{hotline}}"');
    const ds = loadContent(content).diagnostics.filter((d) => d.code === 'RP1012');
    expect(ds.map(at)).toEqual(['translations/ar.yaml:5:16 RP1012', 'translations/ar.yaml:21:29 RP1012']);
    expect(ds[0]!.message).toBe(
      '`title` contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible bidi control: it forces the letters after it into right-to-left order, so words print backwards.',
    );
    const check = await run(['check', '--content', content], dir);
    expect(check.code).toBe(1);
    expect(check.err).toContain('RP1012');
  });

  it('every embedding, override and isolate control is an error in any file, settings included', () => {
    const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const cp of controls) {
      expect(INVISIBLE_CHARS.find((c) => cp >= c.from && cp <= c.to)?.action).toBe('error');
      const ds = invisibleCharDiagnostics(yamlFile(`settings:\n  hotline: "0800${String.fromCodePoint(cp)} 123"\n`));
      expect(ds.map((d) => `${d.code} ${d.span!.line}:${d.span!.col}`)).toEqual(['RP1012 2:17']);
    }
  });

  it('zero-width space, word joiner, mid-text BOM and soft hyphen warn once per value with the count; ZWJ, ZWNJ, LRM, RLM, ALM never', () => {
    const ds = invisibleCharDiagnostics(yamlFile('strings:\n  a:\n    text: "x\u200By\u200Bz\u2060w\uFEFFv\u00ADu"\n'));
    expect(ds.map((d) => `${d.severity} ${d.code} ${d.span!.col}`)).toEqual([
      'warning RP1013 13',
      'warning RP1013 17',
      'warning RP1013 19',
      'warning RP1013 21',
    ]);
    expect(ds[0]!.message).toBe(
      '`a` contains 2 × U+200B ZERO WIDTH SPACE, which a translator cannot see: it is invisible and lets a line break inside a word; usually pasted from a web page (it is only used to mark word boundaries in Thai, Khmer, Burmese and Lao).',
    );
    // Persian می‌خواهم (ZWNJ), Devanagari क्‍ष (ZWJ), a family emoji (ZWJ), Hebrew and Arabic with marks.
    const legit = 'strings:\n  a: "می\u200Cخواهم क्\u200Dष 👩\u200D👩\u200D👧 (שלום)\u200F \u061C123 abc\u200E"\n';
    expect(invisibleCharDiagnostics(yamlFile(legit))).toEqual([]);
  });

  it('zero-width space is allowed in Thai, Khmer, Burmese and Lao text (word boundaries), not in Arabic', () => {
    const file = yamlFile('strings:\n  a: "คุณมีสิทธิ\u200Bขอความช่วยเหลือ"\n');
    expect(invisibleCharDiagnostics(file, 'Thai')).toEqual([]);
    expect(invisibleCharDiagnostics(file, 'Arab').map((d) => d.code)).toEqual(['RP1013']);
  });

  it('a warning does not stop the build', async () => {
    const { dir, content } = copyFixture('content-basic');
    edit(join(content, 'translations/ar.yaml'), 'في الشارع', 'في\u200B الشارع');
    const check = await run(['check', '--content', content, '--lang', 'ar', '--edition', 'generic'], dir);
    expect(check.err).toMatch(/translations\/ar\.yaml:11:13 {2}RP1013 warning/u);
    expect(check.code).toBe(0);
  });
});

/** A valid 8 × 4 RGBA PNG. */
function png(width = 8, height = 4): Buffer {
  const p = new PNG({ width, height });
  for (let i = 0; i < p.data.length; i++) p.data[i] = (i * 37) & 0xff;
  return PNG.sync.write(p);
}
/** Offset of a PNG chunk's length field. */
function chunkAt(b: Buffer, type: string): number {
  for (let pos = 8; pos < b.length; pos += 12 + b.readUInt32BE(pos)) if (b.toString('latin1', pos + 4, pos + 8) === type) return pos;
  throw new Error(`no ${type}`);
}
/** The PNG with one byte of its compressed image data changed and the chunk CRC recomputed (so only inflating finds it). */
function corruptPixels(b: Buffer): Buffer {
  const out = Buffer.from(b);
  const pos = chunkAt(out, 'IDAT');
  const len = out.readUInt32BE(pos);
  out[pos + 8 + Math.floor(len / 2)]! ^= 0x5a;
  out.writeUInt32BE(crc32(out.subarray(pos + 4, pos + 8 + len)), pos + 8 + len);
  return out;
}
/** A structurally complete JPEG: SOI, SOF (64 × 32, `sof` marker), SOS with a few data bytes, EOI. */
function jpeg(sof = 0xc0, precision = 8): Buffer {
  return Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x04,
    0x00,
    0x00,
    0xff,
    sof,
    0x00,
    0x11,
    precision,
    0x00,
    0x20,
    0x00,
    0x40,
    0x03,
    1,
    0x11,
    0,
    2,
    0x11,
    0,
    3,
    0x11,
    0,
    0xff,
    0xda,
    0x00,
    0x0c,
    0x03,
    1,
    0x00,
    2,
    0x11,
    3,
    0x11,
    0x00,
    0x3f,
    0x00,
    0x12,
    0xff,
    0x00,
    0x34,
    0xff,
    0xd0,
    0x56,
    0xff,
    0xd9,
  ]);
}

describe('8. logos are decoded completely before use', () => {
  const kind = (bytes: Uint8Array, name = 'logo.png') => {
    const r = inspectLogo(bytes, name);
    return r.ok ? `ok ${r.format} ${r.width}x${r.height}` : r.problem.kind;
  };

  it('PNG: valid; corrupt image data under a correct CRC; wrong CRC; cut short; no IEND; wrong size data', () => {
    const good = png();
    expect(kind(good)).toBe('ok png 8x4');
    expect(kind(corruptPixels(good))).toBe('damaged');
    const badCrc = Buffer.from(good);
    badCrc[chunkAt(badCrc, 'IDAT') + 9]! ^= 1;
    expect(inspectLogo(badCrc, 'x.png')).toMatchObject({
      ok: false,
      problem: { kind: 'damaged', reason: expect.stringContaining('checksum of its IDAT chunk') },
    });
    expect(kind(good.subarray(0, Math.floor(good.length / 2)))).toBe('damaged');
    expect(inspectLogo(good.subarray(0, chunkAt(good, 'IEND')), 'x.png')).toMatchObject({ ok: false, problem: { reason: expect.stringContaining('no IEND') } });
    // IHDR claims 9 × 4 pixels but the data holds 8 × 4: the CRC is right, the pixel data is not.
    const wrongSize = Buffer.from(good);
    const ihdr = chunkAt(wrongSize, 'IHDR');
    wrongSize.writeUInt32BE(9, ihdr + 8);
    wrongSize.writeUInt32BE(crc32(wrongSize.subarray(ihdr + 4, ihdr + 8 + 13)), ihdr + 8 + 13);
    expect(inspectLogo(wrongSize, 'x.png')).toMatchObject({
      ok: false,
      problem: { kind: 'damaged', reason: expect.stringContaining('image data is corrupt') },
    });
  });

  it('JPEG: valid; cut short (no EOI); lossless or 12-bit cannot go into a PDF', () => {
    expect(kind(jpeg(), 'x.jpg')).toBe('ok jpeg 64x32');
    const j = jpeg();
    expect(kind(j.subarray(0, j.length - 2), 'x.jpg')).toBe('damaged');
    expect(kind(j.subarray(0, 30), 'x.jpg')).toBe('damaged');
    expect(kind(jpeg(0xc3), 'x.jpg')).toBe('format');
    expect(kind(jpeg(0xc0, 12), 'x.jpg')).toBe('format');
  });

  it('SVG: a truncated file is damaged even though its first shapes parse; unsupported features stay RP3109, unsafe ones are RP3110', () => {
    const svg = readFileSync(new URL('../../content/assets/example-logo.svg', import.meta.url));
    expect(kind(svg, 'l.svg')).toBe('ok svg 120x120');
    expect(kind(svg.subarray(0, Math.floor(svg.length * 0.7)), 'l.svg')).toBe('damaged');
    expect(kind(Buffer.from('<svg viewBox="0 0 10 10"><rect width="5" height="5"/>'), 'l.svg')).toBe('damaged');
    expect(kind(Buffer.from('<svg viewBox="0 0 10 10"><text>A</text></svg>'), 'l.svg')).toBe('unsupported');
    expect(kind(Buffer.from('<svg viewBox="0 0 10 10"><path d="M0 0h1" onclick="x()"/></svg>'), 'l.svg')).toBe('unsafe');
  });

  it('too large: over 2 MB, or over 4000 px on a side', () => {
    expect(kind(new Uint8Array(LOGO_MAX_BYTES + 1))).toBe('tooLarge');
    expect(kind(png(4001, 1))).toBe('tooLarge');
    expect(kind(png(4000, 1))).toBe('ok png 4000x1');
  });

  it('each problem is a located error at settings.logo; a folder is RP3105, not a crash; the build exits 1', async () => {
    const { dir, content } = copyFixture('content-basic');
    const cases: [string, Buffer | 'folder', string][] = [
      ['assets/corrupt.png', corruptPixels(png()), 'RP3106'],
      ['assets/cut.svg', readFileSync(join(content, 'assets/logo.svg')).subarray(0, 80), 'RP3106'],
      ['assets/huge.png', png(4001, 2), 'RP3107'],
      ['assets/notes.png', Buffer.from('not an image'), 'RP3108'],
      ['assets/text.svg', Buffer.from('<svg viewBox="0 0 10 10"><text>A</text></svg>'), 'RP3109'],
      ['assets/script.svg', Buffer.from('<svg viewBox="0 0 10 10"><script>alert(1)</script><path d="M0 0h1"/></svg>'), 'RP3110'],
      ['assets/dir.svg', 'folder', 'RP3105'],
    ];
    for (const [rel, bytes, code] of cases) {
      if (bytes === 'folder') mkdirSync(join(content, rel));
      else writeFileSync(join(content, rel), bytes);
      const editionPath = join(content, 'editions/local.yaml');
      writeFileSync(editionPath, readFileSync(editionPath, 'utf8').replace(/logo: .*/u, `logo: ${rel}`));
      const ds = errors(loadContent(content).diagnostics);
      expect(ds.map(at)).toEqual([`editions/local.yaml:7:9 ${code}`]);
      expect(ds[0]!.message).toContain(`Logo \`${rel}\` cannot be used:`);
    }
    const build = await run(['build', '--content', content, '--out', join(dir, 'out'), '--lang', 'pl', '--material', 'card'], dir);
    expect(build.code).toBe(1);
    expect(build.err).toContain('RP3105');
    expect(build.err).not.toMatch(/EISDIR|\n\s+at /u);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('11. huge strings are refused before layout, and an overflowing card is known after two layouts', () => {
  it('a 200 KB card key is RP1014 at the key, with the schema description as hint; check never lays it out', async () => {
    const { dir, content } = copyFixture('content-basic');
    edit(join(content, 'guidance/en.yaml'), '  card.call: "Call {{hotline}}"', `  card.call: "${'Call {{hotline}} '.repeat(12_000)}"`);
    const ds = errors(loadContent(content).diagnostics);
    expect(ds.map(at)).toEqual(['guidance/en.yaml:18:14 RP1014']);
    expect(ds[0]!.message).toBe('`strings.card.call` is 204000 characters long; at most 5000 are allowed.');
    expect(ds[0]!.hints[0]).toMatch(/^Text in the source language: at most 5000 characters/u);
    const check = await run(['check', '--content', content], dir);
    expect(check.code).toBe(1);
    expect(check.err).not.toContain('RP3002');
  });

  it('a 5 MB file is refused unread (RP1015); translations and settings have their own limits', () => {
    const { content } = copyFixture('content-basic');
    writeFileSync(
      join(content, 'translations/pl.yaml'),
      `language: pl\nstrings:\n  title:\n    text: "${'x'.repeat(5 * 1024 * 1024)}"\n    source: 133f9810\n`,
    );
    edit(join(content, 'translations/ar.yaml'), 'text: اعرف حقوقك\n', `text: ${'ح'.repeat(8001)}\n`);
    edit(join(content, 'project.yaml'), 'hotline: PLACEHOLDER-set-your-hotline', `hotline: "${'0'.repeat(501)}"`);
    const ds = errors(loadContent(content).diagnostics);
    expect(ds.map(at).sort()).toEqual(['project.yaml:11:12 RP1014', 'translations/ar.yaml:5:11 RP1014', 'translations/pl.yaml:1:1 RP1015']);
  });

  it('a card side that cannot fit is laid out at two sizes (9 pt, then 6.5 pt), not eleven', () => {
    const sizes = new Set<number>();
    const counting: SetText = (p, o) => {
      sizes.add(o.size);
      return layoutParagraph(p, o);
    };
    const text = 'You can stay silent. '.repeat(100);
    const piece = { key: 'card.rights', role: 'P' as const, paragraph: { text, lang: 'en', spans: [] } };
    const side = layoutCardSide({ title: [], body: [piece], hotline: [], notes: [], lang: 'en', dir: 'ltr' }, 'en', counting);
    expect(side.fits).toBe(false);
    expect(side.size).toBe(6.5);
    expect([...sizes].sort()).toEqual([6.5, 9]);
  });

  it('duplicate keys are still reported at the repeat, in linear time (the parser check was quadratic)', () => {
    const { content } = copyFixture('content-basic');
    const keys = Array.from({ length: 3000 }, (_, i) => `  k${i}: "x"`).join('\n');
    const path = join(content, 'history-like.yaml');
    writeFileSync(path, `strings:\n${keys}\n  k7: "again"\n`);
    const file = readYaml(path, 'x.yaml', 'x.yaml');
    expect(file.diagnostics.map((d) => `${d.code} ${d.span!.line}:${d.span!.col} ${d.message}`)).toEqual([
      'RP1002 3002:3 Duplicate key `k7`: the same key appears twice in one mapping.',
    ]);
  });
});
