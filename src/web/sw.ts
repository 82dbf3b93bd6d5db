/**
 * Service worker: after the first visit the page works offline. It caches the files listed in assets.json
 * (written by the build, versioned by their content) on install, and each font when the page first fetches it
 * (so only the scripts used are downloaded); it answers from that cache first and never touches another origin.
 */
interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
const sw = self as unknown as {
  addEventListener(type: string, f: (e: never) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

async function assets(): Promise<{ version: string; assets: string[] }> {
  const res = await fetch(new URL('assets.json', sw.location.href), { cache: 'no-store' });
  return (await res.json()) as { version: string; assets: string[] };
}

sw.addEventListener('install', (e: ExtendableEventLike) => {
  e.waitUntil(
    (async () => {
      const list = await assets();
      const cache = await caches.open(`rightsprint-${list.version}`);
      await cache.addAll(list.assets);
      await cache.put('assets.json', new Response(JSON.stringify(list)));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (e: ExtendableEventLike) => {
  e.waitUntil(
    (async () => {
      const list = await assets().catch(() => undefined);
      if (list)
        for (const name of await caches.keys()) if (name.startsWith('rightsprint-') && name !== `rightsprint-${list.version}`) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (e: FetchEventLike) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  e.respondWith(
    (async () => {
      const hit = await caches.match(e.request, { ignoreSearch: true });
      if (hit) return hit;
      const res = await fetch(e.request);
      if (res.ok && url.pathname.includes('/data/fonts/')) {
        const names = (await caches.keys()).filter((n) => n.startsWith('rightsprint-'));
        if (names.length) await (await caches.open(names[names.length - 1]!)).put(e.request, res.clone());
      }
      return res;
    })(),
  );
});
