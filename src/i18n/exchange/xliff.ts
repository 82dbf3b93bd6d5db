import { error, warning, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.ts';
import { CODES } from '../../diagnostics/codes.ts';
import type { ExchangeEntry, ExchangeMeta, ImportedUnit, ReadResult } from './types.ts';
import { childElements, lineCol, parseXml, textContent, XmlError, type XmlElement } from './xml.ts';

/**
 * XLIFF 1.2 (the version Weblate, Crowdin, memoQ, Trados and OmegaT all read; Weblate does not read 2.0).
 * One `<trans-unit id="key" xml:space="preserve">` per key with `<source>`, `<target state=…>` and notes:
 *   current → `translated` (`final` and `approved="yes"` on the trans-unit when the string is reviewed),
 *   stale → `needs-review-translation`, missing → `new` with an empty target.
 * Notes carry `X-Rightsprint-Source-Hash: <hash>` and, for stale units, the previous hash and old source text.
 *
 * Read back as tools write it: a filled target still in state `new` (a text editor filled it, no tool confirmed
 * it) needs review like `needs-review-*`; `approved="yes"` means reviewed (as `final`/`signed-off` do), and an
 * explicit `approved="no"` means not reviewed whatever the state. Files converted from PO by translate-toolkit
 * (po2xliff) have numeric ids: the key is then the unit's location context (the PO `#: key` reference that
 * export writes), and the gettext header unit (restype `x-gettext-domain-header`) gives the language.
 */
const TAG_HASH = 'X-Rightsprint-Source-Hash';
const TAG_PREVIOUS = 'X-Rightsprint-Previous-Source-Hash';
const HASH = /^[0-9a-f]{8}$/u;
/** XLIFF 1.2 target states that mean "not done yet": kept stale on import. */
const REVIEW_STATES = new Set([
  'needs-review-translation',
  'needs-review-adaptation',
  'needs-review-l10n',
  'needs-translation',
  'needs-adaptation',
  'needs-l10n',
  'new',
]);
/** Target states that mean a reviewer signed the translation off (XLIFF 1.2 state-value list). */
const REVIEWED_STATES = new Set(['final', 'signed-off']);
/** translate-toolkit's restype for the unit holding the PO header. */
const GETTEXT_HEADER = 'x-gettext-domain-header';

export function writeXliff(entries: readonly ExchangeEntry[], meta: ExchangeMeta): string {
  const src = attr(meta.sourceLanguage);
  const tgt = attr(meta.targetLanguage);
  const units = entries.map((e) => {
    const reviewed = e.status === 'current' && e.review === 'reviewed';
    const state = e.status === 'missing' ? 'new' : e.status === 'stale' ? 'needs-review-translation' : reviewed ? 'final' : 'translated';
    const notes = [`${TAG_HASH}: ${e.sourceHash}`];
    if (e.status === 'stale') {
      notes.push(`${TAG_PREVIOUS}: ${e.storedHash ?? ''}`);
      notes.push(
        e.previousSource !== undefined
          ? `Previous source text: ${e.previousSource}`
          : 'The source text changed since this was translated; the old source text is not available.',
      );
    }
    return [
      `      <trans-unit id="${attr(e.key)}"${reviewed ? ' approved="yes"' : ''} xml:space="preserve">`,
      `        <source xml:lang="${src}">${text(e.source)}</source>`,
      `        <target xml:lang="${tgt}" state="${state}">${text(e.translation)}</target>`,
      ...notes.map((n) => `        <note from="rightsprint">${text(n)}</note>`),
      '      </trans-unit>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="guidance/${attr(meta.sourceLanguage)}.yaml" source-language="${src}" target-language="${tgt}" datatype="plaintext" product-name="rightsprint" product-version="${attr(meta.version)}">`,
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

/** Element text: `&`, `<`, `>` escaped; CR as a character reference so XML line-end normalisation keeps it. */
function text(s: string): string {
  return s.replace(/[&<>\r]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c] ?? c);
}

/** Attribute value: also quotes, and tab/newline as references (attribute normalisation would turn them into spaces). */
function attr(s: string): string {
  return text(s).replace(/["\t\n]/gu, (c) => ({ '"': '&quot;', '\t': '&#9;', '\n': '&#10;' })[c] ?? c);
}

export function readXliff(raw: string, file: string): ReadResult {
  const normalised = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const at = (offset: number): SourceSpan => ({ file, ...lineCol(normalised, offset) });
  let root: XmlElement;
  try {
    root = parseXml(normalised);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    return {
      units: [],
      diagnostics: [
        error(CODES.exchange.syntax, `The XLIFF file is not well-formed XML: ${e.message}.`, at(e.offset), [
          'Export the file again, or open it in a CAT tool or an XML editor to repair it.',
        ]),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  if (root.name !== 'xliff' || !(root.attrs.get('version') ?? '').startsWith('1.'))
    diagnostics.push(
      error(CODES.exchange.syntax, 'Not an XLIFF 1.x file (expected <xliff version="1.2">).', at(root.offset), [
        'rightsprint reads XLIFF 1.2; save as XLIFF 1.2 in your CAT tool.',
      ]),
    );
  const files = childElements(root, 'file');
  const languages = new Set(files.map((f) => f.attrs.get('target-language')).filter((l) => l !== undefined));
  const units: ImportedUnit[] = [];
  for (const unit of files.flatMap((f) => allUnits(f))) {
    if (unit.attrs.get('restype') === GETTEXT_HEADER) {
      const declared = /^Language:\s*(\S+)/mu.exec(textContent(childElements(unit, 'target')[0] ?? unit).text)?.[1];
      if (declared !== undefined && languages.size === 0) languages.add(declared);
      continue;
    }
    const key = locationKey(unit) ?? unit.attrs.get('id');
    const entrySpan = at(unit.offset);
    if (!key) {
      diagnostics.push(error(CODES.exchange.syntax, '<trans-unit> without an id.', entrySpan, ['Keep every id as exported: it is the content key.']));
      continue;
    }
    const source = childElements(unit, 'source')[0];
    const target = childElements(unit, 'target')[0];
    const targetText = target ? textContent(target) : { text: '', inline: false };
    if (targetText.inline)
      diagnostics.push(
        error(CODES.exchange.syntax, `"${key}": the target contains inline XML elements, which rightsprint does not use.`, at(target?.offset ?? unit.offset), [
          'Remove the tags (<g>, <x/>, <ph>, …) and keep plain text with **bold** markers.',
        ]),
      );
    const notes = childElements(unit, 'note').map((n) => textContent(n).text);
    const tag = (name: string): string | undefined => notes.map((n) => new RegExp(`^${name}:\\s*(\\S*)`, 'u').exec(n)?.[1]).find((v) => v !== undefined);
    const recorded = tag(TAG_HASH);
    const previous = tag(TAG_PREVIOUS);
    if (recorded !== undefined && !HASH.test(recorded))
      diagnostics.push(
        warning(CODES.exchange.badHash, `"${key}": source hash "${recorded}" is not 8 hex digits; it is ignored.`, entrySpan, [
          `Keep the "${TAG_HASH}" note as exported.`,
        ]),
      );
    const state = target?.attrs.get('state') ?? (targetText.text === '' ? 'new' : 'translated');
    const approved = unit.attrs.get('approved');
    const needsReview = targetText.text !== '' && REVIEW_STATES.has(state);
    units.push({
      key,
      text: targetText.text,
      span: target ? at(target.offset) : entrySpan,
      entrySpan,
      ...(source ? { source: textContent(source).text } : {}),
      ...(recorded !== undefined && HASH.test(recorded) ? { sourceHash: recorded } : {}),
      ...(previous !== undefined && HASH.test(previous) ? { previousHash: previous } : {}),
      needsReview,
      reviewed: !needsReview && (approved === 'yes' || (approved !== 'no' && REVIEWED_STATES.has(state))),
    });
  }
  const [language] = languages;
  return language !== undefined && languages.size === 1 ? { language, units, diagnostics } : { units, diagnostics };
}

/**
 * The key translate-toolkit keeps when it converts a PO file (po2xliff drops msgctxt, keeps `#:` references as
 * `<context-group purpose="location"><context context-type="sourcefile">`): export writes the key there.
 */
function locationKey(unit: XmlElement): string | undefined {
  const keys = childElements(unit, 'context-group')
    .filter((g) => g.attrs.get('purpose') === 'location')
    .flatMap((g) => childElements(g, 'context'))
    .filter((c) => c.attrs.get('context-type') === 'sourcefile')
    .map((c) => textContent(c).text.trim());
  return keys.length === 1 ? keys[0] : undefined;
}

/** trans-units anywhere below `<body>`, including inside `<group>`. */
function allUnits(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => (c.kind !== 'element' ? [] : c.name === 'trans-unit' || c.name.endsWith(':trans-unit') ? [c] : allUnits(c)));
}
