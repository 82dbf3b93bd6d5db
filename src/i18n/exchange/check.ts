import { error, warning, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.ts';
import { CODES } from './codes.ts';

/** `{{name}}` interpolation, as i18next and the content model write it (spaces inside the braces allowed). */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/gu;
/** A list line of the short markup: optional indentation, then `- `. */
const LIST_LINE = /^\s*- /u;

/**
 * Checks one imported translation against its source text: placeholders, bold markers, list lines and
 * paragraphs. Returns diagnostics located at `span` (the translation in the exchange file). Pure.
 */
export function checkTranslation(key: string, source: string, translation: string, span: SourceSpan): Diagnostic[] {
  const found: Diagnostic[] = [];
  const wanted = placeholders(source);
  const got = placeholders(translation);
  for (const name of wanted) {
    if (!got.has(name))
      found.push(
        error(CODES.placeholderMissing, `"${key}": the translation lacks the placeholder {{${name}}}.`, span, [
          `Copy {{${name}}} from the source text unchanged into the translation; it is replaced by the setting when printing.`,
        ]),
      );
  }
  for (const name of got) {
    if (!wanted.has(name))
      found.push(
        error(CODES.placeholderExtra, `"${key}": the translation has {{${name}}}, which the source text does not.`, span, [
          `Remove {{${name}}} or check its spelling; placeholders must be copied from the source, never translated.`,
        ]),
      );
  }
  if (countBold(translation) % 2 !== 0)
    found.push(
      error(CODES.boldUnbalanced, `"${key}": a ** bold marker is not closed.`, span, [
        'Bold text is written **like this**: every ** needs a partner.',
      ]),
    );
  const sourceList = listLines(source);
  const targetList = listLines(translation);
  if (sourceList !== targetList)
    found.push(
      error(
        CODES.listMismatch,
        `"${key}": the source has ${sourceList} list line(s) starting "- ", the translation has ${targetList}.`,
        span,
        ['Keep one line starting with "- " (dash, space) for each bullet of the source, in the same order.'],
      ),
    );
  const sourceParas = paragraphs(source);
  const targetParas = paragraphs(translation);
  if (sourceParas !== targetParas)
    found.push(
      warning(
        CODES.paragraphMismatch,
        `"${key}": the source has ${sourceParas} paragraph(s), the translation has ${targetParas}.`,
        span,
        ['Paragraphs are separated by one blank line; keep the same number as the source so the layout matches.'],
      ),
    );
  return found;
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
}

function countBold(text: string): number {
  return text.split('**').length - 1;
}

function listLines(text: string): number {
  return text.split('\n').filter((line) => LIST_LINE.test(line)).length;
}

function paragraphs(text: string): number {
  return text
    .trim()
    .split(/\n\s*\n/u)
    .filter((p) => p.trim() !== '').length;
}
