import { COLORS } from '../layout/colors.ts';
import { mm } from '../layout/units.ts';
import type { PressGeometry } from '../print/press-page.ts';
import { PRESS } from './specs.ts';

/** Press geometry in points (PRESS converted once), shared by the press file of every material. */
export const PRESS_GEOMETRY = {
  bleed: mm(PRESS.bleed),
  slug: mm(PRESS.slug),
  marks: { offset: mm(PRESS.markOffset), length: mm(PRESS.markLength), lineWidth: PRESS.markWidthPt, color: COLORS.marks },
} as const satisfies PressGeometry;
