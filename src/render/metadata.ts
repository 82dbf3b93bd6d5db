import { environment } from '#platform';
import packageJson from '../../package.json' with { type: 'json' };
import { CODES } from '../diagnostics/codes.ts';
import { error, UserError } from '../diagnostics/diagnostic.ts';
import type { DocumentMetadata } from '../layout/frame.ts';

/**
 * Document metadata for the PDF: the info dictionary and the XMP packet, built from one object so they always agree
 * (PDF/A requires Title, Author, Subject, Keywords, Creator, Producer and the dates to match their XMP twins).
 * Nothing here depends on the machine: no paths, no user names, no clock unless SOURCE_DATE_EPOCH says so.
 */

/** Producer string. Fixed (no timestamp, no host); tests check it names the installed pdfkit version. */
export const PRODUCER = 'rightsprint PDF writer (pdfkit 0.20.2)';

/** Namespace of the custom XMP properties (edition version, date, extra lines). */
export const RIGHTSPRINT_NS = 'https://rightsprint.org/ns/xmp/1.0/';

export interface PdfMetadata {
  readonly title: string;
  readonly subject: string;
  readonly keywords: string;
  readonly author: string;
  readonly creator: string;
  readonly producer: string;
  /** CreationDate and ModDate (identical: a build is a fresh rendering of one edition). */
  readonly date: Date;
  readonly lang: string;
  readonly version: string;
  readonly editionDate: string;
  /** Extra entries with PDF-name-safe keys, in sorted key order. */
  readonly extra: readonly (readonly [string, string])[];
}

/** rightsprint's own version, from package.json (bundled as a JSON module). */
export function rightsprintVersion(): string {
  return packageJson.version;
}

/**
 * The creation date: SOURCE_DATE_EPOCH (seconds since 1970, reproducible-builds.org) when set, else the edition
 * date at midnight UTC. A malformed value is an error, as the reproducible-builds spec asks, never a silent clock.
 */
export function documentDate(editionDate: string, env: Readonly<Record<string, string | undefined>> = environment()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) {
      throw new UserError([
        error(CODES.render.badSourceDateEpoch, `SOURCE_DATE_EPOCH is "${epoch}", not a whole number of seconds`, undefined, [
          'Set SOURCE_DATE_EPOCH to an integer such as 1767225600, or unset it to use the edition date.',
        ]),
      ]);
    }
    return new Date(Number(epoch) * 1000);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(editionDate);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== editionDate) {
    throw new UserError([
      error(CODES.render.badEditionDate, `edition date "${editionDate}" is not a calendar date in YYYY-MM-DD form`, undefined, [
        'Write the edition date like 2026-03-01.',
      ]),
    ]);
  }
  return date;
}

/** A key of `extra` as a PDF name and XML name fragment: letters, digits, `_` and `-` only. */
export function safeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The metadata of one document. */
export function pdfMetadata(meta: DocumentMetadata, lang: string, env: Readonly<Record<string, string | undefined>> = environment()): PdfMetadata {
  const extra = Object.entries(meta.extra ?? {})
    .map(([k, v]) => [safeKey(k), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    title: meta.title,
    subject: meta.subject,
    keywords: meta.keywords.join(', '),
    author: meta.author,
    creator: `rightsprint ${rightsprintVersion()}`,
    producer: PRODUCER,
    date: documentDate(meta.date, env),
    lang,
    version: meta.version,
    editionDate: meta.date,
    extra,
  };
}

/** Info dictionary entries (pdfkit writes strings as PDF text strings, Dates as `D:YYYYMMDDHHmmSSZ`). */
export function infoDictionary(m: PdfMetadata): Record<string, string | Date> {
  const info: Record<string, string | Date> = {
    Title: m.title,
    Author: m.author,
    Subject: m.subject,
    Keywords: m.keywords,
    Creator: m.creator,
    Producer: m.producer,
    CreationDate: m.date,
    ModDate: m.date,
    RightsprintVersion: m.version,
    RightsprintDate: m.editionDate,
  };
  for (const [k, v] of m.extra) info[`RightsprintExtra_${k}`] = v;
  return info;
}

/** XMP date form of the info dictionary's date (same instant, same precision). */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The rdf:Description blocks of the XMP packet (pdfkit adds the packet wrapper and, for PDF/A and PDF/UA, the
 * pdfaid/pdfuaid identification). Includes a PDF/A extension-schema description of the rightsprint namespace,
 * which PDF/A validators require for custom properties.
 */
export function xmpDescriptions(m: PdfMetadata): string {
  const x = escapeXml;
  const extraProps = m.extra.map(([k, v]) => `<rightsprint:extra_${k}>${x(v)}</rightsprint:extra_${k}>`).join('\n');
  const schemaProps = [
    ['version', 'Content version of the edition'],
    ['date', 'Edition date (YYYY-MM-DD)'],
    ...m.extra.map(([k]) => [`extra_${k}`, `Build information: ${k}`]),
  ]
    .map(
      ([name, desc]) =>
        `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${x(name!)}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${x(desc!)}</pdfaProperty:description></rdf:li>`,
    )
    .join('\n');
  return `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(m.title)}</rdf:li><rdf:li xml:lang="${x(m.lang)}">${x(m.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${x(m.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(m.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${x(m.lang)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${xmpDate(m.date)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(m.date)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(m.date)}</xmp:MetadataDate>
<xmp:CreatorTool>${x(m.creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${x(m.producer)}</pdf:Producer>
<pdf:Keywords>${x(m.keywords)}</pdf:Keywords>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:rightsprint="${RIGHTSPRINT_NS}">
<rightsprint:version>${x(m.version)}</rightsprint:version>
<rightsprint:date>${x(m.editionDate)}</rightsprint:date>
${extraProps}
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>rightsprint edition metadata</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${RIGHTSPRINT_NS}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>rightsprint</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${schemaProps}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;
}

/** XML text/attribute escaping. Control characters other than tab/newline are not allowed in XML 1.0: dropped. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
