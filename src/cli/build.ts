import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../build/build.ts';
import { STALE_DIR } from '../build/stale.ts';
import { OUTPUT_KINDS } from '../build/outputs.ts';
import { loadContent } from '../content/load.ts';
import { hasErrors } from '../diagnostics/format.ts';
import {
  folderOption,
  sharedOptions,
  helpText,
  UsageError,
  parseJobs,
  parseList,
  parseMaterialOptions,
  parseMaterials,
  parseOnly,
  parseStandard,
  requireKnownSelection,
} from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';
import { kb, printDiagnostics } from './report.ts';
import { sourceStack } from './source-stack.ts';

const NAMES = [
  'content',
  'out',
  'lang',
  'material',
  'edition',
  'pdf-standard',
  'leaflet-paper',
  'poster-paper',
  'cards-per-sheet',
  'only',
  'jobs',
  'force',
  'keep-stale',
] as const;

export const buildCommand: Command = defineCommand({
  name: 'build',
  summary: 'Build the PDFs of every edition × language × material (only what changed)',
  help: helpText(
    'rightsprint build [options]',
    [
      'Validates the content, applies the print policy, and writes output/<edition>/<lang>/<file>.pdf for every',
      'edition, language and material, plus edition-level files such as the mixed-language card sheet.',
      'Outputs whose inputs did not change (and whose files are unchanged on disk) are skipped; a failed job writes',
      'nothing. Earlier outputs that no longer match the content (their job failed or is gone) are moved to',
      '<out>/.stale/ so nobody prints them by mistake (--keep-stale: only report them).',
      'Exit codes: 0 built, 1 content or file-system errors (nothing of a failed job is written), 2 usage error,',
      '3 internal error.',
    ].join('\n'),
    NAMES,
    [
      'rightsprint build',
      'rightsprint build --lang ar,fa --material card --edition generic',
      'rightsprint build --content ../our-content --out ../print --pdf-standard ua',
      'rightsprint build --material leaflet,poster --leaflet-paper A4 --poster-paper A2',
      'rightsprint build --only card-sheet-a4,card-sheet-mixed-a4',
    ],
  ),
  options: sharedOptions(NAMES),
  async run({ values }, io) {
    const content = folderOption(values.content, 'content', io);
    const out = folderOption(values.out, 'output', io);
    const selection = {
      langs: parseList(values.lang, 'lang'),
      materials: parseMaterials(values.material),
      editions: parseList(values.edition, 'edition'),
      outputs: parseOnly(values.only),
    };
    const onlyKinds = new Set(selection.outputs?.map((o) => (OUTPUT_KINDS[o] === 'mixed-card' ? 'card' : OUTPUT_KINDS[o])));
    if (selection.outputs && selection.materials && !selection.materials.some((m) => onlyKinds.has(m))) {
      throw new UsageError(`--only ${selection.outputs.join(',')} names no output of --material ${selection.materials.join(',')}: nothing would be built.`, [
        'Drop --material (--only alone chooses the files), or name outputs of those materials.',
      ]);
    }
    const standard = parseStandard(values['pdf-standard']);
    const materialOptions = parseMaterialOptions(values);
    const parallel = parseJobs(values.jobs);
    requireOutputFolder(out);

    // Selection names are checked against the content before any work, so a typo is a usage error. With --lang, only
    // those translations are read: enough to find out that nothing needs building (the build reads the rest when
    // something does).
    const loaded = loadContent(content.abs, { display: content.display, ...(selection.langs ? { languages: selection.langs } : {}) });
    if (loaded.content && !hasErrors(loaded.diagnostics)) requireKnownSelection(loaded.content, selection.editions, selection.langs);
    if (standard.startsWith('a-')) io.err(`note: PDF/A applies to home-printing files; press (CMYK) files stay tagged PDF without PDF/A.`);

    const started = performance.now();
    const summary = await build({
      contentDir: content.abs,
      contentDisplay: content.display,
      loaded,
      outDir: out.abs,
      outDisplay: out.display,
      selection,
      context: { standard, materialOptions },
      parallel,
      force: values.force ?? false,
      keepStale: values['keep-stale'] ?? false,
      onOutput: (o) => io.out(`${join(out.display, o.file)}  ${o.pages} page${o.pages === 1 ? '' : 's'}  ${kb(o.bytes)}${o.cached ? '  (unchanged)' : ''}`),
    });
    printDiagnostics(io, summary.diagnostics);
    for (const e of summary.internalErrors) io.err(`internal error in ${sourceStack(e)}`);
    const moved = summary.stale.filter((f) => f.action === 'moved').length;
    const kept = summary.stale.filter((f) => f.action === 'kept' || f.action === 'changed').length;
    if (moved > 0) io.out(`out of date: ${moved} earlier file(s) moved to ${join(out.display, STALE_DIR)}/ (RP7001 above says which and why)`);
    if (kept > 0) io.out(`out of date: ${kept} earlier file(s) left in place — do not print them (RP7001/RP7005 above)`);
    if (summary.stopped) io.out('build stopped: the output folder cannot be written (see the error above); later jobs did not run');
    if (summary.jobs.planned > 0) {
      const bytes = summary.outputs.reduce((n, o) => n + o.bytes, 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(
        `total: ${summary.outputs.length} file(s), ${kb(bytes)} — ${summary.jobs.built} job(s) built, ${summary.jobs.cached} unchanged, ${summary.jobs.failed - summary.jobs.notRun} failed${summary.jobs.notRun > 0 ? `, ${summary.jobs.notRun} not run` : ''}, ${seconds} s`,
      );
    }
    if (summary.internalErrors.length > 0) return EXIT.internal;
    return hasErrors(summary.diagnostics) ? EXIT.content : EXIT.ok;
  },
});

/** `--out` must be a folder or not exist yet (it is created): a file there is a usage mistake, said before any work. */
function requireOutputFolder(out: { abs: string; display: string }): void {
  let isFile = false;
  try {
    isFile = !statSync(out.abs).isDirectory();
  } catch {
    // Not there yet (created by the build), or not reachable: the build reports that with the folder's name.
  }
  if (isFile) throw new UsageError(`--out ${out.display} is a file, not a folder.`, ['Give --out a folder (it is created if missing), e.g. --out output.']);
}
