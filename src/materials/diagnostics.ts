import { error } from '../diagnostics/diagnostic.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { KeyedMissingGlyph } from '../layout/types.ts';

/**
 * Stable diagnostic codes of the materials (RP3xxx layout/materials, RP4xxx glyphs; see README).
 * RP3001 no materials keys given; RP3002 a card side overflows; RP3003 the poster overflows;
 * RP3004 the edition logo cannot be read or drawn; RP4001 a character no font can draw.
 */
export const CODES = { noKeys: 'RP3001', cardOverflow: 'RP3002', posterOverflow: 'RP3003', logoUnreadable: 'RP3004', missingGlyph: 'RP4001' } as const;

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
        CODES.missingGlyph,
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
  return error(CODES.noKeys, `No content keys were given for the ${material}: MaterialOptions.keys is missing.`, undefined, [
    'pass project.materials (content/project.yaml `materials:`) as MaterialOptions.keys',
  ]);
}
