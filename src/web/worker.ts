import { unzipSync } from 'fflate';
import { parseDocument, stringify } from 'yaml';
import brotliDecompress from 'brotli/decompress.js';
import {
  contentKey, editionLanguages, FontNotLoaded, fontRegistry, fontsFor, installUiStrings, languageInfo, loadContent, memorySource, planJobs, readManifest, runJob, translationStatus, useFontSource,
  type ContentSource, type FontSource, type Job, type JobContext,
} from '../engine/index.ts';
import { OUTPUT_KINDS, outputName } from '../build/outputs.ts';
import type { ContentDoc } from '../content/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/**
 * The page's Web Worker: the same engine as the CLI, fed from memory. Content arrives as files (the shipped
 * content.zip, an uploaded .zip or folder); fonts are fetched from this site only, the ones `fontsFor` names
 * before a job and any other the job turns out to need (FontNotLoaded, then the job runs again).
 */

/** dist/web/data/engine-data.json, written by src/web/build-site.ts (`npm run web`). */
interface EngineData {
  readonly ui: Record<string, Record<string, unknown>>;
  readonly fonts: Record<string, { readonly url: string; readonly encoding: 'br' | 'identity'; readonly sha256: string }>;
}

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

let data: EngineData | undefined;
const fonts = new Map<string, Uint8Array>();
const source: FontSource = {
  bytes: (m) => {
    const b = fonts.get(m.id);
    if (!b) throw new FontNotLoaded(m.id);
    return b;
  },
};

/** The loaded content folder's files and its name. */
let files = new Map<string, Uint8Array>();
let folderName = 'content';

async function engineData(): Promise<EngineData> {
  if (!data) {
    const res = await fetch(new URL('data/engine-data.json', location.href));
    data = (await res.json()) as EngineData;
    installUiStrings(data.ui);
    useFontSource(source);
  }
  return data;
}

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

/** Fetch, decompress and verify one face (sha256 of the manifest, as the CLI checks fonts/). */
async function loadFont(id: string): Promise<void> {
  if (fonts.has(id)) return;
  const entry = (await engineData()).fonts[id];
  if (!entry) throw new Error(`font face ${id} is not shipped with this page`);
  const res = await fetch(new URL(entry.url, location.href));
  if (!res.ok) throw new Error(`font ${entry.url}: HTTP ${res.status}`);
  const raw = new Uint8Array(await res.arrayBuffer());
  const bytes = entry.encoding === 'br' ? new Uint8Array((brotliDecompress as (b: Uint8Array) => Uint8Array)(raw)) : raw;
  const digest = hex(await crypto.subtle.digest('SHA-256', bytes));
  if (digest !== entry.sha256) throw new Error(`font ${entry.url} does not match fonts/manifest.json (sha256 ${digest.slice(0, 12)}…)`);
  fonts.set(id, bytes);
}

/** A content folder's files, from a .zip (one top folder holding project.yaml is stripped) or a folder listing. */
function filesOf(msg: Extract<ToWorker, { type: 'load' }>): Map<string, Uint8Array> {
  const entries: [string, Uint8Array][] = msg.zip ? Object.entries(unzipSync(msg.zip)).filter(([k]) => !k.endsWith('/')) : msg.files!.map(([k, v]) => [k, v]);
  const project = entries.map(([k]) => k).filter((k) => k === 'project.yaml' || k.endsWith('/project.yaml')).sort((a, b) => a.length - b.length)[0];
  const prefix = project ? project.slice(0, -'project.yaml'.length) : '';
  const out = new Map<string, Uint8Array>();
  for (const [k, v] of entries) {
    if (!k.startsWith(prefix)) continue;
    const key = contentKey(k.slice(prefix.length));
    if (key) out.set(key, v);
  }
  return out;
}

function describe(loaded: ReturnType<typeof loadContent>): FromWorker {
  const content = loaded.content;
  const ok = !!content && !loaded.diagnostics.some((d) => d.severity === 'error');
  if (!content) return { type: 'loaded', name: folderName, editions: [], languages: [], sourceLanguage: 'en', settingNames: [], diagnostics: loaded.diagnostics, ok: false };
  const all = [content.project.sourceLanguage, ...content.project.languages.map((l) => l.code)];
  let status: ReturnType<typeof translationStatus> = [];
  try {
    status = translationStatus(content, all);
  } catch {
    // Content with errors may not support status; the page then shows the languages without counts.
  }
  return {
    type: 'loaded',
    name: folderName,
    ok,
    sourceLanguage: content.project.sourceLanguage,
    settingNames: Object.keys(content.project.settings),
    diagnostics: loaded.diagnostics,
    editions: content.editions.map((e) => ({
      name: e.name,
      ...(e.title !== undefined ? { title: e.title } : {}),
      settings: Object.fromEntries(Object.entries({ ...content.project.settings, ...e.settings }).filter((kv): kv is [string, string] => kv[1] !== undefined)),
      languages: editionLanguages(content, e),
    })),
    languages: all.map((code) => {
      const info = languageInfo(code);
      const s = status.find((x) => x.code === code);
      return {
        code,
        name: info?.name ?? code,
        autonym: info?.autonym ?? code,
        dir: info?.dir ?? 'ltr',
        review: s?.review ?? (code === content.project.sourceLanguage ? 'source' : 'draft'),
        stale: s?.stale ?? 0,
        missing: s?.missing ?? 0,
        printable: s?.printable ?? true,
      };
    }),
  };
}

/**
 * The edition file with the page's settings in it, as the CLI reads it: the original file's comments and order
 * are kept; a setting equal to the project's value and absent from the file is left out (it still inherits).
 */
function editionYaml(content: ContentDoc | undefined, edition: string, settings: Readonly<Record<string, string>>, logo?: string): string {
  const key = `editions/${edition}.yaml`;
  const original = files.get(key);
  const doc = parseDocument(original ? new TextDecoder().decode(original) : `title: ${stringify(edition).trim()}\n`);
  const inherited = content?.project.settings ?? {};
  const own = (doc.getIn(['settings']) as { toJSON?: () => Record<string, unknown> } | undefined)?.toJSON?.() ?? {};
  const wanted: Record<string, string> = { ...settings, ...(logo ? { logo } : {}) };
  for (const [name, value] of Object.entries(wanted)) {
    if (name in own || value !== (inherited as Record<string, string>)[name]) doc.setIn(['settings', name], value);
  }
  return String(doc);
}

let current: { content?: ContentDoc; diagnostics: readonly Diagnostic[] } = { diagnostics: [] };

function withEdition(edition: string, settings: Readonly<Record<string, string>>, logo?: { name: string; data: Uint8Array }): ContentSource {
  const next = new Map(files);
  let logoKey: string | undefined;
  if (logo) {
    logoKey = `assets/${logo.name.replace(/[^A-Za-z0-9._-]/gu, '_')}`;
    next.set(logoKey, logo.data);
  }
  if (edition !== 'default' || files.has('editions/default.yaml')) next.set(`editions/${edition}.yaml`, new TextEncoder().encode(editionYaml(current.content, edition, settings, logoKey)));
  return memorySource(next);
}

/** Content per edition-settings text: a rebuild with the same settings reuses the parsed content. */
let cached: { key: string; loaded: ReturnType<typeof loadContent> } | undefined;

async function build(msg: Extract<ToWorker, { type: 'build' }>): Promise<void> {
  const started = performance.now();
  await engineData();
  const src = withEdition(msg.edition, msg.settings, msg.logo);
  const key = `${msg.edition}\0${new TextDecoder().decode(src.read(`editions/${msg.edition}.yaml`) ?? new Uint8Array())}\0${msg.logo ? msg.logo.data.byteLength : ''}`;
  if (cached?.key !== key) cached = { key, loaded: loadContent(src, { display: folderName }) };
  const loaded = cached.loaded;
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const outputs: { file: string; data: Uint8Array; pages: number }[] = [];
  if (!loaded.content || diagnostics.some((d) => d.severity === 'error')) {
    post({ type: 'built', id: msg.id, outputs, diagnostics, ms: Math.round(performance.now() - started) });
    return;
  }
  const content = loaded.content;
  let jobs: Job[] = planJobs(content, { editions: [msg.edition], langs: msg.langs, materials: msg.materials });
  if (msg.only) {
    // The preview: only the job that makes this file, rendering only it (as `--only` does on the command line).
    const only = msg.only;
    const name = outputName(only);
    jobs = jobs.filter((j) => only.startsWith(`${j.dir}/`) && only.split('/').length === j.dir.split('/').length + 1 && OUTPUT_KINDS[name] === j.kind).map((j) => ({ ...j, outputs: [name] }));
  }
  const ctx: JobContext = { contentDir: folderName, contentDisplay: folderName, standard: 'none', materialOptions: msg.options };
  const also = [content.project.officerLanguage, content.project.sourceLanguage];
  let internalError: string | undefined;
  for (const job of jobs) {
    post({ type: 'progress', id: msg.id, text: job.id });
    for (const id of fontsFor(fontRegistry(), job, also)) await loadFont(id);
    for (let attempt = 0; ; attempt++) {
      const result = await runJob(job, ctx, content);
      const missing = /FontNotLoaded: font face (\S+) has not been loaded/u.exec(result.internalError ?? '');
      if (missing && attempt < 20) {
        await loadFont(missing[1]!);
        continue;
      }
      diagnostics.push(...result.diagnostics);
      if (result.internalError) internalError = result.internalError;
      for (const o of result.outputs) if (!msg.only || o.file === msg.only) outputs.push({ file: o.file, data: new Uint8Array(o.data), pages: o.pages });
      break;
    }
  }
  post({ type: 'built', id: msg.id, outputs, diagnostics: dedupe(diagnostics), ms: Math.round(performance.now() - started), ...(internalError ? { internalError } : {}) }, outputs.map((o) => o.data.buffer as ArrayBuffer));
}

function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}\0${d.message}\0${d.span?.file ?? ''}:${d.span?.line ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function load(msg: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  await engineData();
  files = filesOf(msg);
  folderName = msg.name ?? 'content';
  cached = undefined;
  const loaded = loadContent(memorySource(files), { display: folderName });
  current = { ...(loaded.content ? { content: loaded.content } : {}), diagnostics: loaded.diagnostics };
  post(describe(loaded));
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  const run = async () => {
    if (msg.type === 'load') await load(msg);
    else if (msg.type === 'build') await build(msg);
    else if (msg.type === 'edition-yaml') post({ type: 'edition-yaml', id: msg.id, text: editionYaml(current.content, msg.edition, msg.settings, msg.logo) });
  };
  run().catch((e: unknown) => post({ type: 'fatal', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }));
};

// Keeps the manifest import in the bundle's graph honest: the page never guesses font ids.
void readManifest;
post({ type: 'ready' });
