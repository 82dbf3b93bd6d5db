import type { ContentDoc, Edition, Settings } from '../content/types.ts';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { editionFile } from '../content/load.ts';

/** The marker that makes a setting value a placeholder (see Settings in content/types.ts). */
export const PLACEHOLDER_MARKER = 'PLACEHOLDER';

/** Project settings with the edition's overrides laid over them. */
export function editionSettings(content: ContentDoc, edition: Edition): Settings {
  const overrides = Object.fromEntries(Object.entries(edition.settings).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return { ...content.project.settings, ...overrides };
}

/**
 * One warning per setting that is printed (`used`) while its value still contains PLACEHOLDER, naming the
 * setting and the edition file to change. Language-independent, so identical warnings from several jobs
 * collapse into one when printed.
 */
export function placeholderWarnings(content: ContentDoc, edition: Edition, settings: Settings, used: Iterable<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = editionFile(edition);
  const hasFile = content.spans.has(`${file}#`);
  for (const name of [...new Set(used)].sort()) {
    const value = settings[name];
    if (value === undefined || !value.includes(PLACEHOLDER_MARKER)) continue;
    const overridden = edition.settings[name] !== undefined;
    const span = overridden ? content.spans.get(`${file}#settings.${name}`) : content.spans.get(`project.yaml#settings.${name}`);
    out.push(
      warning(CODES.policy.placeholderSetting, `Setting \`${name}\` is still a placeholder ("${value}") and is printed in edition ${edition.name}.`, span, [
        hasFile
          ? `Set \`${name}:\` under settings in editions/${edition.name}.yaml (or in project.yaml for every edition).`
          : `Set \`${name}:\` under settings in project.yaml, or add editions/${edition.name}.yaml.`,
        ...(name === 'hotline' || name === 'website' ? ['Verify the number or address before printing: people will rely on it.'] : []),
      ]),
    );
  }
  return out;
}

/**
 * One warning per printed guidance key whose source text still holds a `[PLACEHOLDER: …]` marker (a point a
 * lawyer must verify, see content/SOURCES.md). The marker prints as it is, in English, in every language, so a
 * group sees it on the page; the warning makes sure nobody sends 500 cards to print without noticing it.
 * Independent of edition and language, so the printed list collapses to one warning per key.
 */
export function placeholderTextWarnings(content: ContentDoc, usedKeys: readonly string[]): Diagnostic[] {
  const file = `guidance/${content.project.sourceLanguage}.yaml`;
  return [...new Set(usedKeys)]
    .sort()
    .filter((key) => content.source.strings[key]?.includes(`[${PLACEHOLDER_MARKER}`))
    .map((key) => {
      const markers = [...content.source.strings[key]!.matchAll(/\[PLACEHOLDER:?\s*([^\]]*)\]/gu)].map((m) => `"${m[1]!.trim()}"`);
      const what = markers.length === 1 ? `a [PLACEHOLDER] marker (${markers[0]})` : `${markers.length} [PLACEHOLDER] markers (${markers.join('; ')})`;
      return warning(
        CODES.policy.placeholderText,
        `Guidance \`${key}\` still contains ${what}; it prints as it is in every language.`,
        content.spans.get(`${file}#strings.${key}`),
        [`Have the point checked (see content/SOURCES.md), then replace the marker in ${file} with the verified wording and its source.`],
      );
    });
}
