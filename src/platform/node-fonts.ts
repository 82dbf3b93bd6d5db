import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../diagnostics/codes.ts';
import { placed, UserError } from '../diagnostics/diagnostic.ts';
import type { ManifestFace } from '../fonts/registry.ts';
import { REPO_ROOT } from './repo-root.ts';

/** Repository-relative fonts folder. */
const FONTS_DIR = 'fonts';

/** fonts/<file> of the repository, verified (the CLI's FontSource). */
export function readFontFile(m: ManifestFace): Uint8Array {
  return readVerifiedFont(REPO_ROOT, m);
}

/**
 * A face's bytes, checked against its sha256 in the manifest before any parser sees them. A truncated, damaged or
 * swapped font would otherwise crash HarfBuzz or fontkit (a stack, exit 3), or worse, parse and set wrong glyphs;
 * the build's input hash also relies on the manifest standing for the fonts' bytes. Missing or different files are
 * user-fixable problems (RP4003, RP4002) naming the file. Hashing costs ~20 ms per MB, once per face per process.
 */
export function readVerifiedFont(root: string, m: ManifestFace): Buffer {
  const shown = `${FONTS_DIR}/${m.file}`;
  const restore = `Restore it from the repository (git checkout -- ${shown}) or from its source: ${m.source}`;
  let data: Buffer;
  try {
    data = readFileSync(join(root, FONTS_DIR, m.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError([
      placed('error', CODES.fonts.fontMissing, `font file of face ${m.id} cannot be read (${code}): nothing can be set in ${m.family}`, shown, [restore]),
    ]);
  }
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== m.sha256) {
    throw new UserError([
      placed(
        'error',
        CODES.fonts.fontMismatch,
        `font file of face ${m.id} does not match fonts/manifest.json: its sha256 is ${actual.slice(0, 12)}…, the manifest says ${m.sha256.slice(0, 12)}… (${data.byteLength} bytes read) — truncated, damaged or replaced`,
        shown,
        [restore, 'If you replaced the font on purpose, put its sha256 (and licence and source) in fonts/manifest.json.'],
      ),
    ]);
  }
  return data;
}
