import { folderSource } from '#platform';
import { contentKey } from '../content/source.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import { COLORS } from '../layout/colors.ts';
import type { Positioned } from '../layout/frame.ts';
import { fitLogo, readLogoFrom, type Logo } from '../content/read-logo.ts';
import { CODES } from '../diagnostics/codes.ts';
import { logoProblemDiagnostic } from '../content/logo-diagnostic.ts';
import type { MaterialOptions } from './types.ts';

/** The edition's logo, ready to place, with the alt text of its Figure (the organisation's name). */
export interface EditionLogo {
  readonly logo: Logo;
  readonly alt: string;
}

/**
 * The edition logo (`settings.logo`, relative to the content folder), when there is one and the caller passed
 * the content's files (`contentFiles`, or `contentRoot` for a folder on disk). The content loader already checked the
 * file (validate.ts); when layout is called without it, the same checks give the same codes here (RP3105–RP3110),
 * and a logo outside the folder is RP3004.
 */
export function editionLogo(doc: LocalizedDoc, opts: MaterialOptions): { readonly logo?: EditionLogo; readonly diagnostics: readonly Diagnostic[] } {
  const setting = doc.settings.logo;
  const files = opts.contentFiles ?? (opts.contentRoot ? folderSource(opts.contentRoot) : undefined);
  if (!setting || !files) return { diagnostics: [] };
  const key = contentKey(setting);
  // Defence in depth: never read outside the content folder, whatever the caller validated.
  if (key === undefined || files.outside?.(key)) return { diagnostics: [logoError(doc, setting, 'it is outside the content folder')] };
  const read = readLogoFrom(files, key);
  if (!read.ok) return { diagnostics: [logoProblemDiagnostic(read, setting, undefined, ` of edition ${doc.edition.name}`)] };
  return { logo: { logo: read.logo, alt: doc.settings.organisation }, diagnostics: [] };
}

function logoError(doc: LocalizedDoc, setting: string, reason: string): Diagnostic {
  return error(CODES.layout.logoUnreadable, `Logo \`${setting}\` of edition ${doc.edition.name} cannot be used: ${reason}.`, undefined, [
    'Give settings.logo as an SVG, PNG or JPEG file inside the content folder, relative to it,',
    'or remove settings.logo to print without a logo.',
  ]);
}

/** A white plate behind a logo on a coloured band, so a logo drawn for white paper stays visible. */
export interface LogoPlate {
  /** Padding around the logo, points. */
  readonly pad: number;
  readonly radius: number;
}

/**
 * The logo fitted into maxWidth × maxHeight (the plate, when given, included), as items relative to the block's
 * top-left corner. The image carries `tag` (a Figure node the caller adds with `alt`); the plate is an artifact.
 */
export function logoBlock(
  logo: Logo,
  maxWidth: number,
  maxHeight: number,
  plate?: LogoPlate,
  tag?: string,
): { readonly width: number; readonly height: number; readonly items: Positioned[] } {
  const pad = plate?.pad ?? 0;
  const size = fitLogo(logo, maxWidth - 2 * pad, maxHeight - 2 * pad);
  const width = size.width + 2 * pad;
  const height = size.height + 2 * pad;
  const items: Positioned[] = [];
  if (plate) items.push({ x: 0, y: 0, item: { kind: 'rect', width, height, fill: COLORS.white, radius: plate.radius } });
  items.push({ x: pad, y: pad, item: { kind: 'image', src: logo.src, data: logo.data, width: size.width, height: size.height, ...(tag ? { tag } : {}) } });
  return { width, height, items };
}
