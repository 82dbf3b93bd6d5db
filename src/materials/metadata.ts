import { guidanceString } from '../i18n/doc.ts';
import type { MaterialsSpec } from '../content/types.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import type { DocumentMetadata } from '../layout/frame.ts';

/**
 * Metadata of one material PDF: localised title, a localised subject (the "general information, not legal
 * advice" disclaimer: what the document is, in the reader's language), keywords with the localised strip phrase
 * ("Know your rights") so archives and search find it in any language, organisation, edition version/date and
 * translation status.
 */
export function materialMetadata(doc: LocalizedDoc, title: string, material: string, keys: MaterialsSpec): DocumentMetadata {
  const phrase = guidanceString(doc, keys.poster.strip).plain;
  return {
    title,
    subject: guidanceString(doc, keys.leaflet.disclaimer).plain,
    keywords: [...new Set([phrase, 'know your rights', material, doc.lang.autonym, doc.lang.name, doc.lang.code, doc.edition.name])],
    author: doc.settings.organisation,
    version: doc.version,
    date: doc.date,
    extra: { Edition: doc.edition.name, Language: doc.lang.code, TranslationStatus: doc.review },
  };
}
