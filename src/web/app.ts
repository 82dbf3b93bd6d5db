import { zipSync } from 'fflate';
import i18next, { type i18n } from 'i18next';
import { CODES } from '../diagnostics/codes.ts';
import { drawPreview } from './draw-preview.ts';
import type { PreviewList } from '../engine/index.ts';
import type { EditionView, FromWorker, LanguageView, PageDiagnostic, ToWorker } from './protocol.ts';

/**
 * The organiser's page. It only arranges labelled controls and shows what the worker (the engine) says: every
 * PDF, preview and diagnostic comes from src/web/worker.ts, which runs the same code as the CLI.
 */

type Material = 'card' | 'leaflet' | 'poster';
const MATERIALS: readonly Material[] = ['card', 'leaflet', 'poster'];
/** Settings the page always offers, in this order; a content folder's other settings follow under their own names. */
const KNOWN_SETTINGS = ['organisation', 'area', 'hotline', 'website', 'legalAdvice'];
/** How long the page waits after the last change before rebuilding the preview. */
const PREVIEW_DEBOUNCE_MS = 150;

const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
let t: i18n['t'];
/** data/web-strings.json (src/web/build-site.ts): locales/<lng>/web.json of every language that has one, with its names and direction. */
type WebStrings = Record<string, { readonly name: string; readonly autonym: string; readonly dir: 'ltr' | 'rtl'; readonly strings: Record<string, string> }>;
let webStrings: WebStrings = {};

const state = {
  loaded: undefined as Extract<FromWorker, { type: 'loaded' }> | undefined,
  edition: '',
  settings: {} as Record<string, string>,
  logo: undefined as { name: string; data: Uint8Array } | undefined,
  langs: new Set<string>(),
  materials: new Set<Material>(['card']),
  options: {} as { leafletPaper?: 'A5' | 'A4'; posterPaper?: 'A4' | 'A3' | 'A2'; cardsPerSheet?: 10 | 8 | 6 },
  preview: '',
  outputs: [] as { file: string; data: Uint8Array; pages: number }[],
  diagnostics: [] as PageDiagnostic[],
};

let nextId = 1;
const pending = new Map<number, (m: FromWorker) => void>();
/** Preview builds waiting for their first page's display list, by build id (it comes before their 'built'). */
const previewLists = new Map<number, (m: Extract<FromWorker, { type: 'preview' }>) => void>();
/** The load waiting for its first answer. */
let onLoaded: { id: number; resolve: (m: Extract<FromWorker, { type: 'loaded' }>) => void } | undefined;

/** A module worker drops messages sent before its modules have evaluated: wait for its 'ready'. */
let markReady: () => void;
let isReady = false;
const ready = new Promise<void>((resolve) => (markReady = resolve));

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'ready') {
    isReady = true;
    markReady();
  } else if (m.type === 'loaded') {
    if (onLoaded?.id === m.id) {
      onLoaded.resolve(m);
      onLoaded = undefined;
    } else if (m.complete && state.loaded?.id === m.id) completed(m);
  } else if (m.type === 'progress') setStatus(t('building', { what: m.text }));
  else if (m.type === 'preview') previewLists.get(m.id)?.(m);
  else if (m.type === 'fatal') {
    setStatus(`${t('internalError')} ${m.message}`);
    for (const [, resolve] of pending) resolve({ type: 'built', id: 0, outputs: [], diagnostics: [], ms: 0, internalError: m.message });
    pending.clear();
  } else {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  }
};

/** Posted at once when the worker is ready (the first preview's build must reach it before 'complete'). */
function request(msg: ToWorker & { id: number }): Promise<FromWorker> {
  const send = () =>
    new Promise<FromWorker>((resolve) => {
      pending.set(msg.id, resolve);
      worker.postMessage(msg);
    });
  return isReady ? send() : ready.then(send);
}

async function load(msg: Omit<Extract<ToWorker, { type: 'load' }>, 'id'>): Promise<Extract<FromWorker, { type: 'loaded' }>> {
  await ready;
  const id = nextId++;
  return new Promise((resolve) => {
    onLoaded = { id, resolve };
    worker.postMessage({ ...msg, id }, msg.zip ? [msg.zip.buffer] : []);
  });
}

// ---- small DOM helpers -------------------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
function setStatus(text: string): void {
  $('status').textContent = text;
}

function diagnosticItem(d: PageDiagnostic): HTMLElement {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}  ` : d.place ? `${d.place}  ` : '';
  const hints = (d as { hints?: readonly string[] }).hints ?? [];
  return el(
    'p',
    { class: `diag ${d.severity}`, role: d.severity === 'error' ? 'alert' : 'note' },
    `${where}${d.code} ${d.severity}  ${d.message}`,
    ...hints.map((h) => el('span', { class: 'hint' }, ` — ${h}`)),
  );
}

/** Whether a diagnostic concerns this setting (the worker says so as data: its span is that setting's value). */
const aboutSetting = (d: PageDiagnostic, name: string) => d.about?.setting === name;
/** Whether a diagnostic concerns this language (its translation file, or a job in that language). */
const aboutLanguage = (d: PageDiagnostic, code: string) => !d.about?.setting && d.about?.lang === code;
/**
 * The logo's own problems (an uploaded logo is not in any file's settings): the loader's logo codes and the PDF
 * writer's two image codes.
 */
const LOGO_CODES = new Set<string>([
  CODES.layout.missingAsset,
  CODES.layout.assetOutsideContent,
  CODES.layout.logoNotFile,
  CODES.layout.logoDamaged,
  CODES.layout.logoTooLarge,
  CODES.layout.logoFormat,
  CODES.layout.logoUnsupportedSvg,
  CODES.layout.logoUnsafeSvg,
  CODES.render.unsupportedSvg,
  CODES.render.unreadableImage,
]);
/** Logo problems: about `settings.logo`, or one of the logo codes. */
const aboutLogo = (d: PageDiagnostic) => aboutSetting(d, 'logo') || LOGO_CODES.has(d.code);

// ---- rendering ----------------------------------------------------------------------------------------------

function settingLabel(name: string): string {
  const key = `setting_${name}`;
  return i18next.exists(key) ? t(key) : name;
}

function render(): void {
  const loaded = state.loaded!;
  const app = $('app');
  app.setAttribute('aria-busy', 'false');
  const edition = loaded.editions.find((e) => e.name === state.edition) ?? loaded.editions[0];
  const settingNames = [
    ...KNOWN_SETTINGS.filter((n) => loaded.settingNames.includes(n) || KNOWN_SETTINGS.includes(n)),
    ...loaded.settingNames.filter((n) => !KNOWN_SETTINGS.includes(n) && n !== 'logo'),
  ];

  const header = el(
    'header',
    {},
    el('h1', {}, t('title')),
    el('p', {}, t('intro')),
    el('label', { for: 'page-lang' }, t('pageLanguage')),
    (() => {
      const s = el('select', { id: 'page-lang' });
      for (const [code, l] of Object.entries(webStrings)) {
        const o = el('option', { value: code, lang: code, dir: l.dir }, l.autonym === l.name ? l.name : `${l.autonym} — ${l.name}`);
        if (code === i18next.language) o.selected = true;
        s.append(o);
      }
      s.addEventListener('change', () => void setPageLanguage(s.value).then(() => render()));
      return s;
    })(),
  );

  const left = el('div', {});
  // Content
  const contentSet = el('fieldset', {}, el('legend', {}, t('contentHeading')), el('p', { id: 'content-name' }, t('contentLoaded', { name: loaded.name })));
  const zipInput = el('input', { type: 'file', id: 'load-zip', accept: '.zip,application/zip' });
  zipInput.addEventListener('change', () => void loadZip(zipInput));
  const dirInput = el('input', { type: 'file', id: 'load-folder', webkitdirectory: '', multiple: '' });
  dirInput.addEventListener('change', () => void loadFolder(dirInput));
  contentSet.append(el('label', { for: 'load-zip' }, t('loadZip')), zipInput, el('label', { for: 'load-folder' }, t('loadFolder')), dirInput);
  const contentDiags = loaded.diagnostics.filter((d) => d.severity === 'error');
  const contentProblems = el('div', { id: 'content-problems', 'aria-live': 'polite' });
  for (const d of contentDiags) contentProblems.append(diagnosticItem(d));
  contentSet.append(contentProblems);
  left.append(contentSet);

  if (loaded.ok && edition) {
    // Edition
    const editionSelect = el('select', { id: 'edition' });
    for (const e of loaded.editions) {
      const o = el('option', { value: e.name }, e.title ? `${e.title} (${e.name})` : e.name);
      if (e.name === edition.name) o.selected = true;
      editionSelect.append(o);
    }
    editionSelect.addEventListener('change', () => {
      chooseEdition(loaded.editions.find((e) => e.name === editionSelect.value)!);
      render();
      schedulePreview();
    });
    left.append(el('fieldset', {}, el('legend', {}, t('editionHeading')), el('label', { for: 'edition' }, t('edition')), editionSelect));

    // Settings
    const settingsSet = el('fieldset', {}, el('legend', {}, t('settingsHeading')));
    for (const name of settingNames) {
      const id = `setting-${name}`;
      const input = el('input', {
        type: 'text',
        id,
        name,
        value: state.settings[name] ?? '',
        'aria-describedby': `${id}-diag`,
        autocomplete: 'off',
        dir: 'auto',
      });
      input.addEventListener('input', () => {
        state.settings[name] = input.value;
        schedulePreview();
      });
      const diags = el('div', { id: `${id}-diag`, 'aria-live': 'polite' });
      for (const d of allDiagnostics().filter((x) => aboutSetting(x, name))) diags.append(diagnosticItem(d));
      settingsSet.append(el('label', { for: id }, settingLabel(name)), input, diags);
    }
    const logo = el('input', { type: 'file', id: 'logo', accept: '.svg,.png,image/svg+xml,image/png' });
    logo.addEventListener('change', () => void chooseLogo(logo));
    const logoDiags = el('div', { id: 'logo-diag' });
    for (const d of state.diagnostics.filter(aboutLogo)) logoDiags.append(diagnosticItem(d));
    settingsSet.append(
      el('label', { for: 'logo' }, t('logo')),
      logo,
      el('span', { class: 'status', id: 'logo-name' }, state.logo?.name ?? edition.settings.logo ?? ''),
      logoDiags,
    );
    const save = el('button', { type: 'button', id: 'save-edition' }, t('saveEdition'));
    save.addEventListener('click', () => void saveEdition());
    settingsSet.append(el('div', {}, save));
    left.append(settingsSet);

    // Languages
    const langSet = el('fieldset', { class: 'langs', id: 'languages', 'aria-busy': String(!loaded.complete) }, el('legend', {}, t('languagesHeading')));
    for (const l of loaded.languages.filter((x) => edition.languages.includes(x.code))) {
      const id = `lang-${l.code}`;
      const box = el('input', { type: 'checkbox', id, value: l.code, 'aria-describedby': `${id}-diag` });
      box.checked = state.langs.has(l.code);
      box.addEventListener('change', () => {
        if (box.checked) state.langs.add(l.code);
        else state.langs.delete(l.code);
        // A newly chosen language is previewed (and its problems shown beside it) at once.
        if (box.checked) state.preview = previewChoices().find((f) => f.startsWith(`${state.edition}/${l.code}/`)) ?? state.preview;
        schedulePreview();
      });
      const label = el(
        'label',
        { for: id, class: 'inline' },
        box,
        el('span', { class: 'lang-name', lang: l.code, dir: l.dir }, l.autonym),
        el('span', { id: `${id}-status` }, languageStatus(l, loaded)),
      );
      const diags = el('div', { id: `${id}-diag` });
      for (const d of allDiagnostics().filter((x) => aboutLanguage(x, l.code))) diags.append(diagnosticItem(d));
      langSet.append(label, diags);
    }
    left.append(langSet);

    // Materials and paper
    const matSet = el('fieldset', {}, el('legend', {}, t('materialsHeading')));
    for (const m of MATERIALS) {
      const box = el('input', { type: 'checkbox', id: `material-${m}`, value: m });
      box.checked = state.materials.has(m);
      box.addEventListener('change', () => {
        if (box.checked) state.materials.add(m);
        else state.materials.delete(m);
        schedulePreview();
      });
      matSet.append(el('label', { for: `material-${m}`, class: 'inline' }, box, t(`material_${m}`)));
    }
    const select = (id: string, label: string, values: readonly [string, string][], current: string, set: (v: string) => void) => {
      const s = el('select', { id });
      for (const [v, text] of values) {
        const o = el('option', { value: v }, text);
        if (v === current) o.selected = true;
        s.append(o);
      }
      s.addEventListener('change', () => {
        set(s.value);
        schedulePreview();
      });
      matSet.append(el('label', { for: id }, label), s);
    };
    select(
      'leaflet-paper',
      t('leafletPaper'),
      [
        ['A5', 'A5'],
        ['A4', 'A4'],
      ],
      state.options.leafletPaper ?? 'A5',
      (v) => (state.options = { ...state.options, leafletPaper: v as 'A5' | 'A4' }),
    );
    select(
      'poster-paper',
      t('posterPaper'),
      [
        ['A3', 'A3'],
        ['A4', 'A4'],
        ['A2', 'A2'],
      ],
      state.options.posterPaper ?? 'A3',
      (v) => (state.options = { ...state.options, posterPaper: v as 'A4' | 'A3' | 'A2' }),
    );
    select(
      'cards-per-sheet',
      t('cardsPerSheet'),
      [
        ['', t('cardsDefault')],
        ['10', '10'],
        ['8', '8'],
        ['6', '6'],
      ],
      state.options.cardsPerSheet ? String(state.options.cardsPerSheet) : '',
      (v) => {
        const { cardsPerSheet: _, ...rest } = state.options;
        state.options = v ? { ...rest, cardsPerSheet: Number(v) as 10 | 8 | 6 } : rest;
      },
    );
    left.append(matSet);
  }

  // Right column: build, preview, downloads, problems
  const right = el('div', {});
  const buildButton = el('button', { type: 'button', id: 'build' }, t('build'));
  buildButton.addEventListener('click', () => void buildAll());
  right.append(buildButton, el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }, ''));
  const previewSelect = el('select', { id: 'preview-item' });
  for (const f of previewChoices()) {
    const o = el('option', { value: f }, f);
    if (f === state.preview) o.selected = true;
    previewSelect.append(o);
  }
  previewSelect.addEventListener('change', () => {
    state.preview = previewSelect.value;
    schedulePreview();
  });
  right.append(
    el('h2', {}, t('previewHeading')),
    el('label', { for: 'preview-item' }, t('previewItem')),
    previewSelect,
    el('canvas', { id: 'preview-canvas', width: '600', height: '400', role: 'img', 'aria-label': t('previewAlt', { file: state.preview }) }),
    el('h2', {}, t('downloadsHeading')),
    el('div', { id: 'downloads', class: 'downloads' }),
    el('h2', {}, t('problemsHeading')),
    el('div', { id: 'problems' }),
  );

  app.replaceChildren(header, left, right);
  showDownloads();
  showProblems();
}

/** A language row's name, review status, and (once counted) its stale and missing strings and whether it prints. */
function languageStatus(l: LanguageView, loaded: Extract<FromWorker, { type: 'loaded' }>): string {
  const review = t(`review_${l.review}`, { defaultValue: l.review });
  if (!l.counted) return `${l.name} · ${review}`;
  const counts = l.code === loaded.sourceLanguage ? '' : ` · ${t('counts', { stale: l.stale, missing: l.missing })}`;
  return `${l.name} · ${review}${counts}${l.printable ? '' : ` · ${t('notPrintable')}`}`;
}

/** Output files the preview can show, for the chosen languages and materials (the CLI's names). */
function previewChoices(): string[] {
  const out: string[] = [];
  const ed = state.edition;
  const perLang: Record<Material, string[]> = {
    card: ['card-sheet-a4.pdf', 'card-sheet-letter.pdf', 'card-press.pdf'],
    leaflet: ['leaflet.pdf', 'leaflet-press.pdf'],
    poster: ['poster.pdf', 'poster-press.pdf'],
  };
  const langs = state.loaded?.languages.map((l) => l.code).filter((c) => state.langs.has(c)) ?? [];
  for (const lang of langs) for (const m of MATERIALS) if (state.materials.has(m)) for (const f of perLang[m]) out.push(`${ed}/${lang}/${f}`);
  if (state.materials.has('card') && langs.length > 1) out.push(`${ed}/card-sheet-mixed-a4.pdf`, `${ed}/card-sheet-mixed-letter.pdf`);
  if (!out.includes(state.preview)) state.preview = out[0] ?? '';
  return out;
}

/** `<edition>-<lang>-<file>.pdf` (the mixed sheet: `<edition>-<file>.pdf`). */
function downloadName(file: string): string {
  return file.split('/').join('-');
}

function showDownloads(): void {
  const box = $('downloads');
  if (!box) return;
  box.replaceChildren();
  for (const o of state.outputs) {
    const url = URL.createObjectURL(new Blob([o.data as BlobPart], { type: 'application/pdf' }));
    box.append(el('a', { href: url, download: downloadName(o.file) }, `${downloadName(o.file)} (${o.pages} p., ${Math.round(o.data.byteLength / 1024)} KB)`));
  }
  if (state.outputs.length > 1) {
    const all = el('button', { type: 'button', id: 'download-all' }, t('downloadAll'));
    all.addEventListener('click', () => {
      const zip = zipSync(Object.fromEntries(state.outputs.map((o) => [downloadName(o.file), o.data])), { level: 0 });
      save(new Blob([zip as BlobPart], { type: 'application/zip' }), `${state.edition}.zip`);
    });
    box.append(all);
  }
}

/** The content's own diagnostics and the last build's, each once. */
function allDiagnostics(): PageDiagnostic[] {
  const seen = new Set<string>();
  return [...(state.loaded?.diagnostics ?? []), ...state.diagnostics].filter((d) => {
    const k = `${d.code}${d.message}${d.span?.file}${d.span?.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function showProblems(): void {
  const box = $('problems');
  if (!box) return;
  const all = allDiagnostics();
  box.replaceChildren(...all.map(diagnosticItem));
  if (all.length === 0) box.append(el('p', {}, t('noProblems')));
}

function save(blob: Blob, name: string): void {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

// ---- actions ------------------------------------------------------------------------------------------------

function chooseEdition(e: EditionView): void {
  state.edition = e.name;
  state.settings = { ...e.settings };
  delete state.settings.logo;
  state.logo = undefined;
  state.langs = new Set([e.languages[0]!]);
  state.outputs = [];
  state.diagnostics = [];
}

function buildMessage(only?: string): Extract<ToWorker, { type: 'build' }> {
  return {
    type: 'build',
    id: nextId++,
    edition: state.edition,
    settings: { ...state.settings },
    ...(state.logo ? { logo: { name: state.logo.name, data: state.logo.data.slice() } } : {}),
    langs: [...state.langs],
    materials: [...state.materials],
    options: state.options,
    ...(only ? { only } : {}),
  };
}

async function buildAll(): Promise<void> {
  // Earlier downloads no longer match the form: never offer them while the new ones are being built.
  state.outputs = [];
  showDownloads();
  setStatus(t('building', { what: state.edition }));
  const m = (await request(buildMessage())) as Extract<FromWorker, { type: 'built' }>;
  state.outputs = [...m.outputs];
  state.diagnostics = [...m.diagnostics];
  render();
  setStatus(
    m.internalError ? `${t('internalError')} ${m.internalError}` : m.outputs.length ? t('built', { count: m.outputs.length, ms: m.ms }) : t('nothingBuilt'),
  );
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;
function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void updatePreview(), PREVIEW_DEBOUNCE_MS);
}

async function updatePreview(): Promise<void> {
  const choices = previewChoices();
  const select = $('preview-item') as HTMLSelectElement | null;
  if (select && [...select.options].map((o) => o.value).join() !== choices.join()) {
    select.replaceChildren(...choices.map((f) => el('option', { value: f }, f)));
    select.value = state.preview;
  }
  if (!state.preview) return;
  const seq = ++previewSeq;
  const msg = buildMessage(state.preview);
  // The first page is drawn from its frames as soon as the worker has laid it out, while the PDF is written.
  let failed = false;
  const current = () => seq === previewSeq && !failed;
  let list: PreviewList | undefined;
  let drawnOn: Promise<HTMLCanvasElement | undefined> = Promise.resolve(undefined);
  previewLists.set(msg.id, (p) => {
    list = p.list;
    const canvas = $('preview-canvas') as HTMLCanvasElement;
    drawnOn = drawPreview(canvas, p.list, current).then(
      (ok) => {
        if (!ok) return undefined;
        performance.mark('rp:drawn');
        return canvas;
      },
      () => undefined,
    );
  });
  const m = (await request(msg)) as Extract<FromWorker, { type: 'built' }>;
  previewLists.delete(msg.id);
  if (seq !== previewSeq) return;
  state.diagnostics = [...m.diagnostics];
  refreshInlineDiagnostics();
  const pdf = m.outputs[0];
  if (pdf) performance.mark('rp:pdf');
  const canvas = $('preview-canvas') as HTMLCanvasElement;
  if (!pdf) {
    // No PDF: whatever layout had drawn is not what can be downloaded.
    failed = true;
    canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    canvas.dataset.file = '';
    setStatus(m.internalError ? `${t('internalError')} ${m.internalError}` : t('nothingBuilt'));
    return;
  }
  // The form was drawn again meanwhile (a new canvas): the preview goes on the one shown.
  const shown = !!list && ((await drawnOn) === canvas || (await drawPreview(canvas, list, current).catch(() => false)));
  if (seq !== previewSeq) return;
  if (!shown) {
    setStatus(`${t('internalError')} the preview of ${pdf.file} could not be drawn.`);
    return;
  }
  registerOffline();
  canvas.dataset.file = pdf.file;
  canvas.dataset.build = String(seq);
  canvas.setAttribute('aria-label', t('previewAlt', { file: pdf.file }));
  setStatus(t('built', { count: 1, ms: m.ms }));
}

/** Diagnostics beside their field and language, without rebuilding the form (keeps focus while typing). */
function refreshInlineDiagnostics(): void {
  const loaded = state.loaded!;
  const all = allDiagnostics();
  for (const name of [...KNOWN_SETTINGS, ...loaded.settingNames]) {
    const box = document.getElementById(`setting-${name}-diag`);
    box?.replaceChildren(...all.filter((d) => aboutSetting(d, name)).map(diagnosticItem));
  }
  for (const l of loaded.languages) {
    const box = document.getElementById(`lang-${l.code}-diag`);
    box?.replaceChildren(...all.filter((d) => aboutLanguage(d, l.code)).map(diagnosticItem));
  }
  document.getElementById('logo-diag')?.replaceChildren(...state.diagnostics.filter(aboutLogo).map(diagnosticItem));
  showProblems();
}

/**
 * The service worker (offline use) is registered once the first preview is drawn: its install downloads the
 * page's files for the cache, which would otherwise compete with the first PDF for the network and the CPU.
 */
let offlineRegistered = false;
function registerOffline(): void {
  if (offlineRegistered || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  offlineRegistered = true;
  void navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { type: 'module' }).catch(() => undefined);
}

async function chooseLogo(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  state.logo = { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
  $('logo-name').textContent = file.name;
  schedulePreview();
}

async function saveEdition(): Promise<void> {
  const logo = state.logo ? `assets/${state.logo.name.replace(/[^A-Za-z0-9._-]/gu, '_')}` : undefined;
  const m = (await request({ type: 'edition-yaml', id: nextId++, edition: state.edition, settings: state.settings, ...(logo ? { logo } : {}) })) as Extract<
    FromWorker,
    { type: 'edition-yaml' }
  >;
  save(new Blob([m.text], { type: 'application/yaml' }), `${state.edition}.yaml`);
}

async function afterLoad(m: Extract<FromWorker, { type: 'loaded' }>): Promise<void> {
  state.loaded = m;
  state.outputs = [];
  state.diagnostics = [];
  const first = m.editions[0];
  if (first) chooseEdition(first);
  // The first preview at once (the typing pause is for changes, not for loading), asked for before the form is
  // drawn: the worker builds while the page draws.
  const preview = m.ok ? updatePreview() : Promise.resolve();
  render();
  // Then the rest of the content, once the preview is drawn and its PDF is in (reading it meanwhile would slow
  // them down on a busy machine). A build in another language before then makes the worker read it first.
  if (!m.complete) void preview.finally(() => worker.postMessage({ type: 'complete' } satisfies ToWorker));
}

/**
 * The second answer to a load, from all of the content: the language rows get their counts and the problems
 * their full list in place (the form and the preview are kept); content with an error elsewhere builds nothing.
 */
function completed(m: Extract<FromWorker, { type: 'loaded' }>): void {
  performance.mark('rp:content-complete');
  state.loaded = m;
  if (!m.ok) {
    state.outputs = [];
    state.diagnostics = [];
    render();
    return;
  }
  for (const l of m.languages) {
    const status = document.getElementById(`lang-${l.code}-status`);
    if (status) status.textContent = languageStatus(l, m);
  }
  document.getElementById('languages')?.setAttribute('aria-busy', 'false');
  refreshInlineDiagnostics();
}

async function loadZip(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  await afterLoad(await load({ type: 'load', zip: new Uint8Array(await file.arrayBuffer()), name: file.name.replace(/\.zip$/iu, '') }));
}

async function loadFolder(input: HTMLInputElement): Promise<void> {
  const list = [...(input.files ?? [])];
  if (!list.length) return;
  const files = await Promise.all(
    list.map(async (f) => [(f as File & { webkitRelativePath: string }).webkitRelativePath || f.name, new Uint8Array(await f.arrayBuffer())] as const),
  );
  const name = files[0]![0].split('/')[0] ?? 'content';
  await afterLoad(await load({ type: 'load', files, name }));
}

/** The page's language: `lng` if it has UI strings (else English), with `lang` and `dir` on the page. */
async function setPageLanguage(lng: string): Promise<void> {
  const code = webStrings[lng] ? lng : 'en';
  await i18next.changeLanguage(code);
  document.documentElement.lang = code;
  document.documentElement.dir = webStrings[code]?.dir ?? 'ltr';
}

/** The first of the browser's preferred languages the page has strings for (its region dropped if need be). */
function preferredLanguage(): string {
  for (const tag of navigator.languages ?? [navigator.language]) {
    for (const candidate of [tag, tag.split('-')[0]!]) if (webStrings[candidate]) return candidate;
  }
  return 'en';
}

async function start(): Promise<void> {
  // Everything the first preview needs is asked for at once: the worker (started above) fetches its engine data,
  // fonts and wasm meanwhile.
  const [strings, zip] = await Promise.all([
    fetch(new URL('data/web-strings.json', import.meta.url)).then((r) => r.json() as Promise<WebStrings>),
    fetch(new URL('data/content.zip', import.meta.url)).then(async (r) => new Uint8Array(await r.arrayBuffer())),
  ]);
  performance.mark('rp:content-fetched');
  // The worker reads the content while the page sets up its own strings.
  const loading = load({ type: 'load', zip, name: 'content' });
  webStrings = strings;
  await i18next.init({
    resources: Object.fromEntries(Object.entries(webStrings).map(([lng, s]) => [lng, { web: s.strings }])),
    ns: ['web'],
    defaultNS: 'web',
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  t = i18next.t.bind(i18next);
  await setPageLanguage(preferredLanguage());
  const loaded = await loading;
  performance.mark('rp:content-loaded');
  await afterLoad(loaded);
}

void start();
