import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import type { LogoReadProblem } from './read-logo.ts';

/** The code and the fix for each way a logo file can be unusable (read-logo.ts). */
const LOGO_PROBLEMS: Readonly<Record<LogoReadProblem['kind'], { readonly code: string; readonly hints: readonly string[] }>> = {
  notFile: {
    code: CODES.layout.logoNotFile,
    hints: ['Give the path of the logo file itself (e.g. assets/logo.svg), relative to the content folder, and check the file can be read.'],
  },
  unreadable: { code: CODES.layout.logoNotFile, hints: ['Check the file can be read (permissions), or copy it again into the content folder.'] },
  damaged: {
    code: CODES.layout.logoDamaged,
    hints: ['Export the logo again from its original: the file was probably cut short when it was copied or downloaded. Open it in an image viewer to check.'],
  },
  tooLarge: {
    code: CODES.layout.logoTooLarge,
    hints: ['Resize it: the largest logo box needs about 1000 pixels on the longer side (600 dpi); export a smaller PNG, or give the logo as an SVG.'],
  },
  format: { code: CODES.layout.logoFormat, hints: ['Give the logo as an SVG, a PNG or a baseline JPEG.'] },
  unsupported: {
    code: CODES.layout.logoUnsupportedSvg,
    hints: [
      'Change the logo as the message says and export the SVG again (shapes, groups, CSS classes, gradients, clip paths and masks are drawn),',
      'or export it as a PNG at 600 dpi.',
    ],
  },
  unsafe: {
    code: CODES.layout.logoUnsafeSvg,
    hints: [
      'A logo file must be a plain drawing: export it again from the design tool (Inkscape: Save As > Optimized or Plain SVG; Illustrator: Export As > SVG; Figma: Export > SVG),',
      'without scripts, links to other files or a DOCTYPE, or export it as a PNG at 600 dpi.',
    ],
  },
};

/** The error for a logo setting whose file cannot be used; `where` names the edition when there is no span. */
export function logoProblemDiagnostic(problem: LogoReadProblem, setting: string, span?: SourceSpan, where = ''): Diagnostic {
  const { code, hints } = LOGO_PROBLEMS[problem.kind];
  return error(code, `Logo \`${setting}\`${where} cannot be used: ${problem.reason}.`, span, [...hints, 'Or remove settings.logo to print without a logo.']);
}
