import { error, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.ts';
import { CODES } from '../../diagnostics/codes.ts';

/**
 * ISO 15924 codes (locales/languages.json `script`) whose letters are not one Unicode Script property value:
 * Simplified and Traditional Chinese are both written with Han ideographs (property value `Hani`).
 * Every other code of the table is itself a Script property alias (`Arab`, `Ethi`, `Latn` …).
 */
const SCRIPT_PROPERTY: Readonly<Record<string, string>> = { Hans: 'Hani', Hant: 'Hani', Jpan: 'Hani', Kore: 'Hang' };

/** `{{placeholders}}` are copied from the English, so their letters say nothing about the translation's script. */
const PLACEHOLDER = /\{\{[^}]*\}\}/gu;
/**
 * Question marks where letters were: a run (`????`, a word of a script the code page lacks) or one inside a word
 * (`Zadzwo?` keeps its Latin letters but loses `ń`: `Mo?esz`). Neither occurs in guidance text on its own.
 */
const QUESTION_RUN = /\?{2,}|(?<=\p{L}\p{M}*)\?(?=\p{L})/gu;

const cache = new Map<string, RegExp | undefined>();

/** A regex matching one letter of `script` (ISO 15924), or undefined when the engine has no such property. */
function letterOf(script: string): RegExp | undefined {
  if (!cache.has(script)) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(`\\p{Script=${SCRIPT_PROPERTY[script] ?? script}}`, 'u');
    } catch {
      re = undefined;
    }
    cache.set(script, re);
  }
  return cache.get(script);
}

/**
 * Catches a translation whose letters were lost on the way back, which no other check sees because `????`
 * keeps every placeholder, bold marker and bullet: Excel's "CSV (Comma delimited)" and other ANSI saves turn
 * every Arabic, Chinese, Amharic … character into `?`. Refused when the text has no letter of its language's
 * script while the source (placeholders aside) has letters, or has more `??` runs or in-word `?` than the source.
 * `script` is the language's ISO 15924 code; pure.
 */
export function checkLetters(key: string, source: string, translation: string, script: string | undefined, span: SourceSpan): Diagnostic[] {
  const letter = script === undefined ? undefined : letterOf(script);
  const sourceHasLetters = /\p{L}/u.test(source.replace(PLACEHOLDER, ''));
  const noScript = letter !== undefined && sourceHasLetters && !letter.test(translation.replace(PLACEHOLDER, ''));
  const runs = (s: string) => (s.match(QUESTION_RUN) ?? []).length;
  const questionMarks = runs(translation) > runs(source);
  if (!noScript && !questionMarks) return [];
  const what = noScript
    ? `has no letter of the ${script} script`
    : 'has question marks where letters should be ("??", or "?" inside a word) that the source does not have';
  return [
    error(
      CODES.exchange.lostScript,
      `"${key}": the translation ${what} — the file was probably saved in a legacy code page, which turns letters into "?".`,
      span,
      [
        'Open the translator\'s original file again and save it as UTF-8: Excel "CSV UTF-8 (Comma delimited)" (not "CSV (Comma delimited)"),',
        'LibreOffice "Text CSV" with character set Unicode (UTF-8); PO and XLIFF editors write UTF-8 by default.',
      ],
    ),
  ];
}

/** C0/C1 control characters other than line feed and tab, which a translation may hold. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/**
 * A control character (a PO `\a` or `\f` escape, a stray U+0001 pasted into a spreadsheet) has no glyph: it would
 * go into the YAML and onto the card as nothing, or as a box. Pure.
 */
export function checkControls(key: string, translation: string, span: SourceSpan): Diagnostic[] {
  const found = CONTROL.exec(translation);
  if (!found) return [];
  const hex = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return [
    error(CODES.exchange.controlCharacter, `"${key}": the translation contains the control character U+${hex} at character ${found.index + 1}.`, span, [
      'Delete it (it is invisible in most editors: retype the words around it). Line breaks are fine.',
    ]),
  ];
}
