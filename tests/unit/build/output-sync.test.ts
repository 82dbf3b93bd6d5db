import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolder } from '../../../src/build/output-fs.ts';

describe('OutputFolder.sync', () => {
  const folder = () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-sync-'));
    const synced: string[] = [];
    return { root, synced, out: new OutputFolder(root, 'output', (dir) => synced.push(dir)) };
  };

  it('syncs each folder written into once, when asked, not once per file', () => {
    const { root, synced, out } = folder();
    expect(out.write('generic/en/card.pdf', 'a')).toBeUndefined();
    expect(out.write('generic/en/leaflet.pdf', 'b')).toBeUndefined();
    expect(out.write('generic/ar/card.pdf', 'c')).toBeUndefined();
    expect(out.write('.rightsprint-cache.json', '{}')).toBeUndefined();
    // Every file is complete under its name already; only the folders' syncs wait.
    expect(readFileSync(join(root, 'generic/en/leaflet.pdf'), 'utf8')).toBe('b');
    expect(readdirSync(join(root, 'generic/en')).sort()).toEqual(['card.pdf', 'leaflet.pdf']);
    expect(synced).toEqual([]);
    out.sync();
    expect(synced.sort()).toEqual([root, join(root, 'generic/ar'), join(root, 'generic/en')].sort());
    // Nothing changed since: nothing to sync.
    out.sync();
    expect(synced).toHaveLength(3);
  });

  it('syncs both folders of a move', () => {
    const { root, synced, out } = folder();
    out.write('generic/en/old.pdf', 'x');
    out.sync();
    synced.length = 0;
    expect(out.move('generic/en/old.pdf', 'stale/old.pdf')).toBeUndefined();
    out.sync();
    expect(synced.sort()).toEqual([join(root, 'generic/en'), join(root, 'stale')].sort());
  });
});
