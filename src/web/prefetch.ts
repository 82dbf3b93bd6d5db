/**
 * The worker's first module (imported before the engine): it starts fetching engine-data.json, and then the
 * bytes of the fonts every material needs, while the worker's other modules are still being evaluated (HarfBuzz's
 * wasm is compiled by a top-level await that holds up every module after it). Only the network starts here:
 * decoding and checking a face happens in worker.ts when it is first needed.
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
