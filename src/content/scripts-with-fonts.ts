import manifest from '../../fonts/manifest.json' with { type: 'json' };

let cached: ReadonlySet<string> | undefined;

/**
 * ISO 15924 scripts that have a default font stack in fonts/manifest.json, read without opening any font: what
 * content validation needs to tell "this language's script has no font" before anything is laid out.
 */
export function scriptsWithFonts(): ReadonlySet<string> {
  cached ??= new Set(
    Object.entries((manifest as { stacks: Record<string, unknown> }).stacks)
      .filter(([, families]) => Array.isArray(families))
      .map(([script]) => script),
  );
  return cached;
}
