import { guidanceString } from '../i18n/doc.ts';
import { loadContent } from '../content/load.ts';
import type { ContentDoc } from '../content/types.ts';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/format.ts';
import type { LocalizedDoc } from '../i18n/types.ts';
import { buildMixedCardSheet, materialOptionsFor, materials } from '../materials/index.ts';
import type { BuildOutput, MaterialResult } from '../materials/types.ts';
import { renderPdf, type PdfStandard } from '../render/pdf.ts';
import type { Job, JobContext, JobOutput, JobResult } from './job.ts';
import { localized } from './localized.ts';
import { outputName } from './outputs.ts';

/** Content per folder, loaded once per process (or worker thread): jobs only read it. */
const contents = new Map<string, ContentDoc>();

function contentFor(dir: string, display?: string): ContentDoc {
  let content = contents.get(dir);
  if (!content) {
    const loaded = loadContent(dir, display !== undefined ? { display } : {});
    // The main thread validated the same files before planning; this is a defensive re-check only.
    if (!loaded.content || hasErrors(loaded.diagnostics)) throw new Error(`content in ${dir} changed during the build`);
    content = loaded.content;
    contents.set(dir, content);
  }
  return content;
}

/**
 * Hands this thread the content the build already loaded and validated, so jobs run here do not parse and
 * check the whole folder a second time (that was a tenth of a small build). Always the fresher copy.
 */
export function useLoadedContent(dir: string, content: ContentDoc): void {
  contents.set(dir, content);
}

/** Forget loaded content (tests that rewrite a fixture between builds in one process). */
export function forgetContent(): void {
  contents.clear();
}

/**
 * Told each output's laid-out document (its file as in JobOutput) just before its PDF is written: the web page
 * draws its preview from the frames (render/preview-list.ts) while the PDF is still being written. Layout is
 * done by then; the PDF writer only draws it.
 */
export type LayoutListener = (file: string, doc: BuildOutput['doc']) => void;

/**
 * Runs one job to completion in memory: localize → material → PDF bytes. `loaded` is content already loaded (the
 * web page's); without it the content folder of `ctx` is loaded once per process. Nothing is written here; the caller
 * writes a job's files only after every one of them rendered, so a failing job never leaves half its outputs.
 */
export async function runJob(job: Job, ctx: JobContext, loaded?: ContentDoc, onLayout?: LayoutListener): Promise<JobResult> {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const done = (outputs: JobOutput[], internalError?: string): JobResult => ({
    id: job.id,
    outputs: internalError || hasErrors(diagnostics) ? [] : outputs,
    diagnostics,
    ...(internalError ? { internalError } : {}),
    ms: Math.round(performance.now() - started),
  });
  try {
    const content = loaded ?? contentFor(ctx.contentDir, ctx.contentDisplay);
    const edition = content.editions.find((e) => e.name === job.edition);
    if (!edition) throw new Error(`edition ${job.edition} vanished`);
    const options = materialOptionsFor(content, ctx.materialOptions);
    let result: MaterialResult;
    if (job.kind === 'mixed-card') {
      const docs: LocalizedDoc[] = [];
      for (const lang of job.langs ?? []) {
        const l = localized(content, edition, lang);
        // Languages blocked by policy are reported by their own jobs; the shared sheet leaves them out, and
        // also languages with no card string translated yet (their card would repeat the source-language card).
        const front = content.project.materials.card.front;
        const untranslated = lang !== content.project.sourceLanguage && front.every((k) => guidanceString(l.doc, k).state === 'fallback');
        if (!l.blocked && !untranslated) docs.push(l.doc);
      }
      result = buildMixedCardSheet(docs, options);
    } else {
      const l = localized(content, edition, job.lang!);
      diagnostics.push(...l.diagnostics);
      if (l.blocked) return done([]);
      result = materials[job.kind](l.doc, options);
    }
    diagnostics.push(...result.diagnostics);
    if (hasErrors(diagnostics)) return done([]);
    const outputs: JobOutput[] = [];
    for (const output of result.outputs) {
      if (job.outputs && !job.outputs.includes(outputName(output.file))) continue;
      const file = `${job.dir}/${output.file}`;
      onLayout?.(file, output.doc);
      const data = await renderPdf(output.doc, { standard: standardFor(output, ctx.standard) });
      outputs.push({ file, data, pages: output.doc.pages.length });
    }
    return done(outputs);
  } catch (e) {
    if (e instanceof UserError) {
      diagnostics.push(...e.diagnostics);
      return done([]);
    }
    return done([], e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
}

/**
 * PDF/A needs an output intent matching the colours, and press files are CMYK with no bundled CMYK profile:
 * PDF/A applies to home (RGB) files only; press files stay tagged PDF (the CLI says so once).
 */
export function standardFor(output: Pick<BuildOutput, 'kind'>, requested: PdfStandard): PdfStandard {
  return output.kind === 'press' && requested.startsWith('a-') ? 'none' : requested;
}
