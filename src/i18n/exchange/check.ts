import { markupShape, variablesOf } from '../../content/markup.ts';
import { error, warning, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.ts';
import { CODES } from '../../diagnostics/codes.ts';

/**
 * Checks one imported translation against its source text: `{{placeholders}}`, `**bold**` markers, list lines
 * and paragraphs, using the same parsing as the content loader (content/markup.ts) so that what import accepts
 * `rightsprint check` accepts too. Import is stricter on lists (an error, where `check` warns): a lost bullet
 * on a card is a lost instruction, and the translator's file is the cheapest place to fix it. Pure.
 */
export function checkTranslation(key: string, source: string, translation: string, span: SourceSpan): Diagnostic[] {
  const found: Diagnostic[] = [];
  const wanted = variablesOf(source);
  const got = variablesOf(translation);
  for (const name of wanted.filter((n) => !got.includes(n)))
    found.push(
      error(CODES.exchange.placeholderMissing, `"${key}": the translation lacks the placeholder {{${name}}}.`, span, [
        `Copy {{${name}}} from the source text unchanged into the translation; it is replaced by the setting when printing.`,
      ]),
    );
  for (const name of got.filter((n) => !wanted.includes(n)))
    found.push(
      error(CODES.exchange.placeholderExtra, `"${key}": the translation has {{${name}}}, which the source text does not.`, span, [
        `Remove {{${name}}} or check its spelling; placeholders must be copied from the source, never translated.`,
      ]),
    );
  const s = markupShape(source);
  const t = markupShape(translation);
  if (!t.balanced)
    found.push(
      error(CODES.exchange.boldUnbalanced, `"${key}": a ** bold marker is not closed.`, span, [
        'Bold text is written **like this**: every ** needs a partner.',
      ]),
    );
  else if (t.boldSpans !== s.boldSpans)
    found.push(
      warning(CODES.exchange.boldMismatch, `"${key}": the source has ${s.boldSpans} bold span(s), the translation has ${t.boldSpans}.`, span, [
        'Put **…** around the words that correspond to the bold words of the source.',
      ]),
    );
  if (s.listItems !== t.listItems)
    found.push(
      error(CODES.exchange.listMismatch, `"${key}": the source has ${s.listItems} list line(s) starting "- ", the translation has ${t.listItems}.`, span, [
        'Keep one line starting with "- " (dash, space) for each bullet of the source, in the same order.',
      ]),
    );
  if (s.paragraphs !== t.paragraphs)
    found.push(
      warning(CODES.exchange.paragraphMismatch, `"${key}": the source has ${s.paragraphs} paragraph(s), the translation has ${t.paragraphs}.`, span, [
        'Paragraphs are separated by one blank line; keep the same number as the source so the layout matches.',
      ]),
    );
  return found;
}
