import { guidanceString } from '../../../src/i18n/doc.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import type { ContentDoc } from '../../../src/content/types.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { localize } from '../../../src/i18n/localize.ts';
import { stringPieces } from '../../../src/materials/texts.ts';
import { layoutParagraph } from '../../../src/text/layout-paragraph.ts';
import { FIXTURES } from '../cli/helpers.ts';

const { content: basic } = loadContent(join(FIXTURES, 'content-basic'));

/** content-basic with `intro` replaced in the source and (current, by hash) in Arabic, and optionally another source language. */
function withIntro(source: string, arabic: string, sourceLanguage = 'en'): ContentDoc {
  const c = basic!;
  const ar = c.translations.get('ar')!;
  return {
    ...c,
    project: { ...c.project, sourceLanguage },
    source: { ...c.source, strings: { ...c.source.strings, intro: source } },
    translations: new Map([...c.translations, ['ar', { ...ar, strings: { ...ar.strings, intro: { text: arabic, source: sourceHash(source) } } }]]),
  };
}

const MARKER = '[PLACEHOLDER: verify with a lawyer (Policing and Crime Act 2017 ss.159–160)]';
const SOURCE = `You may have to answer some questions. ${MARKER}`;
const ARABIC = `قد يكون عليك أن تجيب عن بعض الأسئلة. ${MARKER}`;

describe('localize: a [PLACEHOLDER …] marker kept in a translation is source-language text', () => {
  it('is an inline with lang = the source language in the translation, unmarked in the source', () => {
    const content = withIntro(SOURCE, ARABIC);
    const generic = content.editions.find((e) => e.name === 'generic')!;
    const ar = guidanceString(localize(content, generic, 'ar').doc, 'intro');
    expect(ar.state).toBe('current');
    expect(ar.blocks).toEqual([
      {
        kind: 'para',
        inlines: [
          { text: 'قد يكون عليك أن تجيب عن بعض الأسئلة. ', bold: false },
          { text: MARKER, bold: false, lang: 'en' },
        ],
      },
    ]);
    expect(ar.plain).toBe(ARABIC);
    expect(guidanceString(localize(content, generic, 'en').doc, 'intro').blocks).toEqual([{ kind: 'para', inlines: [{ text: SOURCE, bold: false }] }]);
  });

  it('carries the project source language (not en) to the text engine: inline lang, Paragraph.sourceLang, run /Lang', () => {
    // The same guidance with French as the source language (the English text stands in for French here: only
    // the language code matters to the marking).
    const content = withIntro(SOURCE, `${ARABIC} (Home Office)`, 'fr');
    const generic = content.editions.find((e) => e.name === 'generic')!;
    const { doc } = localize(content, generic, 'ar');
    expect(doc.sourceLang).toBe('fr');
    const [piece] = stringPieces(doc, guidanceString(doc, 'intro'));
    expect(piece!.paragraph.sourceLang).toBe('fr');
    expect(piece!.paragraph.spans.find((s) => s.lang !== undefined)).toMatchObject({ lang: 'fr' });
    const runs = layoutParagraph(piece!.paragraph, { width: 1e6, size: 10 }).lines.flatMap((l) => l.runs);
    // The marker (a styled span) and `Home Office` (Latin kept inside Arabic, no markup) are both marked French.
    expect(runs.filter((r) => r.script === 'Latn').map((r) => [r.text, r.spanLang])).toEqual(
      expect.arrayContaining([
        [MARKER, 'fr'],
        ['Home Office', 'fr'],
      ]),
    );
    expect(runs.filter((r) => r.script === 'Arab').every((r) => r.spanLang === undefined)).toBe(true);
  });
});
