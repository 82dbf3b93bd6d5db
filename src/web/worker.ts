// First: starts fetching engine data, the fonts every material needs and HarfBuzz's wasm as the worker starts.
import { engineDataFetch, fetchFace, harfbuzzReady, type EngineData } from './prefetch.ts';
import { unzipSync } from 'fflate';
import { parseDocument, stringify } from 'yaml';
import {
  contentKey,
  editionFile,
  editionLanguages,
  FontNotLoaded,
  fontRegistry,
  type ManifestFace,
  fontsFor,
  installUiStrings,
  languageInfo,
  loadContent,
  memorySource,
  planJobs,
  previewList,
  readManifest,
  runJob,
  translationStatus,
  useFontSource,
  type ContentSource,
  type FontSource,
  type Job,
  type JobContext,
  type LayoutListener,
} from '../engine/index.ts';
import { OUTPUT_KINDS, outputName } from '../build/outputs.ts';
import type { ContentDoc } from '../content/types.ts';
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.ts';
import { CODES } from '../diagnostics/codes.ts';
import type { FromWorker, PageDiagnostic, ToWorker } from './protocol.ts';
import { firstPreviewContent } from './first-preview.ts';

/**
 * The page's Web Worker: the same engine as the CLI, fed from memory. Content arrives as files (the shipped
 * content.zip, an uploaded .zip or folder); fonts are fetched from this site only, the ones `fontsFor` names
 * before a job and any other the job turns out to need (FontNotLoaded, then the job runs again).
 */

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

let data: EngineData | undefined;
const fonts = new Map<string, Uint8Array>();
/**
 * Faces a job asked for that were not loaded yet, by id: what the job needs, recorded as it runs. After the job
 * they are fetched and the job runs again (whatever it made without them is thrown away).
 */
const asked = new Map<string, ManifestFace>();
const source: FontSource = {
  bytes: (m) => {
    const b = fonts.get(m.id);
    if (!b) {
      asked.set(m.id, m);
      throw new FontNotLoaded(m.id);
    }
    return b;
  },
};

/** The loaded content folder's files and its name. */
let files = new Map<string, Uint8Array>();
let folderName = 'content';

async function engineData(): Promise<EngineData> {
  if (!data) {
    data = await engineDataFetch;
    installUiStrings(data.ui);
    useFontSource(source);
  }
  return data;
}

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

/** Why a face could not be loaded (undefined: it is loaded), by id; each face is fetched and checked once. */
const loading = new Map<string, Promise<string | undefined>>();

/** Fetch (or take the prefetched bytes), decompress and verify one face: sha256 of the manifest, as the CLI checks fonts/. */
function loadFont(id: string): Promise<string | undefined> {
  let p = loading.get(id);
  if (!p) {
    p = (async () => {
      const d = await engineData();
      const got = await fetchFace(d, id);
      if (!got.ok) return got.why;
      const entry = d.fonts[id]!;
      const bytes =
        entry.encoding === 'br'
          ? new Uint8Array((await brotli())(got.raw))
          : entry.encoding === 'gzip'
            ? new Uint8Array(await new Response(new Blob([got.raw as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
            : got.raw;
      const digest = hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
      if (digest !== entry.sha256) return `does not match fonts/manifest.json (sha256 ${digest.slice(0, 12)}…)`;
      fonts.set(id, bytes);
      return undefined;
    })();
    loading.set(id, p);
    // A failed fetch (offline) is tried again next time rather than remembered.
    void p.then((why) => why && loading.delete(id));
  }
  return p;
}

/**
 * The JS brotli decoder, imported when the first brotli face (a CJK one) is loaded: evaluating it unpacks its
 * built-in dictionary (~0.2 s on a 2-core machine), which an English or Arabic card never needs.
 */
let brotliDecoder: Promise<(b: Uint8Array) => Uint8Array> | undefined;
const brotli = () => (brotliDecoder ??= import('brotli/decompress.js').then((m) => m.default as (b: Uint8Array) => Uint8Array));

/** Load these faces at once (in parallel); the ones that failed, with why. */
async function loadFonts(ids: Iterable<string>): Promise<{ id: string; why: string }[]> {
  const list = [...new Set(ids)];
  const whys = await Promise.all(list.map(loadFont));
  return list.flatMap((id, i) => (whys[i] ? [{ id, why: whys[i] }] : []));
}

/** A content folder's files, from a .zip (one top folder holding project.yaml is stripped) or a folder listing. */
function filesOf(msg: Extract<ToWorker, { type: 'load' }>): Map<string, Uint8Array> {
  const entries: [string, Uint8Array][] = msg.zip ? Object.entries(unzipSync(msg.zip)).filter(([k]) => !k.endsWith('/')) : msg.files!.map(([k, v]) => [k, v]);
  const project = entries
    .map(([k]) => k)
    .filter((k) => k === 'project.yaml' || k.endsWith('/project.yaml'))
    .sort((a, b) => a.length - b.length)[0];
  const prefix = project ? project.slice(0, -'project.yaml'.length) : '';
  const out = new Map<string, Uint8Array>();
  for (const [k, v] of entries) {
    if (!k.startsWith(prefix)) continue;
    const key = contentKey(k.slice(prefix.length));
    if (key) out.set(key, v);
  }
  return out;
}

/**
 * The answer to a load. `counted`: the languages whose translations this content has read (all of them once the
 * load is complete); the others are listed with their review status from project.yaml and no counts yet.
 */
function describe(loaded: ReturnType<typeof loadContent>, id: number, complete: boolean): FromWorker {
  const content = loaded.content;
  const ok = !!content && !loaded.diagnostics.some((d) => d.severity === 'error');
  if (!content)
    return {
      type: 'loaded',
      id,
      complete,
      name: folderName,
      editions: [],
      languages: [],
      sourceLanguage: 'en',
      settingNames: [],
      diagnostics: loaded.diagnostics,
      ok: false,
    };
  const all = [content.project.sourceLanguage, ...content.project.languages.map((l) => l.code)];
  const counted = (code: string) => complete || code === content.project.sourceLanguage || content.translations.has(code);
  let status: ReturnType<typeof translationStatus> = [];
  try {
    status = translationStatus(content, all.filter(counted));
  } catch {
    // Content with errors may not support status; the page then shows the languages without counts.
  }
  return {
    type: 'loaded',
    id,
    complete,
    name: folderName,
    ok,
    sourceLanguage: content.project.sourceLanguage,
    settingNames: Object.keys(content.project.settings),
    diagnostics: loaded.diagnostics.map((d) => about(d, content)),
    editions: content.editions.map((e) => ({
      name: e.name,
      ...(e.title !== undefined ? { title: e.title } : {}),
      settings: Object.fromEntries(Object.entries({ ...content.project.settings, ...e.settings }).filter((kv): kv is [string, string] => kv[1] !== undefined)),
      languages: editionLanguages(content, e),
    })),
    languages: all.map((code) => {
      const info = languageInfo(code);
      const s = status.find((x) => x.code === code);
      const listed = content.project.languages.find((l) => l.code === code)?.review;
      return {
        code,
        name: info?.name ?? code,
        autonym: info?.autonym ?? code,
        dir: info?.dir ?? 'ltr',
        review: s?.review ?? listed ?? (code === content.project.sourceLanguage ? 'source' : 'draft'),
        stale: s?.stale ?? 0,
        missing: s?.missing ?? 0,
        printable: s?.printable ?? true,
        counted: counted(code),
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
  if (edition !== 'default' || files.has('editions/default.yaml'))
    next.set(`editions/${edition}.yaml`, new TextEncoder().encode(editionYaml(current.content, edition, settings, logoKey)));
  return memorySource(next);
}

/** Content per edition-settings text: a rebuild with the same settings reuses the parsed content. */
let cached: { key: string; loaded: ReturnType<typeof loadContent> } | undefined;
/**
 * The content as loaded, and each edition's effective settings then: a build whose settings are still these (the
 * first preview, typically) uses that content as is instead of parsing the folder a second time.
 */
let asLoaded: { loaded: ReturnType<typeof loadContent>; settings: Map<string, string> } | undefined;

const spanKey = (s: SourceSpan) => `${s.file}:${s.line}:${s.col}`;

/**
 * Each setting value's place (`file:line:col`) → the setting's name, once per loaded content: looked up by key
 * (project.yaml and every edition file, every setting name), not by scanning the content's thousands of spans.
 */
const settingSpanMaps = new WeakMap<ContentDoc, Map<string, string>>();
function settingSpans(content: ContentDoc): Map<string, string> {
  let map = settingSpanMaps.get(content);
  if (!map) {
    map = new Map();
    const files = ['project.yaml', ...content.editions.map(editionFile)];
    const names = new Set([...Object.keys(content.project.settings), ...content.editions.flatMap((e) => Object.keys(e.settings))]);
    for (const file of files) {
      for (const name of names) {
        const span = content.spans.get(`${file}#settings.${name}`);
        if (span) map.set(spanKey(span), name);
      }
    }
    settingSpanMaps.set(content, map);
  }
  return map;
}

/**
 * The source guidance, which every language shares (project.yaml points are settings, found by span, or a
 * language's own entry, which concerns that language).
 */
const SHARED_FILE = /(?:^|\/)guidance\/[^/]+\.yaml$/u;

/**
 * What a diagnostic concerns, as data: a setting when its span is that setting's line (project.yaml or an
 * edition file), else a language when it points into that language's translation file, else the job's language.
 */
function about(d: Diagnostic, content: ContentDoc | undefined, jobLang?: string): PageDiagnostic {
  const setting = content && d.span ? settingSpans(content).get(spanKey(d.span)) : undefined;
  if (setting) return { ...d, about: { setting } };
  const inFile = [d.span?.file, d.place].map((f) => (f ? /(?:^|\/)translations\/([^/]+)\.yaml$/u.exec(f)?.[1] : undefined)).find(Boolean);
  // A point in the source guidance concerns every language (a `[PLACEHOLDER: …]` in it prints in all of them): it stays in the problems list, not beside the job's language.
  const everyLanguage = !!d.span && SHARED_FILE.test(d.span.file);
  const lang = inFile ?? (everyLanguage ? undefined : jobLang);
  return lang ? { ...d, about: { lang } } : d;
}

/** An edition's settings as one string; the logo is left out: the page sends an uploaded logo on its own, and a logo named in the edition file stays in it. */
const settingsKey = (edition: string, settings: Readonly<Record<string, string>>) =>
  JSON.stringify([
    edition,
    Object.entries(settings)
      .filter(([k]) => k !== 'logo')
      .sort(([x], [y]) => (x < y ? -1 : 1)),
  ]);

function contentFor(msg: Extract<ToWorker, { type: 'build' }>): ReturnType<typeof loadContent> {
  if (!msg.logo && asLoaded?.settings.get(msg.edition) === settingsKey(msg.edition, msg.settings)) return asLoaded.loaded;
  const src = withEdition(msg.edition, msg.settings, msg.logo);
  const key = `${msg.edition}\0${new TextDecoder().decode(src.read(`editions/${msg.edition}.yaml`) ?? new Uint8Array())}\0${msg.logo ? msg.logo.data.byteLength : ''}`;
  if (cached?.key !== key) cached = { key, loaded: loadContent(src, { display: folderName }) };
  return cached.loaded;
}

async function build(msg: Extract<ToWorker, { type: 'build' }>): Promise<void> {
  const started = performance.now();
  await engineData();
  await harfbuzzReady();
  // A build in a language whose translation the first answer left out reads the rest of the content first.
  const first = partial?.content;
  if (first && msg.langs.some((l) => l !== first.project.sourceLanguage && !first.translations.has(l))) complete();
  const loaded = contentFor(msg);
  // The content's own diagnostics come with 'loaded'; those of a partial load are replaced by the complete one's.
  const diagnostics: PageDiagnostic[] = (loaded === partial ? [] : loaded.diagnostics).map((d) => about(d, loaded.content));
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
    jobs = jobs
      .filter((j) => only.startsWith(`${j.dir}/`) && only.split('/').length === j.dir.split('/').length + 1 && OUTPUT_KINDS[name] === j.kind)
      .map((j) => ({ ...j, outputs: [name] }));
  }
  const ctx: JobContext = { contentDir: folderName, contentDisplay: folderName, standard: 'none', materialOptions: msg.options };
  const also = [content.project.officerLanguage, content.project.sourceLanguage];
  // The preview's first page is drawn from its frames as soon as layout is done, not from the PDF; never from a
  // layout that asked for a face not loaded yet (the job runs again once it is).
  const onLayout: LayoutListener | undefined = msg.only
    ? (file, doc) => {
        if (file !== msg.only || asked.size || !doc.pages[0]) return;
        post({ type: 'preview', id: msg.id, file, list: previewList(doc.pages[0], (id) => fontRegistry().faceById(id)) });
      }
    : undefined;
  let internalError: string | undefined;
  for (const job of jobs) {
    post({ type: 'progress', id: msg.id, text: job.id });
    let failed = await loadFonts(fontsFor(fontRegistry(), job, also));
    for (;;) {
      asked.clear();
      const result = failed.length ? undefined : await runJob(job, ctx, content, onLayout);
      // A face the job asked for and did not have: fetch it and run the job again, whatever the job made without it.
      if (result && asked.size) {
        failed = await loadFonts(asked.keys());
        if (!failed.length) continue;
      }
      if (failed.length) {
        for (const f of failed) {
          const face = fontRegistry().manifest.faces.find((x) => x.id === f.id);
          const url = data?.fonts[f.id]?.url ?? f.id;
          diagnostics.push({
            severity: 'error',
            code: CODES.web.fontUnavailable,
            message: `The page could not load font ${face?.family ?? f.id} (${f.id}, for ${face?.scripts.join(', ') ?? 'an unknown script'}): ${f.why}; ${job.id} was not built.`,
            place: url,
            hints: ['Connect to the network once with this language chosen (the page then keeps its fonts for offline use), or reload the page.'],
            about: { ...(job.lang ? { lang: job.lang } : {}), font: { id: f.id, scripts: face?.scripts ?? [] } },
          });
        }
        break;
      }
      diagnostics.push(...result!.diagnostics.map((d) => about(d, content, job.lang)));
      if (result!.internalError) internalError = result!.internalError;
      for (const o of result!.outputs) if (!msg.only || o.file === msg.only) outputs.push({ file: o.file, data: new Uint8Array(o.data), pages: o.pages });
      break;
    }
  }
  post(
    {
      type: 'built',
      id: msg.id,
      outputs,
      diagnostics: dedupe(diagnostics),
      ms: Math.round(performance.now() - started),
      ...(internalError ? { internalError } : {}),
    },
    outputs.map((o) => o.data.buffer as ArrayBuffer),
  );
}

function dedupe(ds: readonly PageDiagnostic[]): PageDiagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}\0${d.message}\0${d.span?.file ?? ''}:${d.span?.line ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The first answer's content while the rest of the load is still to be read (see 'complete'). */
let partial: ReturnType<typeof loadContent> | undefined;
let loadId = 0;

function answer(loaded: ReturnType<typeof loadContent>, complete: boolean): Extract<FromWorker, { type: 'loaded' }> | undefined {
  current = { ...(loaded.content ? { content: loaded.content } : {}), diagnostics: loaded.diagnostics };
  const view = describe(loaded, loadId, complete);
  if (view.type !== 'loaded') return undefined;
  asLoaded = { loaded, settings: new Map(view.editions.map((e) => [e.name, settingsKey(e.name, e.settings)])) };
  post(view);
  return view;
}

async function load(msg: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  await engineData();
  files = filesOf(msg);
  folderName = msg.name ?? 'content';
  loadId = msg.id;
  cached = undefined;
  asLoaded = undefined;
  partial = firstPreviewContent(files, folderName);
  const loaded = partial ?? loadContent(memorySource(files), { display: folderName });
  const view = answer(loaded, !partial);
  // The first preview (the first edition's first language): its fonts are fetched while the page draws the form.
  const content = loaded.content;
  const first = view?.editions[0]?.languages[0];
  if (content && first) void loadFonts(fontsFor(fontRegistry(), { lang: first }, [content.project.officerLanguage, content.project.sourceLanguage]));
}

/** The rest of a load: every translation, read while the page draws the first preview. */
function complete(): void {
  if (!partial) return;
  partial = undefined;
  cached = undefined;
  answer(loadContent(memorySource(files), { display: folderName }), true);
}

/**
 * Messages are handled one at a time, in order: a build waiting for its fonts must not let another message (the
 * reading of the rest of the content, 'complete'; a new load) change the content under it.
 */
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  const run = async () => {
    if (msg.type === 'load') await load(msg);
    else if (msg.type === 'complete') complete();
    else if (msg.type === 'build') await build(msg);
    else if (msg.type === 'edition-yaml') post({ type: 'edition-yaml', id: msg.id, text: editionYaml(current.content, msg.edition, msg.settings, msg.logo) });
  };
  queue = queue.then(run).catch((e: unknown) => post({ type: 'fatal', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }));
};

// Keeps the manifest import in the bundle's graph honest: the page never guesses font ids.
void readManifest;
post({ type: 'ready' });
