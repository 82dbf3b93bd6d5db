import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { decodeText } from '../content/decode-text.ts';
import { languageDiagnostic } from '../content/validate.ts';
import { CODES } from '../diagnostics/codes.ts';
import { placed, UserError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { scriptsWithFonts } from '../content/scripts-with-fonts.ts';
import { languageInfo, languageProblem } from '../content/languages.ts';
import type { KeyedMissingGlyph } from '../layout/types.ts';
import { buildProof } from '../materials/proof.ts';
import { renderPdf } from '../render/pdf.ts';
import { documentTraceJson } from '../render/trace-document.ts';
import { layoutParagraph } from '../text/layout-paragraph.ts';
import { UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

/** `rightsprint proof`: the proof sheet (materials/proof.ts) of a text given on the command line or in a file. */

/** RP4001 for each distinct character of the proof text no bundled font can draw, at the text's place. */
function missingGlyphs(missing: readonly KeyedMissingGlyph[], place: string): Diagnostic[] {
  const seen = new Set<string>();
  return missing.flatMap(({ key, glyph }) => {
    const id = `${key}|${glyph.codePoint}|${glyph.lang}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [
      placed(
        'error',
        CODES.fonts.missingGlyph,
        `${key} contains ${JSON.stringify(glyph.char)} (${glyph.codePoint}) at offset ${glyph.offset}, which no bundled font can draw (${glyph.lang}).`,
        place,
        ['Check for a typo or a character from another script; if it is needed, add a font for it to fonts/manifest.json.'],
      ),
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
        throw new UsageError(`--file ${values.file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, [
          'Give the path of a UTF-8 text file.',
        ]);
      }
      // A proof of a file saved in a legacy code page would show U+FFFD, not the text the user meant to check.
      const decoded = decodeText(bytes, values.file, { language: lang, script: languageInfo(lang)!.script });
      if (decoded.text === undefined) throw new UserError(decoded.diagnostics);
      text = decoded.text;
    } else text = values.text!;

    const proof = buildProof(lang, text, { widthMm, size }, layoutParagraph);
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
