import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isScalar, parseDocument, type Node, type YAMLError } from 'yaml';
import type { ReviewStatus, SourceGuidance, TranslatedString, TranslationFile } from '../../content/types.ts';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { CODES } from './codes.ts';

/**
 * What the workflow commands need from a content folder: the project's version, source language and
 * languages, the source guidance, and every translation file (with the path it lives at).
 * TEMPORARY private reader, until src/content/load.ts (pipeline engineer) lands: it reads only these fields and
 * leaves validation to `rightsprint check`.
 */
export interface Workspace {
  readonly root: string;
  readonly version: string;
  readonly sourceLanguage: string;
  /** Project languages (project.yaml `languages[].code`), in file order. */
  readonly languages: readonly string[];
  /** Language-level review status per project language. */
  readonly languageReview: ReadonlyMap<string, ReviewStatus>;
  readonly source: SourceGuidance;
  readonly translations: ReadonlyMap<string, TranslationFile>;
}

/** Where `translations/<lang>.yaml` lives in a content folder. */
export function translationPath(root: string, lang: string): string {
  return join(root, 'translations', `${lang}.yaml`);
}

/** Reads a content folder. Problems come back as diagnostics (the workspace is undefined when unusable). */
export function openWorkspace(dir: string): { workspace?: Workspace; diagnostics: Diagnostic[] } {
  const root = resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const projectFile = join(root, 'project.yaml');
  const project = existsSync(projectFile) ? readYaml(root, projectFile, diagnostics) : undefined;
  if (!project) {
    diagnostics.push(
      error(CODES.content, `No readable project.yaml in ${dir}.`, undefined, [
        'Pass the content folder with --content <dir> (default ./content).',
      ]),
    );
    return { diagnostics };
  }
  const sourceLanguage = str(project.sourceLanguage) ?? 'en';
  const guidanceFile = join(root, 'guidance', `${sourceLanguage}.yaml`);
  const guidance = existsSync(guidanceFile) ? readYaml(root, guidanceFile, diagnostics) : undefined;
  if (!guidance || !isRecord(guidance.strings)) {
    diagnostics.push(error(CODES.content, `No readable guidance/${sourceLanguage}.yaml with a strings: map in ${dir}.`, undefined, []));
    return { diagnostics };
  }
  const strings = Object.fromEntries(
    Object.entries(guidance.strings).map(([k, v]) => [k, (str(v) ?? '').normalize('NFC')]),
  );
  const entries = Array.isArray(project.languages) ? (project.languages as unknown[]) : [];
  const languages: string[] = [];
  const languageReview = new Map<string, ReviewStatus>();
  for (const entry of entries) {
    const code = isRecord(entry) ? str(entry.code) : undefined;
    if (!code) continue;
    languages.push(code);
    languageReview.set(code, isRecord(entry) && entry.review === 'reviewed' ? 'reviewed' : 'draft');
  }
  const translations = new Map<string, TranslationFile>();
  const folder = join(root, 'translations');
  if (existsSync(folder)) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) {
      const lang = name.slice(0, -'.yaml'.length);
      const file = readTranslationFile(root, join(folder, name), lang, diagnostics);
      if (file) translations.set(lang, file);
    }
  }
  // A translation file that cannot be read must stop the workflow: exporting it as "missing" or rewriting it
  // on import would lose translations.
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return {
    workspace: {
      root,
      version: str(project.version) ?? '',
      sourceLanguage,
      languages,
      languageReview,
      source: { language: sourceLanguage, strings },
      translations,
    },
    diagnostics,
  };
}

function readTranslationFile(root: string, path: string, lang: string, diagnostics: Diagnostic[]): TranslationFile | undefined {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) {
    diagnostics.push(yamlError(root, path, doc.errors[0]));
    return undefined;
  }
  const strings = doc.get('strings', true);
  const out: Record<string, TranslatedString> = {};
  if (isMap(strings)) {
    for (const pair of strings.items) {
      if (!isScalar(pair.key) || !isMap(pair.value)) continue;
      const value = pair.value;
      const text = value.get('text');
      const review = value.get('review');
      out[String(pair.key.value)] = {
        text: typeof text === 'string' ? text.normalize('NFC') : '',
        source: hashOf(value.get('source', true) as Node | undefined),
        ...(review === 'reviewed' || review === 'draft' ? { review } : {}),
      };
    }
  }
  return { language: str(doc.get('language')) ?? lang, strings: out };
}

/** A hash such as `00012345` reads as a YAML number: take the scalar's source text instead. */
function hashOf(node: Node | undefined): string {
  if (!isScalar(node)) return '';
  return node.source ?? String(node.value);
}

function readYaml(root: string, path: string, diagnostics: Diagnostic[]): Record<string, unknown> | undefined {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) {
    diagnostics.push(yamlError(root, path, doc.errors[0]));
    return undefined;
  }
  const value: unknown = doc.toJS();
  return isRecord(value) ? value : undefined;
}

function yamlError(root: string, path: string, e: YAMLError | undefined): Diagnostic {
  const at = e?.linePos?.[0];
  // As the Diagnostic contract asks: relative to the content folder's parent, e.g. content/translations/ar.yaml.
  const file = relative(dirname(root), path);
  const message = (e?.message ?? 'YAML error').split('\n')[0] ?? 'YAML error';
  return error(CODES.content, `YAML error: ${message}`, { file, line: at?.line ?? 1, col: at?.col ?? 1 }, [
    'Fix the file (`rightsprint check` lists every problem) before exporting or importing.',
  ]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
