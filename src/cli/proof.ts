import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { languageDiagnostic } from '../content/validate.ts';
import { decodeText } from '../content/decode-text.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { scriptsWithFonts } from '../content/scripts-with-fonts.ts';
import { languageInfo, languageProblem } from '../content/languages.ts';
import type { Color, DocumentSpec, Page, Positioned, StructNode } from '../layout/frame.ts';
import { renderPdf } from '../render/pdf.ts';
import { traceLines } from '../render/trace.ts';
import { layoutParagraph } from '../text/layout-paragraph.ts';
import type { Line, MissingGlyph } from '../text/types.ts';
import { EXIT, type CliIO, type Command } from './command.ts';
import { parseCommandLine } from './args.ts';
import { printDiagnostics } from './report.ts';

/**
 * `rightsprint proof`: typeset any text in any known language with the real engine, on A4 pages, so a translator
 * or reviewer can check what the cards will show before the text goes into content/ — and get a trace to attach
 * to a bug report.
 */

/** A4 portrait in points (210 × 297 mm). */
const A4 = { width: 595.28, height: 841.89 } as const;
/** Page margin, mm: generous enough for home printers' unprintable edges (≈ 5 mm). */
const MARGIN_MM = 20;
/** Line spacing for proofs: 1.25 × the line's own font-metric height, close to the leaflet body text. */
const LEADING = 1.25;
/** Space between paragraphs, as a multiple of the font size. */
const PARAGRAPH_GAP = 0.8;
/** Proofs are not editions: a fixed date keeps identical input byte-identical (the PDF writer derives dates from it). */
const PROOF_DATE = '2026-01-01';
/** Body text: black, and 100 % K for press-like proofs. */
const BLACK: Color = { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] };

const mm = (v: number): number => (v * 72) / 25.4;

export interface ProofOptions {
  readonly widthMm: number;
  readonly size: number;
}

export interface Proof {
  readonly doc: DocumentSpec;
  /** All lines in reading order (for the trace). */
  readonly lines: readonly Line[];
  readonly missing: readonly MissingGlyph[];
}

/** Paragraphs are separated by blank lines; a single newline inside a paragraph is a forced line break. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC')
    .split(/\n[ \t]*\n+/u)
    .map((p) => p.replace(/^\n+|\n+$/gu, ''))
    .filter((p) => p.trim() !== '');
}

/** Lay out `text` in `lang` and place the lines on as many A4 pages as needed. Pure apart from font loading. */
export function buildProof(lang: string, text: string, opts: ProofOptions): Proof {
  const info = languageInfo(lang);
  const measure = mm(opts.widthMm);
  const margin = mm(MARGIN_MM);
  const paragraphs = splitParagraphs(text);

  const pages: Page[] = [];
  const nodes: StructNode[] = [];
  const allLines: Line[] = [];
  const missing: MissingGlyph[] = [];
  let items: Positioned[] = [];
  let y = margin;
  const flush = (): void => {
    pages.push({ width: A4.width, height: A4.height, frame: { width: A4.width, height: A4.height, items } });
    items = [];
    y = margin;
  };

  paragraphs.forEach((para, n) => {
    const tag = `p${n + 1}`;
    nodes.push({ id: tag, role: 'P', children: [] });
    const layout = layoutParagraph({ text: para, lang, spans: [] }, { width: measure, size: opts.size, leading: LEADING });
    missing.push(...layout.missing);
    if (n > 0) y += opts.size * PARAGRAPH_GAP;
    for (const line of layout.lines) {
      const height = (line.ascent + line.descent) * LEADING;
      if (y + height > A4.height - margin && items.length > 0) flush();
      // Half the extra leading above the line, half below, so the first line's ascent is not clipped.
      const baseline = y + ((LEADING - 1) * (line.ascent + line.descent)) / 2 + line.ascent;
      // RTL lines align to the right edge of the measure.
      const x = margin + (line.direction === 'rtl' ? measure - line.width : 0);
      items.push({ x, y: baseline, item: { kind: 'line', line, color: BLACK, tag } });
      allLines.push(line);
      y += height;
    }
  });
  if (items.length > 0 || pages.length === 0) flush();

  const doc: DocumentSpec = {
    lang,
    pages,
    structure: { id: 'doc', role: 'Document', lang, children: nodes },
    metadata: {
      title: `Text proof (${info?.name ?? lang})`,
      subject: `rightsprint proof, ${opts.size} pt on a ${opts.widthMm} mm measure`,
      keywords: ['proof', lang],
      author: 'rightsprint',
      version: 'proof',
      date: PROOF_DATE,
    },
    colorMode: 'rgb',
  };
  return { doc, lines: allLines, missing };
}

export const proofCommand: Command = {
  name: 'proof',
  summary: 'Typeset any text in a language’s fonts to a PDF proof (and a glyph trace)',
  help: `Usage: rightsprint proof --lang <code> (--text "…" | --file <txt>) --out <pdf> [options]

Sets the text with the same engine as the cards (bidi, shaping, font fallback, line breaking) on A4 pages,
so you can check a translation before it goes into content/. Paragraphs are separated by blank lines.
Exits 1 and lists every character no bundled font can draw (nothing is written then).

Options:
  --lang <code>     Any BCP 47 language code whose script has a font (e.g. ar, ur, bn, my, zh-Hans, sw).
  --text <text>     The text to set, or
  --file <txt>      a UTF-8 text file with it.
  --out <pdf>       Where to write the PDF.
  --width-mm <mm>   Measure (line length) in millimetres (default 80, the leaflet column).
  --size <pt>       Font size in points (default 11).
  --trace <json>    Also write the text trace: fonts, scripts, directions and glyphs of every run.

Example:
  rightsprint proof --lang ar --text "اتصل على 0800 123 4567" --out ar-proof.pdf --trace ar-proof.json
`,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(proofCommand.help);
      return EXIT.ok;
    }
    const { values } = parseCommandLine(argv, {
      lang: { type: 'string' },
      text: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      trace: { type: 'string' },
      'width-mm': { type: 'string', default: '80' },
      size: { type: 'string', default: '11' },
    }, 'proof', false);
    const lang = values.lang;
    if (!lang) return usage(io, 'name the language with --lang <code>.');
    const problem = languageProblem(lang, scriptsWithFonts());
    if (problem) {
      printDiagnostics(io, [languageDiagnostic(lang, problem, undefined, '--lang')]);
      return EXIT.usage;
    }
    if ((values.text === undefined) === (values.file === undefined)) return usage(io, 'give exactly one of --text or --file.');
    if (!values.out) return usage(io, 'say where to write the PDF with --out <pdf>.');
    const widthMm = Number(values['width-mm']);
    const size = Number(values.size);
    if (!(widthMm >= 10 && widthMm <= 1000)) return usage(io, `--width-mm must be a number of millimetres (10–1000), not "${values['width-mm']}".`);
    if (!(size >= 2 && size <= 500)) return usage(io, `--size must be a number of points (2–500), not "${values.size}".`);

    let text: string;
    if (values.file !== undefined) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(resolve(io.cwd, values.file));
      } catch (e) {
        io.err(`rightsprint proof: cannot read ${values.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        return EXIT.content;
      }
      // A proof of a file saved in a legacy code page would show U+FFFD, not the text the user meant to check.
      const decoded = decodeText(bytes, values.file, { language: lang, script: languageInfo(lang)!.script });
      if (decoded.text === undefined) {
        formatDiagnostics(decoded.diagnostics).forEach((l) => io.err(l));
        return EXIT.content;
      }
      text = decoded.text;
    } else text = values.text!;

    const proof = buildProof(lang, text, { widthMm, size });
    if (proof.missing.length > 0) {
      for (const m of proof.missing) {
        io.err(`error RP4001: no bundled font for ${JSON.stringify(m.char)} ${m.codePoint} at offset ${m.offset} (${m.lang})`);
      }
      io.err('  hint: check for a typo or a character from another script; if it is needed, add a font for it to fonts/manifest.json.');
      return EXIT.content;
    }
    if (values.trace !== undefined) {
      const tracePath = resolve(io.cwd, values.trace);
      mkdirSync(dirname(tracePath), { recursive: true });
      const info = languageInfo(lang)!;
      writeFileSync(tracePath, `${JSON.stringify(traceLines(lang, info.dir, proof.lines), null, 1)}\n`);
    }
    const pdf = await renderPdf(proof.doc);
    const outPath = resolve(io.cwd, values.out);
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, pdf);
    io.out(`Wrote ${relative(io.cwd, outPath) || outPath}: ${proof.doc.pages.length} page(s), ${proof.lines.length} line(s).`);
    return EXIT.ok;
  },
};

function usage(io: CliIO, message: string): number {
  io.err(`rightsprint proof: ${message}`);
  io.err('Run `rightsprint proof --help` for usage.');
  return EXIT.usage;
}
