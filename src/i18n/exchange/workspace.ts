import { join } from 'node:path';
import type { HistorySnapshot, ReviewStatus, SourceGuidance, TranslationFile } from '../../content/types.ts';
import { loadContent } from '../../content/load.ts';
import { CODES } from '../../diagnostics/codes.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

/**
 * What the workflow commands need from a loaded content folder (src/content/load.ts): the project's version,
 * source language and languages, the source guidance, every translation file and the edition history.
 */
export interface Workspace {
  readonly root: string;
  readonly version: string;
  /** Edition date, project.yaml `date` (`YYYY-MM-DD`). */
  readonly date: string;
  readonly sourceLanguage: string;
  /** Project languages (project.yaml `languages[].code`), in file order. */
  readonly languages: readonly string[];
  /** Language-level review status per project language. */
  readonly languageReview: ReadonlyMap<string, ReviewStatus>;
  readonly source: SourceGuidance;
  readonly translations: ReadonlyMap<string, TranslationFile>;
  /** Edition history snapshots (history/<version>.yaml) by version, newest first. */
  readonly history: ReadonlyMap<string, HistorySnapshot>;
}

/**
 * Problems that must stop export/import/accept/diff: a file the loader could not parse would be exported as
 * "missing" and then overwritten on import. Other content errors (a missing logo, an unknown setting) are for
 * `rightsprint check`; the workflow commands only count them.
 */
const BLOCKING = new Set<string>([
  CODES.content.yamlSyntax,
  CODES.content.duplicateKey,
  CODES.content.missingFile,
  CODES.content.notUtf8,
  CODES.content.utf16File,
  CODES.content.fileTooLarge,
]);

/** Where `translations/<lang>.yaml` lives in a content folder. */
export function translationPath(root: string, lang: string): string {
  return join(root, 'translations', `${lang}.yaml`);
}

/**
 * Loads a content folder through the content loader. `display` is the folder as the user typed it (for
 * messages). Returns the blocking problems as diagnostics (workspace undefined), or the workspace plus the
 * number of other content errors, which `rightsprint check` lists.
 */
export function openWorkspace(dir: string, display = dir): { workspace?: Workspace; diagnostics: Diagnostic[]; otherErrors: number } {
  const { content, diagnostics } = loadContent(dir, { display });
  const blocking = diagnostics.filter((d) => d.severity === 'error' && BLOCKING.has(d.code));
  if (!content || blocking.length > 0) return { diagnostics: blocking.length > 0 ? blocking : [...diagnostics], otherErrors: 0 };
  const otherErrors = diagnostics.filter((d) => d.severity === 'error').length;
  const { project } = content;
  return {
    workspace: {
      root: content.root,
      version: project.version,
      date: project.date,
      sourceLanguage: project.sourceLanguage,
      languages: project.languages.map((l) => l.code),
      languageReview: new Map(project.languages.map((l) => [l.code, l.review])),
      source: content.source,
      translations: content.translations,
      history: content.history ?? new Map(),
    },
    diagnostics: [],
    otherErrors,
  };
}

/** One line telling the user the content has errors this command does not need to stop for. */
export function contentNote(errors: number): string {
  return `note: the content folder has ${errors} other error(s); \`rightsprint check\` lists them. They do not affect this command.`;
}
