import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCommand } from '../../../src/cli/snapshot.ts';
import { loadContent } from '../../../src/content/load.ts';
import { writeSnapshot } from '../../../src/content/write-snapshot.ts';
import { REPO_ROOT } from '../../../src/platform/repo-root.ts';
import { captureIO, scratch } from '../exchange/helpers.ts';
import { edit, run } from './helpers.ts';

const snapshotPath = (content: string) => join(content, 'history/2026.2.yaml');

describe('rightsprint snapshot', () => {
  it('writes history/<version>.yaml that loads back to exactly the source guidance, version and date', async () => {
    const { dir, content } = scratch();
    const io = captureIO(dir);
    expect(await snapshotCommand.run([], io)).toBe(0);
    expect(io.stdout).toEqual(['Wrote content/history/2026.2.yaml: 7 strings of guidance/en.yaml at version 2026.2 (2026-11-26).']);
    const loaded = loadContent(content);
    expect(loaded.diagnostics.filter((d) => d.span?.file.includes('history/'))).toEqual([]);
    const snap = loaded.content!.history!.get('2026.2')!;
    // Exact strings, including the fixture's backslash, quotes, tab, bullets and blank line.
    expect(snap).toEqual({ version: '2026.2', date: '2026-11-26', language: 'en', strings: loaded.content!.source.strings });
    const text = readFileSync(snapshotPath(content), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/history.schema.json');
    expect(text).toContain('version: "2026.2"\ndate: "2026-11-26"\nlanguage: en\n');
    // Replaced atomically: no temporary file is left beside it.
    expect(readdirSync(join(content, 'history'))).toEqual(['2026.2.yaml']);
  });

  it('writing the same snapshot again changes nothing', async () => {
    const { dir, content } = scratch();
    expect(await snapshotCommand.run([], captureIO(dir))).toBe(0);
    // Re-indented by hand but the same strings: still the same snapshot, not rewritten.
    const reformatted = readFileSync(snapshotPath(content), 'utf8').replace('title: Know your rights', 'title: "Know your rights"');
    writeFileSync(snapshotPath(content), reformatted);
    const io = captureIO(dir);
    expect(await snapshotCommand.run(['--content', 'content'], io)).toBe(0);
    expect(io.stdout).toEqual(['content/history/2026.2.yaml already holds this snapshot of 2026.2; nothing written.']);
    expect(readFileSync(snapshotPath(content), 'utf8')).toBe(reformatted);
  });

  it('refuses to overwrite a different snapshot of the same version (exit 1, file untouched) unless --force', async () => {
    const { dir, content } = scratch();
    expect(await snapshotCommand.run([], captureIO(dir))).toBe(0);
    const first = readFileSync(snapshotPath(content), 'utf8');
    edit(join(content, 'guidance/en.yaml'), 'title: Know your rights', 'title: Know your rights!');
    const io = captureIO(dir);
    expect(await snapshotCommand.run([], io)).toBe(1);
    const err = io.stderr.join('\n');
    expect(err).toContain(
      'content/history/2026.2.yaml:7:10  RP2012  This file holds a different snapshot of version 2026.2 (1 string(s) differ: title); nothing written.',
    );
    expect(err).toContain('raise `version`');
    expect(readFileSync(snapshotPath(content), 'utf8')).toBe(first);

    const forced = captureIO(dir);
    expect(await snapshotCommand.run(['--force'], forced)).toBe(0);
    expect(forced.stderr).toEqual(['note: replacing the different snapshot in content/history/2026.2.yaml (--force).']);
    expect(loadContent(content).content!.history!.get('2026.2')!.strings.title).toBe('Know your rights!');
  });

  it('a new version gets its own file beside the old one', async () => {
    const { dir, content } = scratch();
    expect(await snapshotCommand.run([], captureIO(dir))).toBe(0);
    edit(join(content, 'project.yaml'), 'version: "2026.2"', 'version: "2026.3"');
    edit(join(content, 'guidance/en.yaml'), 'title: Know your rights', 'title: Know your rights!');
    expect(await snapshotCommand.run([], captureIO(dir))).toBe(0);
    const history = loadContent(content).content!.history!;
    expect([...history.keys()]).toEqual(['2026.3', '2026.2']);
    expect(history.get('2026.2')!.strings.title).toBe('Know your rights');
  });

  it('refuses to snapshot guidance with errors, and a version that cannot name a file', async () => {
    const { dir, content } = scratch();
    edit(join(content, 'guidance/en.yaml'), 'title: Know your rights', 'title: "Know your rights');
    const io = captureIO(dir);
    expect(await snapshotCommand.run([], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/content\/guidance\/en\.yaml:\d+:\d+ {2}RP1001/u);
    expect(existsSync(join(content, 'history'))).toBe(false);

    const other = scratch();
    edit(join(other.content, 'project.yaml'), 'version: "2026.2"', 'version: "../2026.2"');
    const bad = captureIO(other.dir);
    expect(await snapshotCommand.run([], bad)).toBe(1);
    expect(bad.stderr.join('\n')).toContain('RP1006  project.yaml version `../2026.2` cannot name a snapshot file.');
    expect(existsSync(join(other.content, 'history'))).toBe(false);
  });

  it('a broken translation file does not stop a snapshot (only the guidance is copied)', async () => {
    const { dir, content } = scratch();
    writeFileSync(join(content, 'translations/ar.yaml'), 'language: ar\nstrings: [\n');
    expect(await snapshotCommand.run([], captureIO(dir))).toBe(0);
  });

  it('usage errors exit 2 with a hint, and write nothing', async () => {
    const { dir, content } = scratch();
    const typo = await run(['snapshot', '--forse'], dir);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('Did you mean --force?');
    expect((await run(['snapshot', '2026.1'], dir)).code).toBe(2);
    expect(existsSync(join(content, 'history'))).toBe(false);
  });
});

describe('the shipped edition history', () => {
  it('loads without problems, and each snapshot is exactly what the command writes for its own strings', () => {
    const root = join(REPO_ROOT, 'content');
    const { content, diagnostics } = loadContent(root);
    expect(diagnostics.filter((d) => d.span?.file.includes('/history/'))).toEqual([]);
    expect(content!.history!.size).toBeGreaterThan(0);
    for (const [version, snap] of content!.history!) {
      expect(readFileSync(join(root, `history/${version}.yaml`), 'utf8'), version).toBe(writeSnapshot(snap, `guidance/${snap.language}.yaml`));
    }
  });
});
