/**
 * Where content files come from. The engine reads a content folder only through this: the CLI gives it a folder on
 * disk (src/platform/node.ts), the web page the files of a shipped or uploaded folder held in memory. Keys are
 * content-relative with forward slashes (`editions/generic.yaml`, `assets/logo.png`), never machine paths, so
 * nothing the engine derives from content (messages, PDF /ID) can depend on where the folder lives.
 */
export interface ContentSource {
  /** The file's bytes, or undefined when there is no such file (or it is outside the content folder). */
  read(key: string): Uint8Array | undefined;
  /** Whether the file exists (without reading it). */
  exists(key: string): boolean;
  /** The file's size in bytes without reading it, or undefined when there is no such file. */
  size(key: string): number | undefined;
  /** Names (not keys) of the files directly inside `folder` (`''` is the root), sorted by code point. */
  list(folder: string): readonly string[];
  /** True when the key's real location leaves the folder (a symbolic link on disk pointing elsewhere). */
  outside?(key: string): boolean;
  /** Subfolder names directly inside `folder`, sorted by code point. */
  folders(folder: string): readonly string[];
  /**
   * An absolute folder path when the content is a folder on disk (kept for `ContentDoc.root`, which Node-only
   * commands such as import and snapshot write into); undefined for content held in memory.
   */
  readonly root?: string;
}

const utf8 = new TextDecoder('utf-8');

/** A file's text as UTF-8 with a leading byte-order mark removed, or undefined when it does not exist. */
export function readText(source: ContentSource, key: string): string | undefined {
  const bytes = source.read(key);
  return bytes === undefined ? undefined : utf8.decode(bytes).replace(/^\uFEFF/u, '');
}

/** Code-point order, so every machine and browser lists files in one order. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Normalises a content-relative key: forward slashes, no `.` segments. Undefined for a key that leaves the folder
 * (`..` above the root) or is absolute, so a shared content folder cannot make the engine read anything else.
 */
export function contentKey(path: string): string | undefined {
  if (/^([A-Za-z]:)?[\\/]/u.test(path)) return undefined;
  const out: string[] = [];
  for (const part of path.split(/[\\/]+/u)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length ? out.join('/') : undefined;
}

/** Content held in memory, from key → bytes (the web page's shipped content, an uploaded .zip or folder; tests). */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): ContentSource {
  const entries = [...files.keys()].map((k) => contentKey(k)).filter((k): k is string => k !== undefined);
  const normalised = new Map([...files].map(([k, v]) => [contentKey(k) ?? '', v]));
  const under = (folder: string) => {
    const prefix = folder === '' ? '' : `${folder.replace(/\/+$/u, '')}/`;
    return entries.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  };
  const read = (key: string) => {
    const k = contentKey(key);
    return k === undefined ? undefined : normalised.get(k);
  };
  return {
    read,
    exists: (key) => read(key) !== undefined,
    size: (key) => read(key)?.byteLength,
    list: (folder) =>
      under(folder)
        .filter((rest) => !rest.includes('/'))
        .sort(byCodePoint),
    folders: (folder) =>
      [
        ...new Set(
          under(folder)
            .filter((rest) => rest.includes('/'))
            .map((rest) => rest.split('/')[0]!),
        ),
      ].sort(byCodePoint),
  };
}
