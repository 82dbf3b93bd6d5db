import type { LocalizedDoc } from '../i18n/types.ts';
import type { DocumentMetadata } from '../layout/frame.ts';

/** Metadata of one material PDF: localised title, organisation, edition version/date, translation status. */
export function materialMetadata(doc: LocalizedDoc, title: string, subject: string): DocumentMetadata {
  return {
    title,
    subject,
    keywords: ['know your rights', subject, doc.lang.name, doc.lang.code, doc.edition.name],
    author: doc.settings.organisation,
    version: doc.version,
    date: doc.date,
    extra: { Edition: doc.edition.name, Language: doc.lang.code, TranslationStatus: doc.review },
  };
}
