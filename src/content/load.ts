import { folderSource } from '#platform';
import editionSchema from '../../schema/edition.schema.json' with { type: 'json' };
import guidanceSchema from '../../schema/guidance.schema.json' with { type: 'json' };
import historySchema from '../../schema/history.schema.json' with { type: 'json' };
import projectSchema from '../../schema/project.schema.json' with { type: 'json' };
import translationSchema from '../../schema/translation.schema.json' with { type: 'json' };
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { declareLanguages, languageInfo } from './languages.ts';
import type { Schema } from './check-schema.ts';
import { ContentSpans } from './content-spans.ts';
import { compareVersions, historyFile } from './history-file.ts';
import { checkedFile, invisibleFindings, parsedFile } from './parse-memo.ts';
import type { ContentSource } from './source.ts';
import type {
  ContentDoc,
  Edition,
  HistorySnapshot,
  LanguageEntry,
  MaterialsSpec,
  PrintPolicy,
  ProjectFile,
  SourceGuidance,
  TranslatedString,
  TranslationFile,
} from './types.ts';
import { validateContent } from './validate.ts';

/** The file formats, each with its JSON Schema in schema/ (shared with editors through `$schema` comments). */
export type ContentKind = 'project' | 'guidance' | 'translation' | 'edition' | 'history';

/** The JSON Schemas of schema/, bundled with the engine as JSON modules. */
const schemas: Record<ContentKind, unknown> = {
  project: projectSchema,
  guidance: guidanceSchema,
  translation: translationSchema,
  edition: editionSchema,
  history: historySchema,
};
/** The JSON Schema of one content file kind (the repository's schema/ folder). */
export function schemaFor(kind: ContentKind): Schema {
  return schemas[kind] as Schema;
}

/** Default print policy: never print outdated legal guidance silently — fall back to the source with a visible note. */
export const DEFAULT_POLICY: PrintPolicy = { stale: 'fallback', missing: 'fallback' };
/** The officer side of the card is in English unless the project says otherwise. */
const DEFAULT_OFFICER_LANGUAGE = 'en';
/** Edition used when a content folder has no editions/ folder: outputs go to output/default/. */
export const DEFAULT_EDITION: Edition = { name: 'default', settings: {} };

export interface LoadOptions {
  /** How to show the content folder in messages (as the user typed it). Default: the absolute path. */
  readonly display?: string;
  /**
   * Read and check only the translation files of these languages (`build --lang`): enough to tell whether a build
   * has anything to do and to report on the languages asked for, not to print. The result is marked
   * (ContentDoc.onlyTranslations); the build loads the whole folder before it writes or moves a file.
   */
  readonly languages?: readonly string[];
}

export interface LoadResult {
  /** Undefined only when the folder is unusable (no project.yaml or no source guidance, or one of them cannot be decoded). */
  readonly content?: ContentDoc;
  /** Every problem found, schema and cross-file, in one pass. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Loads a content folder: parses every YAML file with positions, checks each against its JSON Schema,
 * NFC-normalises all text, applies defaults, then runs the cross-file checks (validate.ts). All problems are
 * collected; nothing throws for a user mistake.
 */
export function loadContent(dir: string | ContentSource, options: LoadOptions = {}): LoadResult {
  const files_ = typeof dir === 'string' ? folderSource(dir) : dir;
  const root = files_.root ?? '';
  const displayRoot = (options.display ?? (root || 'content')).replace(/\/+$/u, '');
  const diagnostics: Diagnostic[] = [];
  const spans = new ContentSpans();
  /** Files that could not be decoded (already reported): checking what depends on them would only add noise. */
  const unreadable = new Set<string>();

  // `language`: the file's language as far as its name or the project says, to name a legacy code page the
  // file may be saved in and to allow invisible characters that language's script uses.
  const read = (rel: string, kind: ContentKind, language?: string): Record<string, unknown> | undefined => {
    const script = language === undefined ? undefined : languageInfo(language)?.script;
    const hint = language === undefined ? undefined : { language, ...(script ? { script } : {}) };
    const file = parsedFile(files_, rel, `${displayRoot}/${rel}`, hint);
    diagnostics.push(...file.diagnostics);
    if (!file.readable) {
      unreadable.add(rel);
      return undefined;
    }
    // History snapshots are never printed and were copied from guidance that was checked when it was current.
    if (kind !== 'history') diagnostics.push(...invisibleFindings(file, script));
    const checked = checkedFile(file, schemaFor(kind));
    diagnostics.push(...checked.diagnostics);
    spans.add(rel, file, checked.offsets);
    const value = checked.value;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  };
  const missingFile = (rel: string, hint: string) =>
    diagnostics.push(error(CODES.content.missingFile, `Missing content file ${displayRoot}/${rel}.`, undefined, [hint]));

  if (!files_.exists('project.yaml')) {
    missingFile('project.yaml', `Is ${displayRoot} a content folder? Pass one with --content <dir> (default ./content).`);
    return { diagnostics };
  }
  const rawProject = read('project.yaml', 'project') ?? {};
  if (unreadable.has('project.yaml')) return { diagnostics };
  const project = toProject(rawProject);

  const guidanceRel = `guidance/${project.sourceLanguage}.yaml`;
  if (!files_.exists(guidanceRel)) {
    missingFile(guidanceRel, `project.yaml says sourceLanguage: ${project.sourceLanguage}; the source strings must be in ${guidanceRel}.`);
    return { diagnostics };
  }
  const rawGuidance = read(guidanceRel, 'guidance', project.sourceLanguage) ?? {};
  if (unreadable.has(guidanceRel)) return { diagnostics };
  const source: SourceGuidance = {
    language: str(rawGuidance.language) ?? project.sourceLanguage,
    strings: (rawGuidance.strings ?? {}) as Record<string, string>,
  };

  const translations = new Map<string, TranslationFile>();
  for (const name of yamlFiles(files_, 'translations')) {
    const rel = `translations/${name}`;
    const fileLang = name.replace(/\.yaml$/u, '');
    if (options.languages && !options.languages.includes(fileLang)) continue;
    const raw = read(rel, 'translation', fileLang) ?? {};
    // Entries whose text failed the schema were reported already; one with a bad hash is kept as stale ('').
    const strings = Object.fromEntries(
      Object.entries((raw.strings ?? {}) as Record<string, Partial<TranslatedString>>)
        .filter(([, e]) => typeof e.text === 'string')
        .map(([k, e]) => [k, { ...e, text: e.text!, source: e.source ?? '' } satisfies TranslatedString]),
    );
    translations.set(fileLang, { language: str(raw.language) ?? fileLang, strings });
  }

  const editions: Edition[] = [];
  const editionNames = yamlFiles(files_, 'editions');
  for (const name of editionNames) {
    const raw = read(`editions/${name}`, 'edition', project.sourceLanguage) ?? {};
    const title = str(raw.title);
    const languages = raw.languages as string[] | undefined;
    editions.push({
      name: name.replace(/\.yaml$/u, ''),
      ...(title !== undefined ? { title } : {}),
      settings: (raw.settings ?? {}) as Edition['settings'],
      ...(languages ? { languages } : {}),
    });
  }
  if (editions.length === 0) editions.push(DEFAULT_EDITION);

  // Newest version first, keyed by file stem (validate.ts checks each file's `version:` agrees with its name).
  const snapshots: [string, HistorySnapshot][] = yamlFiles(files_, 'history').map((name) => {
    const raw = read(historyFile(name.replace(/\.yaml$/u, '')), 'history', project.sourceLanguage) ?? {};
    const snapshot = {
      version: str(raw.version) ?? '',
      date: str(raw.date) ?? '',
      language: str(raw.language) ?? '',
      strings: (raw.strings ?? {}) as Record<string, string>,
    };
    return [name.replace(/\.yaml$/u, ''), snapshot];
  });
  const history = new Map(snapshots.sort(([a], [b]) => compareVersions(b, a)));

  diagnostics.push(...checkUiOverrides(files_, displayRoot));

  // The project's own language entries (code plus overrides) join the shipped table before anything looks a
  // language up: a content folder outside the repository may add a language the tool has never listed.
  declareLanguages(project.languages);
  const content: ContentDoc = {
    root,
    files: files_,
    project,
    source,
    translations,
    editions,
    spans,
    history,
    ...(options.languages ? { onlyTranslations: new Set(options.languages) } : {}),
  };
  diagnostics.push(...validateContent(content));
  return { content, diagnostics };
}

/**
 * The organisation's own UI wording (`locales/<lang>/ui.json`, laid over the built-in strings by i18n/ui.ts) is
 * printed like guidance, so it gets the same checks: UTF-8, syntax, no bidi controls. JSON is YAML, so the YAML
 * reader gives the positions.
 */
function checkUiOverrides(source: ContentSource, displayRoot: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lang of source.folders('locales')) {
    const rel = `locales/${lang}/ui.json`;
    if (!source.exists(rel)) continue;
    const script = languageInfo(lang)?.script;
    const file = parsedFile(source, rel, `${displayRoot}/${rel}`, { language: lang, ...(script ? { script } : {}) });
    out.push(...file.diagnostics);
    if (file.readable) out.push(...invisibleFindings(file, script));
  }
  return out;
}

/** Path of an edition's file relative to the content folder (`default` has none). */
export function editionFile(edition: Edition): string {
  return `editions/${edition.name}.yaml`;
}

/** `*.yaml` files directly in a folder, sorted by code point so every machine loads them in one order. */
function yamlFiles(source: ContentSource, folder: string): string[] {
  return source.list(folder).filter((n) => n.endsWith('.yaml'));
}

/** The checked project value with defaults filled in; invalid or missing parts become empty, already reported. */
function toProject(raw: Record<string, unknown>): ProjectFile {
  const policy = (raw.policy ?? {}) as Partial<PrintPolicy>;
  const languages = ((raw.languages ?? []) as Partial<LanguageEntry>[])
    .filter((l): l is Partial<LanguageEntry> & { code: string } => typeof l.code === 'string')
    .map((l): LanguageEntry => ({ ...l, code: l.code, review: l.review ?? 'draft' }));
  const materials = (raw.materials ?? {}) as Partial<MaterialsSpec>;
  return {
    version: str(raw.version) ?? '',
    date: str(raw.date) ?? '',
    sourceLanguage: str(raw.sourceLanguage) ?? 'en',
    officerLanguage: str(raw.officerLanguage) ?? DEFAULT_OFFICER_LANGUAGE,
    policy: { stale: policy.stale ?? DEFAULT_POLICY.stale, missing: policy.missing ?? DEFAULT_POLICY.missing },
    settings: { organisation: '', area: '', hotline: '', website: '', ...((raw.settings ?? {}) as Record<string, string>) },
    languages,
    materials: {
      card: { front: [], back: [], ...materials.card },
      leaflet: { title: '', sections: [], hotline: '', disclaimer: '', ...materials.leaflet },
      poster: { title: '', rights: [], hotline: '', strip: '', disclaimer: '', ...materials.poster },
    },
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
