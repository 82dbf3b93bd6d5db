import { loadContent } from '../content/load.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { editionLanguages, localize } from '../i18n/localize.ts';
import { materialOptionsFor, materials } from '../materials/index.ts';
import { MATERIAL_NAMES } from '../materials/names.ts';
import { folderOption, sharedOptions, helpText, parseList, requireKnownSelection } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { printDiagnostics } from './report.ts';

const NAMES = ['content', 'lang', 'edition'] as const;

export const checkCommand: Command = defineCommand({
  name: 'check',
  summary: 'Validate the content and the print policy for every edition and language (writes nothing)',
  help: helpText(
    'rightsprint check [options]',
    [
      'Checks every content file against its schema and the cross-file rules (language codes, {{variables}},',
      'bold and list markup, materials keys, logos), then localizes every edition × language under the print',
      'policy and lays out every material without writing a PDF, so a card that overflows or a character no font',
      'has is found here too. Prints every problem as `file:line:col  CODE  message` with hints. Exit 1 on any error.',
    ].join('\n'),
    ['content', 'lang', 'edition'],
    ['rightsprint check', 'rightsprint check --content ../our-content --lang ar'],
  ),
  options: sharedOptions(NAMES),
  async run({ values }, io) {
    const folder = folderOption(values.content, 'content', io);
    const langs = parseList(values.lang, 'lang');
    const editions = parseList(values.edition, 'edition');
    const loaded = loadContent(folder.abs, { display: folder.display });
    const diagnostics: Diagnostic[] = [...loaded.diagnostics];
    let jobs = 0;
    if (loaded.content && !hasErrors(diagnostics)) {
      const content = loaded.content;
      requireKnownSelection(content, editions, langs);
      const options = materialOptionsFor(content);
      for (const edition of content.editions) {
        if (editions && !editions.includes(edition.name)) continue;
        for (const lang of editionLanguages(content, edition)) {
          if (langs && !langs.includes(lang)) continue;
          const localized = localize(content, edition, lang);
          diagnostics.push(...localized.diagnostics);
          // Layout only (no PDF): overflow (RP3002/RP3003) and missing glyphs (RP4001) are content problems too.
          if (!localized.blocked) for (const kind of MATERIAL_NAMES) diagnostics.push(...materials[kind](localized.doc, options).diagnostics);
          jobs++;
        }
      }
    }
    printDiagnostics(io, diagnostics);
    const failed = hasErrors(diagnostics);
    io.out(failed ? `check failed: ${folder.display}` : `check passed: ${folder.display} (${jobs} edition × language combination${jobs === 1 ? '' : 's'})`);
    return failed ? EXIT.content : EXIT.ok;
  },
});
