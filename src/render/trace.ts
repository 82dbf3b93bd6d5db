import type { Direction, Line } from '../text/types.ts';

/**
 * The text trace: what the engine set, as JSON, for tests, proofs and bug reports. Runs are in visual order,
 * glyphs in HarfBuzz order, numbers in font units exactly as HarfBuzz returned them — so a trace line can be
 * compared with `hb-shape --font-file <font> --script <script> --language <language> --direction <direction>`.
 */

/** One glyph of a traced run. */
export interface TraceGlyph {
  readonly id: number;
  readonly cluster: number;
  readonly ax: number;
  readonly dx: number;
  readonly dy: number;
}

export interface TraceRun {
  /** Font file relative to the repository root, e.g. `fonts/noto-sans/NotoSans_400Regular.ttf`. */
  readonly font: string;
  readonly faceIndex: number;
  /** Points. */
  readonly size: number;
  /** ISO 15924. */
  readonly script: string;
  /** BCP 47 tag given to the shaper. */
  readonly language: string;
  /** Language the run is marked with in the PDF (/Lang), only when it is not the paragraph's (ShapedRun.spanLang). */
  readonly spanLang?: string;
  readonly direction: Direction;
  /** Logical text of the run. */
  readonly text: string;
  readonly glyphs: readonly TraceGlyph[];
}

export interface TraceLine {
  readonly text: string;
  readonly runs: readonly TraceRun[];
}

export interface Trace {
  readonly lang: string;
  readonly direction: Direction;
  readonly lines: readonly TraceLine[];
}

/** The trace of `lines` (already in the order they are set) for a paragraph or document in `lang`. */
export function traceLines(lang: string, direction: Direction, lines: readonly Line[]): Trace {
  return {
    lang,
    direction,
    lines: lines.map((line) => ({
      text: line.text,
      runs: line.runs.map((run) => ({
        font: run.face.file,
        faceIndex: run.face.faceIndex,
        size: run.size,
        script: run.script,
        language: run.language,
        ...(run.spanLang === undefined ? {} : { spanLang: run.spanLang }),
        direction: run.direction,
        text: run.text,
        glyphs: run.glyphs.map((g) => ({ id: g.id, cluster: g.cluster, ax: g.ax, dx: g.dx, dy: g.dy })),
      })),
    })),
  };
}
