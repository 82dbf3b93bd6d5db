import { error, warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { languageProblem, type LanguageProblem } from './languages.ts';
import { scriptsWithFonts } from './scripts-with-fonts.ts';
import { readLogoFrom } from './read-logo.ts';
import { historyFile } from './history-file.ts';
import { logoProblemDiagnostic } from './logo-diagnostic.ts';
import { contentKey } from './source.ts';
import { markupShape, variablesOf, type MarkupShape } from './markup.ts';
import type { ContentDoc, MaterialsSpec } from './types.ts';

/**
 * Cross-file checks the JSON Schemas cannot express: known language codes, source/translation agreement
 * (`{{variables}}`, bold, lists), materials keys present in the guidance, edition settings and logo paths.
 * Pure over the loaded content and its ContentSource (referenced files must exist in it; logos are read).
 */
export function validateContent(content: ContentDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (rel: string, path: string): SourceSpan | undefined => content.spans.get(`${rel}#${path}`) ?? content.spans.get(`${rel}#`);
  const { project, source } = content;
  const sourceRel = `guidance/${project.sourceLanguage}.yaml`;

  const checkCode = (code: string, span: SourceSpan | undefined, what: string) => {
    const problem = languageProblem(code, scriptsWithFonts());
    if (!problem) return true;
    out.push(languageDiagnostic(code, problem, span, what));
    return false;
  };

  // Project languages.
  checkCode(project.sourceLanguage, at('project.yaml', 'sourceLanguage'), 'sourceLanguage');
  checkCode(project.officerLanguage, at('project.yaml', 'officerLanguage'), 'officerLanguage');
  const seen = new Set<string>();
  project.languages.forEach((l, i) => {
    const span = at('project.yaml', `languages.${i}.code`);
    checkCode(l.code, span, 'project.yaml languages');
    if (l.code === project.sourceLanguage) {
      out.push(
        warning(CODES.content.badValue, `\`${l.code}\` is the source language; it is always built and need not be listed.`, span, ['Delete this entry.']),
      );
    }
    if (seen.has(l.code)) out.push(error(CODES.content.duplicateKey, `Language \`${l.code}\` is listed twice.`, span, ['Delete one of the entries.']));
    seen.add(l.code);
  });

  // Source guidance.
  if (source.language !== project.sourceLanguage) {
    out.push(
      error(
        CODES.content.languageMismatch,
        `${sourceRel} says language: ${source.language}, but project.yaml says sourceLanguage: ${project.sourceLanguage}.`,
        at(sourceRel, 'language'),
        ['Make them the same.'],
      ),
    );
  }
  const settingNames = Object.keys(project.settings);
  // The source side of each translation's comparison, worked out once per key, not once per translation.
  const sourceVariables = new Map<string, string[]>();
  const sourceShapes = new Map<string, MarkupShape>();
  const variablesOfSource = (key: string, text: string) => {
    let v = sourceVariables.get(key);
    if (!v) sourceVariables.set(key, (v = variablesOf(text)));
    return v;
  };
  const shapeOfSource = (key: string, text: string) => {
    let v = sourceShapes.get(key);
    if (!v) sourceShapes.set(key, (v = markupShape(text)));
    return v;
  };
  for (const [key, text] of Object.entries(source.strings)) {
    const span = at(sourceRel, `strings.${key}`);
    for (const name of variablesOfSource(key, text)) {
      if (name === 'count' || settingNames.includes(name)) continue;
      const suggestion = didYouMean(name, settingNames);
      out.push(
        error(CODES.i18n.unknownVariable, `\`${key}\` uses {{${name}}}, but no setting \`${name}\` exists.`, span, [
          suggestion ? `Did you mean {{${suggestion}}}?` : `Add \`${name}:\` under settings in project.yaml, or use one of: ${settingNames.join(', ')}.`,
        ]),
      );
    }
    if (!shapeOfSource(key, text).balanced) out.push(unbalanced(`\`${key}\``, span));
  }

  // Translations.
  const projectCodes = new Set(project.languages.map((l) => l.code));
  for (const [fileLang, file] of content.translations) {
    const rel = `translations/${fileLang}.yaml`;
    if (file.language !== fileLang) {
      out.push(
        error(CODES.content.languageMismatch, `${rel} says language: ${file.language}; the file name says ${fileLang}.`, at(rel, 'language'), [
          `Rename the file to translations/${file.language}.yaml, or fix the language: line.`,
        ]),
      );
    }
    if (checkCode(fileLang, at(rel, 'language'), `the file name ${rel}`) && !projectCodes.has(fileLang) && fileLang !== project.sourceLanguage) {
      out.push(
        warning(CODES.i18n.unlistedTranslation, `${rel} exists, but project.yaml does not list \`${fileLang}\`, so it is not built.`, at(rel, 'language'), [
          `Add \`- { code: ${fileLang}, review: draft }\` under languages in project.yaml.`,
        ]),
      );
    }
    for (const [key, entry] of Object.entries(file.strings)) {
      // Looked up only for a finding: most entries have none.
      const span = () => at(rel, `strings.${key}.text`) ?? at(rel, `strings.${key}`);
      const original = source.strings[key];
      if (original === undefined) {
        const suggestion = didYouMean(key, Object.keys(source.strings));
        out.push(
          warning(CODES.i18n.orphanKey, `\`${key}\` is not in ${sourceRel}; this translation is never printed.`, at(rel, `strings.${key}#key`) ?? span(), [
            suggestion ? `Did the key become \`${suggestion}\`? Rename it.` : 'Delete it, or add the key to the source guidance.',
          ]),
        );
        continue;
      }
      if (entry.text.trim() === '') continue; // Empty = missing; status reports it.
      const want = variablesOfSource(key, original);
      const have = entry.text.includes('{{') ? variablesOf(entry.text) : [];
      for (const v of want.filter((x) => !have.includes(x))) {
        out.push(
          error(CODES.i18n.variableMissing, `\`${key}\` (${fileLang}) lacks {{${v}}}, which the source has.`, span(), [
            `Put {{${v}}} where the source has it, exactly as written (it is replaced by the setting when printed).`,
          ]),
        );
      }
      for (const v of have.filter((x) => !want.includes(x))) {
        const suggestion = didYouMean(v, want);
        out.push(
          error(CODES.i18n.variableExtra, `\`${key}\` (${fileLang}) has {{${v}}}, which the source does not have.`, span(), [
            suggestion ? `Did you mean {{${suggestion}}}? Variable names are never translated.` : 'Remove it; variable names are never translated.',
          ]),
        );
      }
      const s = shapeOfSource(key, original);
      const t = markupShape(entry.text);
      if (!t.balanced) out.push(unbalanced(`\`${key}\` (${fileLang})`, span()));
      else if (s.boldSpans !== t.boldSpans || s.listItems !== t.listItems) {
        out.push(
          warning(
            CODES.i18n.markupMismatch,
            `\`${key}\` (${fileLang}) has ${t.boldSpans} bold span(s) and ${t.listItems} list item(s); the source has ${s.boldSpans} and ${s.listItems}.`,
            span(),
            ['Keep the same **bold** spans around the corresponding words and one `- ` line per source bullet.'],
          ),
        );
      }
    }
  }

  checkHistory(content, out);

  // Materials keys.
  const keys = Object.keys(source.strings);
  for (const [path, key] of materialKeys(project.materials)) {
    if (key === '' || source.strings[key] !== undefined) continue;
    const suggestion = didYouMean(key, keys);
    out.push(
      error(CODES.layout.unknownMaterialKey, `materials.${path} refers to \`${key}\`, which is not in ${sourceRel}.`, at('project.yaml', `materials.${path}`), [
        suggestion ? `Did you mean \`${suggestion}\`?` : `Add \`${key}\` to ${sourceRel}, or use an existing key.`,
      ]),
    );
  }

  // Logos and editions.
  checkLogo(content, project.settings.logo, at('project.yaml', 'settings.logo'), out);
  for (const edition of content.editions) {
    const rel = `editions/${edition.name}.yaml`;
    for (const name of Object.keys(edition.settings)) {
      if (settingNames.includes(name)) continue;
      if (name === 'logo') continue;
      const suggestion = didYouMean(name, settingNames);
      out.push(
        error(
          CODES.content.unknownField,
          `Edition setting \`${name}\` is not a project setting${suggestion ? ` — did you mean \`${suggestion}\`?` : '.'}`,
          at(rel, `settings.${name}#key`),
          [
            suggestion
              ? `Rename it to \`${suggestion}\`; otherwise the project value is printed.`
              : `Settings an edition can override: ${settingNames.join(', ')}.`,
          ],
        ),
      );
    }
    checkLogo(content, edition.settings.logo, at(rel, 'settings.logo'), out);
    edition.languages?.forEach((code, i) => {
      const span = at(rel, `languages.${i}`);
      if (checkCode(code, span, rel) && !projectCodes.has(code) && code !== project.sourceLanguage) {
        out.push(
          error(CODES.content.unknownSelection, `Edition ${edition.name} lists \`${code}\`, which project.yaml does not list.`, span, [
            'Add it to project.yaml languages, or remove it here.',
          ]),
        );
      }
    });
  }
  return out;
}

/**
 * Edition history (history/<version>.yaml): each file's version agrees with its name and its language is the
 * source language. (Guidance that drifted from its own version's snapshot is reported by `status`, not here:
 * every build would warn while the guidance is being drafted; see i18n/history.ts outdatedSnapshot.)
 */
function checkHistory(content: ContentDoc, out: Diagnostic[]): void {
  const { project } = content;
  for (const [fileVersion, snapshot] of content.history ?? []) {
    const rel = historyFile(fileVersion);
    const span = content.spans.get(`${rel}#version`) ?? content.spans.get(`${rel}#`);
    if (snapshot.version !== '' && snapshot.version !== fileVersion) {
      out.push(
        error(CODES.i18n.historyVersion, `${rel} says version: ${snapshot.version}; the file name says ${fileVersion}.`, span, [
          `Snapshots are written by \`rightsprint snapshot\` and named after their version; rename the file to ${historyFile(snapshot.version)} or fix the version: line.`,
        ]),
      );
    }
    if (snapshot.language !== '' && snapshot.language !== project.sourceLanguage) {
      out.push(
        error(
          CODES.content.languageMismatch,
          `${rel} says language: ${snapshot.language}, but project.yaml says sourceLanguage: ${project.sourceLanguage}.`,
          content.spans.get(`${rel}#language`) ?? span,
          ['A snapshot holds the source guidance; it cannot be compared with translations in another language. Delete it, or fix the language: line.'],
        ),
      );
    }
  }
}

function unbalanced(label: string, span: SourceSpan | undefined): Diagnostic {
  return error(CODES.i18n.unbalancedBold, `${label} has an odd number of ** markers, so a bold span never ends.`, span, [
    'Close the bold text with **, or remove the stray **.',
  ]);
}

/** Every `[path, key]` the materials spec refers to, e.g. `['card.front.0', 'card.title']`. */
export function materialKeys(m: MaterialsSpec): [string, string][] {
  const out: [string, string][] = [];
  m.card.front.forEach((k, i) => out.push([`card.front.${i}`, k]));
  m.card.back.forEach((k, i) => out.push([`card.back.${i}`, k]));
  out.push(['leaflet.title', m.leaflet.title]);
  if (m.leaflet.intro !== undefined) out.push(['leaflet.intro', m.leaflet.intro]);
  m.leaflet.sections.forEach((s, i) => {
    out.push([`leaflet.sections.${i}.heading`, s.heading]);
    s.body.forEach((k, j) => out.push([`leaflet.sections.${i}.body.${j}`, k]));
  });
  out.push(['leaflet.hotline', m.leaflet.hotline], ['leaflet.disclaimer', m.leaflet.disclaimer]);
  out.push(['poster.title', m.poster.title]);
  m.poster.rights.forEach((k, i) => out.push([`poster.rights.${i}`, k]));
  out.push(['poster.hotline', m.poster.hotline], ['poster.strip', m.poster.strip], ['poster.disclaimer', m.poster.disclaimer]);
  return out;
}

/**
 * A logo must exist, stay inside the content folder (so a shared content folder cannot read other files), and be
 * a complete, undamaged SVG, PNG or JPEG within the size limits.
 */
function checkLogo(content: ContentDoc, logo: string | undefined, span: SourceSpan | undefined, out: Diagnostic[]): void {
  if (logo === undefined || logo === '') return;
  const key = contentKey(logo);
  if (key === undefined || content.files.outside?.(key)) {
    out.push(
      error(CODES.layout.assetOutsideContent, `Logo \`${logo}\` is outside the content folder.`, span, [
        'Copy the logo into the content folder (e.g. assets/logo.svg) and give its path relative to it.',
      ]),
    );
    return;
  }
  if (
    !content.files.exists(key) &&
    !content.files.folders(key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '').includes(key.slice(key.lastIndexOf('/') + 1))
  ) {
    const path = content.root ? `${content.root}/${key}` : key;
    out.push(error(CODES.layout.missingAsset, `Logo \`${logo}\` does not exist.`, span, [`Expected at ${path}; paths are relative to the content folder.`]));
    return;
  }
  // Decoded completely now, so a damaged or oversized logo is reported at its setting, before any layout.
  const read = readLogoFrom(content.files, key);
  if (!read.ok) out.push(logoProblemDiagnostic(read, logo, span));
}

/** The located diagnostic for a language code that cannot be set (RP2001 malformed, RP2013 no script, RP2014 no font). */
export function languageDiagnostic(code: string, problem: LanguageProblem, span: SourceSpan | undefined, what: string): Diagnostic {
  const mean = (s: string | undefined) => (s ? [`Did you mean \`${s}\`?`] : []);
  switch (problem.kind) {
    case 'malformed':
      return error(CODES.i18n.unknownLanguage, `\`${code}\` in ${what} is not a well-formed BCP 47 language tag.`, span, [
        ...mean(problem.suggestion),
        'Use a language code such as `sw`, `fa-AF` or `zh-Hant`: subtags joined by `-`, not `_` or spaces.',
      ]);
    case 'noScript':
      return error(CODES.i18n.languageScriptUnknown, `Cannot tell which script \`${code}\` in ${what} is written in.`, span, [
        ...mean(problem.suggestion),
        'If the code is right, give its script in the language entry, e.g. `- { code: ' + code + ', script: Latn }` (ISO 15924: Latn, Arab, Ethi, …).',
      ]);
    case 'noFont':
      return error(CODES.i18n.languageNoFont, `No font for the ${problem.script} script of \`${code}\` in ${what}.`, span, [
        `Add a font that covers ${problem.script} to fonts/ and list its faces and a \`${problem.script}\` stack in fonts/manifest.json (see the README, "Scripts, fonts and the text engine"), or give \`fonts:\` in the language entry.`,
      ]);
  }
}
