import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { decodeText } from '../content/decode-text.ts';
import { languageDiagnostic } from '../content/validate.ts';
import { CODES } from '../diagnostics/codes.ts';
import { placed, UserError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { scriptsWithFonts } from '../fonts/scripts-with-fonts.ts';
import { languageInfo, languageProblem } from '../i18n/languages.ts';
import type { Color, DocumentSpec, Page } from '../layout/frame.ts';
import { nodeIds } from '../layout/node-ids.ts';
import { paginate } from '../layout/paginate.ts';
import { plainParagraph } from '../layout/paragraphize.ts';
import { setPieces } from '../layout/set-pieces.ts';
import { stackRows } from '../layout/stack-rows.ts';
import type { KeyedMissingGlyph, TextPiece, TextStyle } from '../layout/types.ts';
import { mm } from '../layout/units.ts';
import { renderPdf } from '../render/pdf.ts';
import { documentTraceJson } from '../render/trace-document.ts';
import { layoutParagraph } from '../text/layout-paragraph.ts';
import { UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
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

export interface ProofOptions {
  readonly widthMm: number;
  readonly size: number;
}

export interface Proof {
  readonly doc: DocumentSpec;
  /** Text lines set, over all pages. */
  readonly lineCount: number;
  /** Characters no font can draw, keyed by the paragraph they are in (`paragraph 2`). */
  readonly missing: readonly KeyedMissingGlyph[];
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

/**
 * Lay out `text` in `lang` on as many A4 pages as needed, with the materials' own layout steps (setPieces →
 * paginate → stackRows): the same line boxes, leading corrections, RTL alignment and orphan/widow rules as the
 * leaflet body. Pure apart from font loading.
 */
export function buildProof(lang: string, text: string, opts: ProofOptions): Proof {
  const info = languageInfo(lang);
  const margin = mm(MARGIN_MM);
  const pieces: TextPiece[] = splitParagraphs(text).map((para, n) => ({ key: `paragraph ${n + 1}`, role: 'P', paragraph: plainParagraph(para, lang) }));
  const style: TextStyle = { size: opts.size, leading: LEADING, color: BLACK, align: 'start', paragraphSpace: PARAGRAPH_GAP, bulletIndent: 0 };
  const set = setPieces(pieces, { width: mm(opts.widthMm), style, docLang: lang, setText: layoutParagraph, ids: nodeIds('proof') });
  const pageRows = paginate(set.rows, () => A4.height - 2 * margin);
  const pages: Page[] = pageRows.map((rows) => ({ width: A4.width, height: A4.height, frame: { width: A4.width, height: A4.height, items: stackRows(rows, margin, margin) } }));
  const doc: DocumentSpec = {
    lang,
    pages,
    structure: { id: 'doc', role: 'Document', lang, children: set.nodes },
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
  return { doc, lineCount: set.rows.length, missing: set.missing };
}

/** RP4001 for each distinct character of the proof text no bundled font can draw, at the text's place. */
function missingGlyphs(missing: readonly KeyedMissingGlyph[], place: string): Diagnostic[] {
  const seen = new Set<string>();
  return missing.flatMap(({ key, glyph }) => {
    const id = `${key}|${glyph.codePoint}|${glyph.lang}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [
      placed('error', CODES.fonts.missingGlyph, `${key} contains ${JSON.stringify(glyph.char)} (${glyph.codePoint}) at offset ${glyph.offset}, which no bundled font can draw (${glyph.lang}).`, place, [
        'Check for a typo or a character from another script; if it is needed, add a font for it to fonts/manifest.json.',
      ]),
    ];
  });
}

export const proofCommand: Command = defineCommand({
  name: 'proof',
  summary: 'Typeset any text in a language’s fonts to a PDF proof (and a glyph trace)',
  help: `Usage: rightsprint proof --lang <code> (--text "…" | --file <txt>) --out <pdf> [options]

Sets the text with the same engine and layout as the materials (bidi, shaping, font fallback, line breaking,
line spacing) on A4 pages, so you can check a translation before it goes into content/. Paragraphs are
separated by blank lines. Exits 1 and lists every character no bundled font can draw (nothing is written then).

Options:
  --lang <code>     Any BCP 47 language code whose script has a font (e.g. ar, ur, bn, my, zh-Hans, sw).
  --text <text>     The text to set, or
  --file <txt>      a UTF-8 text file with it.
  --out <pdf>       Where to write the PDF.
  --width-mm <mm>   Measure (line length) in millimetres (default 80, the leaflet column).
  --size <pt>       Font size in points (default 11).
  --trace <json>    Also write the text trace, in the format of the golden traces (tests/golden/traces/): every
                    line with its page position, and per run the font, size, script, direction and glyph ids.
  -h, --help        This help.

Example:
  rightsprint proof --lang ar --text "اتصل على 0800 123 4567" --out ar-proof.pdf --trace ar-proof.json
`,
  options: {
    lang: { type: 'string' },
    text: { type: 'string' },
    file: { type: 'string' },
    out: { type: 'string' },
    trace: { type: 'string' },
    'width-mm': { type: 'string', default: '80' },
    size: { type: 'string', default: '11' },
  },
  async run({ values }, io) {
    const see = 'See `rightsprint proof --help`.';
    const lang = values.lang;
    if (!lang) throw new UsageError('Name the language with --lang <code>.', [see]);
    const problem = languageProblem(lang, scriptsWithFonts());
    if (problem) {
      printDiagnostics(io, [languageDiagnostic(lang, problem, undefined, '--lang')]);
      return EXIT.usage;
    }
    if ((values.text === undefined) === (values.file === undefined)) throw new UsageError('Give exactly one of --text or --file.', [see]);
    if (!values.out) throw new UsageError('Say where to write the PDF with --out <pdf>.', [see]);
    const widthMm = Number(values['width-mm']);
    const size = Number(values.size);
    if (!(widthMm >= 10 && widthMm <= 1000)) throw new UsageError(`--width-mm must be a number of millimetres (10–1000), not "${values['width-mm']}".`);
    if (!(size >= 2 && size <= 500)) throw new UsageError(`--size must be a number of points (2–500), not "${values.size}".`);

    let text: string;
    if (values.file !== undefined) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(resolve(io.cwd, values.file));
      } catch (e) {
        throw new UsageError(`--file ${values.file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, ['Give the path of a UTF-8 text file.']);
      }
      // A proof of a file saved in a legacy code page would show U+FFFD, not the text the user meant to check.
      const decoded = decodeText(bytes, values.file, { language: lang, script: languageInfo(lang)!.script });
      if (decoded.text === undefined) throw new UserError(decoded.diagnostics);
      text = decoded.text;
    } else text = values.text!;

    const proof = buildProof(lang, text, { widthMm, size });
    if (proof.missing.length > 0) throw new UserError(missingGlyphs(proof.missing, values.file ?? '--text'));
    if (values.trace !== undefined) {
      const tracePath = resolve(io.cwd, values.trace);
      mkdirSync(dirname(tracePath), { recursive: true });
      writeFileSync(tracePath, documentTraceJson(proof.doc));
    }
    const pdf = await renderPdf(proof.doc);
    const outPath = resolve(io.cwd, values.out);
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, pdf);
    io.out(`Wrote ${relative(io.cwd, outPath) || outPath}: ${proof.doc.pages.length} page(s), ${proof.lineCount} line(s).`);
    return EXIT.ok;
  },
});
