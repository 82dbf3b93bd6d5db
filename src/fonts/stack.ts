import type { Registry } from './registry.ts';

/**
 * The ordered font families to try for text of one script in one language (docs/architecture.md, decision 4).
 *
 * 1. families of the language's stack that are made for this script (manifest `scripts`), in stack order —
 *    so Urdu Arabic text gets Nastaliq, and Latin inside Arabic gets Noto Sans rather than the Latin letters that
 *    Noto Naskh Arabic also carries;
 * 2. the manifest's default stack for the script (via SCRIPT_ALIASES for Han, kana and bopomofo) — so Arabic
 *    inside an English paragraph still finds an Arabic font;
 * 3. the rest of the language's stack — Common characters (digits, punctuation) resolved to the script stay in
 *    the surrounding font where it has them, and fall back through the language's fonts otherwise.
 * Then per-cluster fallback walks the list (text/fallback.ts).
 */

/**
 * Scripts without a stack of their own in fonts/manifest.json, and the stacks that cover them.
 * Han without a language preference is set in Simplified Chinese fonts; Noto Sans SC also covers kana.
 */
export const SCRIPT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Hani: ['Hans', 'Hant'],
  Hira: ['Hans'],
  Kana: ['Hans'],
  Bopo: ['Hant'],
};

const memo = new Map<string, readonly string[]>();

/** Family ids to try, most preferred first, for `script` (ISO 15924) text in language `lang`. */
export function fontStack(registry: Registry, lang: string, script: string): readonly string[] {
  const key = `${lang}\u0000${script}`;
  const hit = memo.get(key);
  if (hit && registry === lastRegistry) return hit;
  if (registry !== lastRegistry) {
    memo.clear();
    lastRegistry = registry;
  }
  const scriptsOf = (family: string): readonly string[] => registry.manifest.faces.find((f) => f.familyId === family)?.scripts ?? [];
  const wanted = [script, ...(SCRIPT_ALIASES[script] ?? [])];
  const langStack = registry.stack(lang);
  const ordered = [
    ...langStack.filter((fam) => scriptsOf(fam).some((s) => wanted.includes(s))),
    ...wanted.flatMap((s) => registry.scriptStack(s)),
    ...langStack,
  ];
  const stack = [...new Set(ordered)];
  memo.set(key, stack);
  return stack;
}

let lastRegistry: Registry | undefined;
