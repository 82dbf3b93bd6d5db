import type { DocumentSpec, Frame } from '../layout/frame.ts';
import type { Glyph } from '../text/types.ts';

/**
 * The document trace: every text line a DocumentSpec draws, where and with which glyphs, as compact JSON —
 * the second consumer of layout frames besides the PDF writer. Golden tests keep one per material × script
 * family (tests/golden/), so a change in line breaking, fitting, fallback or placement shows as a reviewed
 * diff of text, not as a picture. Positions are page coordinates in points (top-left origin, y = baseline),
 * rounded to 0.01 pt; glyphs are listed per run in HarfBuzz order as `id:advance`, plus `(dx,dy)` when HarfBuzz
 * offsets the glyph (marks), all in font units as shaped — so a change in spacing (kerning, letter spacing, a
 * different face or shaping) shows even where the glyph ids and line positions stay the same.
 */

export interface TracedLine {
  readonly x: number;
  readonly y: number;
  /** Structure node id, or `artifact` for untagged lines (sheet copies, labels). */
  readonly tag: string;
  /** The line's own language when it differs from the document's. */
  readonly lang?: string;
  readonly text: string;
  /** One entry per run in visual order: `font@size script direction: id:ax id:ax(dx,dy) …` (see traceGlyph). */
  readonly runs: readonly string[];
}

export interface DocumentTrace {
  readonly lang: string;
  readonly pages: readonly { readonly width: number; readonly height: number; readonly lines: readonly TracedLine[] }[];
}

/** Rounding for positions: 0.01 pt is far below anything visible and stable across platforms. */
const round = (n: number): number => Math.round(n * 100) / 100;

/** The trace writer's entry point: every text line `doc` draws, page by page, in drawing order (see above). */
export function traceDocument(doc: DocumentSpec): DocumentTrace {
  return {
    lang: doc.lang,
    pages: doc.pages.map((page) => ({ width: round(page.width), height: round(page.height), lines: traceFrame(page.frame, 0, 0) })),
  };
}

/**
 * The document trace as the file golden tests keep and `rightsprint proof --trace` writes: JSON indented by one
 * space, with a final newline, so the two are the same format byte for byte.
 */
export function documentTraceJson(doc: DocumentSpec): string {
  return `${JSON.stringify(traceDocument(doc), null, 1)}\n`;
}

function traceFrame(frame: Frame, ox: number, oy: number): TracedLine[] {
  return frame.items.flatMap(({ x, y, item }): TracedLine[] => {
    if (item.kind === 'group') return traceFrame(item.frame, ox + x, oy + y);
    if (item.kind !== 'line') return [];
    return [
      {
        x: round(ox + x),
        y: round(oy + y),
        tag: item.tag ?? 'artifact',
        ...(item.lang === undefined ? {} : { lang: item.lang }),
        text: item.line.text,
        runs: item.line.runs.map((run) => `${run.face.id}@${round(run.size)} ${run.script} ${run.direction}: ${run.glyphs.map(traceGlyph).join(' ')}`),
      },
    ];
  });
}

/** `id:ax`, and `(dx,dy)` after it when the glyph is offset: font units, exactly as shaped. */
function traceGlyph(g: Glyph): string {
  return `${g.id}:${g.ax}${g.dx === 0 && g.dy === 0 ? '' : `(${g.dx},${g.dy})`}`;
}
