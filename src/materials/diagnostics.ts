import { CODES } from '../diagnostics/codes.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { KeyedMissingGlyph } from '../layout/types.ts';

/** One error per distinct (language, key, character): the build must not print tofu on a legal card. */
export function missingGlyphDiagnostics(missing: readonly KeyedMissingGlyph[], languageName: (code: string) => string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { key, glyph } of missing) {
    const id = `${glyph.lang}|${key}|${glyph.codePoint}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(
      error(
        CODES.fonts.missingGlyph,
        `${languageName(glyph.lang)} (${glyph.lang}): "${key}" contains "${glyph.char}" (${glyph.codePoint}), which no bundled font can draw.`,
        undefined,
        [
          `replace ${glyph.codePoint} in the "${key}" translation if it is a typo or a look-alike character`,
          `or add a font covering ${glyph.codePoint} to fonts/manifest.json and to the language's font stack`,
        ],
      ),
    );
  }
  return out;
}

export function noKeysDiagnostic(material: string): Diagnostic {
  return error(CODES.layout.noKeys, `No content keys were given for the ${material}: MaterialOptions.keys is missing.`, undefined, [
    'pass project.materials (content/project.yaml `materials:`) as MaterialOptions.keys',
  ]);
}
