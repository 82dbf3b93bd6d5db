import { loadContent, type LoadResult } from '../content/load.ts';
import { memorySource } from '../content/source.ts';

/** Translation files, by language: what the first answer to a load leaves out. */
const TRANSLATION_FILE = /^translations\/(.+)\.yaml$/u;

/** The content's files without its translations, but `keep`'s. */
export function withoutTranslations(files: ReadonlyMap<string, Uint8Array>, keep?: string): Map<string, Uint8Array> {
  return new Map(
    [...files].filter(([k]) => {
      const lang = TRANSLATION_FILE.exec(k)?.[1];
      return lang === undefined || lang === keep;
    }),
  );
}

/**
 * The content the web page's first preview is built from: everything but the translations it does not print. That
 * preview is always in the source language (editionLanguages puts it first), with the officer side in the officer
 * language, so only that language's translation is kept. Parsing and checking 42 translations takes ~0.5 s on a
 * 2-core machine; the worker reads them after the first preview (tests/unit/content-shipped/first-preview.test.ts
 * checks that preview comes out the same).
 *
 * Undefined when there is nothing to leave out, or when this part has an error: such content is answered once,
 * from all of it, so the page shows every problem and builds nothing.
 */
export function firstPreviewContent(files: ReadonlyMap<string, Uint8Array>, display: string): LoadResult | undefined {
  const bare = withoutTranslations(files);
  if (bare.size === files.size) return undefined;
  let first = loadContent(memorySource(bare), { display });
  const project = first.content?.project;
  if (project && project.officerLanguage !== project.sourceLanguage && files.has(`translations/${project.officerLanguage}.yaml`))
    first = loadContent(memorySource(withoutTranslations(files, project.officerLanguage)), { display });
  return first.content && !first.diagnostics.some((d) => d.severity === 'error') ? first : undefined;
}
