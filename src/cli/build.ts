import { join } from 'node:path';
import { build } from '../build/build.ts';
import { OUTPUT_KINDS } from '../build/outputs.ts';
import { loadContent } from '../content/load.ts';
import { hasErrors } from '../diagnostics/format.ts';
import { folderOption, helpText, parseCommandArgs, parseJobs, parseList, parseMaterialOptions, parseMaterials, parseOnly, parseStandard, requireKnownSelection, UsageError } from './args.ts';
import { EXIT, type CliIO, type Command } from './command.ts';
import { kb, printDiagnostics } from './report.ts';

const NAMES = ['content', 'out', 'lang', 'material', 'edition', 'pdf-standard', 'leaflet-paper', 'poster-paper', 'cards-per-sheet', 'only', 'jobs', 'force', 'help'] as const;

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the PDFs of every edition × language × material (only what changed)',
  help: helpText(
    'rightsprint build [options]',
    [
      'Validates the content, applies the print policy, and writes output/<edition>/<lang>/<file>.pdf for every',
      'edition, language and material, plus edition-level files such as the mixed-language card sheet.',
      'Outputs whose inputs did not change are skipped; a failed job never replaces a previous good file.',
      'Exit codes: 0 built, 1 content errors (nothing of a failed job is written), 2 usage error, 3 internal error.',
    ].join('\n'),
    NAMES.filter((n) => n !== 'help'),
    [
      'rightsprint build',
      'rightsprint build --lang ar,fa --material card --edition generic',
      'rightsprint build --content ../our-content --out ../print --pdf-standard ua',
      'rightsprint build --material leaflet,poster --leaflet-paper A4 --poster-paper A2',
      'rightsprint build --only card-sheet-a4,card-sheet-mixed-a4',
    ],
  ),
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const values = parseCommandArgs(argv, NAMES, 'build');
    if (values.help) {
      io.out(buildCommand.help);
      return EXIT.ok;
    }
    const content = folderOption(values.content, 'content', io);
    const out = folderOption(values.out, 'output', io);
    const selection = {
      langs: parseList(values.lang),
      materials: parseMaterials(values.material),
      editions: parseList(values.edition),
      outputs: parseOnly(values.only),
    };
    const onlyKinds = new Set(selection.outputs?.map((o) => OUTPUT_KINDS[o] === 'mixed-card' ? 'card' : OUTPUT_KINDS[o]));
    if (selection.outputs && selection.materials && !selection.materials.some((m) => onlyKinds.has(m))) {
      throw new UsageError(`--only ${selection.outputs.join(',')} names no output of --material ${selection.materials.join(',')}: nothing would be built.`, [
        'Drop --material (--only alone chooses the files), or name outputs of those materials.',
      ]);
    }
    const standard = parseStandard(values['pdf-standard']);
    const materialOptions = parseMaterialOptions(values);
    const parallel = parseJobs(values.jobs);

    // Selection names are checked against the content before any work, so a typo is a usage error.
    const loaded = loadContent(content.abs, { display: content.display });
    if (loaded.content && !hasErrors(loaded.diagnostics)) requireKnownSelection(loaded.content, selection.editions, selection.langs);
    if (standard.startsWith('a-')) io.err(`note: PDF/A applies to home-printing files; press (CMYK) files stay tagged PDF without PDF/A.`);

    const started = performance.now();
    const summary = await build({
      contentDir: content.abs,
      contentDisplay: content.display,
      loaded,
      outDir: out.abs,
      selection,
      context: { standard, materialOptions },
      parallel,
      force: values.force ?? false,
      onOutput: (o) => io.out(`${join(out.display, o.file)}  ${o.pages} page${o.pages === 1 ? '' : 's'}  ${kb(o.bytes)}${o.cached ? '  (unchanged)' : ''}`),
    });
    printDiagnostics(io, summary.diagnostics);
    for (const e of summary.internalErrors) io.err(`internal error in ${e}`);
    if (summary.jobs.planned > 0) {
      const bytes = summary.outputs.reduce((n, o) => n + o.bytes, 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(
        `total: ${summary.outputs.length} file(s), ${kb(bytes)} — ${summary.jobs.built} job(s) built, ${summary.jobs.cached} unchanged, ${summary.jobs.failed} failed, ${seconds} s`,
      );
    }
    if (summary.internalErrors.length > 0) return EXIT.internal;
    return hasErrors(summary.diagnostics) ? EXIT.content : EXIT.ok;
  },
};
