/**
 * The worker's first module (imported before the engine): it starts fetching engine-data.json, and then the
 * bytes of the fonts every material needs, and compiling HarfBuzz's wasm, while the worker's other modules are
 * still being evaluated. Only the network and the wasm compiler start here: decoding and checking a face happens
 * in worker.ts when it is first needed.
 */

/** dist/web/data/engine-data.json, written by src/web/build-site.ts. */
export interface EngineData {
  readonly ui: Record<string, Record<string, unknown>>;
  readonly fonts: Record<
    string,
    { readonly url: string; readonly encoding: 'br' | 'gzip' | 'identity'; readonly sha256: string; readonly scripts?: readonly string[] }
  >;
  /** Faces every material sets (digits, URLs, the source language): fetched as soon as the worker starts. */
  readonly preload?: readonly string[];
}

/** A face's bytes as served (compressed), or the reason they could not be fetched. */
export type Fetched = { readonly ok: true; readonly raw: Uint8Array } | { readonly ok: false; readonly why: string };

/** Raw font fetches already started, by face id. */
export const started = new Map<string, Promise<Fetched>>();

export function fetchFace(data: EngineData, id: string): Promise<Fetched> {
  let p = started.get(id);
  if (!p) {
    const entry = data.fonts[id];
    p = !entry
      ? Promise.resolve({ ok: false, why: 'not shipped with this page' })
      : fetch(new URL(entry.url, location.href)).then(
          async (res): Promise<Fetched> => (res.ok ? { ok: true, raw: new Uint8Array(await res.arrayBuffer()) } : { ok: false, why: `HTTP ${res.status}` }),
          (e: unknown): Fetched => ({ ok: false, why: e instanceof Error ? e.message : String(e) }),
        );
    started.set(id, p);
    // A failed fetch (offline) is not remembered: the next job that needs the face asks the network again.
    void p.then((got) => !got.ok && started.delete(id));
  }
  return p;
}

export const engineDataFetch: Promise<EngineData> = fetch(new URL('data/engine-data.json', location.href))
  .then((res) => res.json() as Promise<EngineData>)
  .then((data) => {
    for (const id of data.preload ?? []) void fetchFace(data, id);
    return data;
  });
// Reported where it is awaited (the first load or build); unawaited, it would be an unhandled rejection.
engineDataFetch.catch(() => undefined);

/**
 * HarfBuzz's wasm, compiled while it streams in, from the worker's first moment. harfbuzzjs instantiates it with
 * a top-level await that holds up every module after it; left to itself it fetches the wasm only when evaluation
 * reaches it (~0.3 s in), and the worker then sat idle ~0.3 s for the compile (bench/web-profile.ts, 2 cores).
 * The web build hands this module to harfbuzzjs instead (harfbuzz-wasm.ts). A host that serves the file without
 * the application/wasm type fails compileStreaming: the bytes are then compiled as they are.
 */
export const harfbuzzWasm: Promise<WebAssembly.Module> = (() => {
  const url = new URL('harfbuzz.wasm', location.href);
  const bytes = () => fetch(url).then(async (res) => WebAssembly.compile(await res.arrayBuffer()));
  return WebAssembly.compileStreaming(fetch(url)).catch(bytes);
})();
// Reported where it is awaited (harfbuzzReady); unawaited, it would be an unhandled rejection.
harfbuzzWasm.catch(() => undefined);

let harfbuzzStart: Promise<void> | undefined;
/** Called once by harfbuzzjs's start in the web build (harfbuzz-wasm.ts) with its instantiation. */
export function harfbuzzStarted(start: Promise<void>): void {
  harfbuzzStart = start;
  start.catch(() => undefined);
}
/**
 * Settles when HarfBuzz can shape: awaited before a job runs. Nothing before (reading content, fetching fonts)
 * needs it, so harfbuzzjs no longer holds up the worker's start with a top-level await (harfbuzz-wasm.ts).
 */
export function harfbuzzReady(): Promise<void> {
  return harfbuzzStart ?? Promise.reject(new Error('HarfBuzz was never started: the worker was bundled without src/web/harfbuzz-wasm.ts'));
}
