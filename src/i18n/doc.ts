import type { LocalizedDoc, LocalizedString, UiStrings } from './types.ts';

/**
 * Reading a LocalizedDoc, which is plain data (so a job can be posted to a worker as is). Each function throws only
 * for a key the doc does not hold: the materials ask for fixed keys or keys of project.yaml `materials:`, so that is
 * a programming error, never a user error.
 */

/** A guidance string in the doc's language, per policy. */
export function guidanceString(doc: LocalizedDoc, key: string): LocalizedString {
  return lookup(doc.strings, key, 'guidance key');
}

/** The same key in the officer language (card back). */
export function officerGuidanceString(doc: LocalizedDoc, key: string): LocalizedString {
  return lookup(doc.officerStrings, key, 'guidance key (officer language)');
}

/** A UI string (locales/<lng>/ui.json) in the doc's language, its `{{var}}` placeholders filled from `vars`. */
export function uiText(doc: LocalizedDoc, key: string, vars?: Readonly<Record<string, string | number>>): string {
  return fillUi(doc.ui, key, vars);
}

/** The same UI string in the officer language, or undefined when the doc has no officer-language UI strings. */
export function officerUiText(doc: LocalizedDoc, key: string, vars?: Readonly<Record<string, string | number>>): string | undefined {
  return doc.officerUi === undefined ? undefined : fillUi(doc.officerUi, key, vars);
}

/**
 * Names i18next reads as options of `t()`, not as variables (plural `count`, `context`, another language…). The
 * tables hold each key's plain template only, so a call with one of them would not print what i18next prints.
 */
const T_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'defaultValue',
  'replace',
  'returnObjects',
  'keySeparator',
  'nsSeparator',
]);

/** Options i18next's fixed `t` adds to every call, which a `{{lng}}` placeholder would print. */
const INJECTED = new Set(['lng', 'lngs', 'ns', 'keyPrefix']);

/** A `{{name}}` placeholder; `{{- name}}` (i18next's unescaped form) is the same thing here, since nothing is escaped. */
const PLACEHOLDER = /\{\{-?(.+?)\}\}/gu;

function fillUi(table: UiStrings, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const template = lookup(table, key, 'UI string');
  for (const name of Object.keys(vars))
    if (T_OPTIONS.has(name)) throw new Error(`UI string ${key}: \`${name}\` is an i18next option, not a variable of a plain UI string`);
  return interpolateUi(template, vars, key);
}

/**
 * Fills `{{var}}` placeholders the way ui.ts's i18next instance does (escapeValue false, skipOnVariables): a value
 * is inserted as is and never scanned again; a placeholder without a variable is left as written. i18next's
 * formatting (`{{date, datetime}}`) and nesting (`$t(key)`) have no plain equivalent: such a template throws rather
 * than print something i18next would not.
 */
export function interpolateUi(template: string, vars: Readonly<Record<string, string | number>>, key = '(template)'): string {
  if (template.includes('$t(')) throw new Error(`UI string ${key} nests another key ($t(…)), which plain UI strings do not support`);
  return template.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    if (name.includes(',') || name.includes('.') || INJECTED.has(name))
      throw new Error(`UI string ${key}: placeholder ${whole} uses i18next formatting, a nested variable or an option i18next fills in`);
    if (!Object.hasOwn(vars, name)) return whole;
    const value = vars[name];
    return value === undefined ? '' : String(value);
  });
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string, what: string): T {
  // Own keys only: a key named like an Object.prototype member (`toString`) is as unknown as any other.
  if (!Object.hasOwn(table, key)) throw new Error(`unknown ${what} ${key}`);
  return table[key]!;
}
