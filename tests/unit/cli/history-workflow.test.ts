import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { acceptCommand } from '../../../src/cli/accept.ts';
import { diffCommand } from '../../../src/cli/diff.ts';
import { exportCommand } from '../../../src/cli/export.ts';
import { snapshotCommand } from '../../../src/cli/snapshot.ts';
import { statusCommand } from '../../../src/cli/status.ts';
import { loadContent } from '../../../src/content/load.ts';
import { planImport } from '../../../src/i18n/exchange/plan-import.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { captureIO, OLD_FIXTURE, scratch } from '../exchange/helpers.ts';
import { edit } from './helpers.ts';

/**
 * The workflow fixture (version 2026.2) with its edition history: history/2026.1.yaml written by `rightsprint
 * snapshot` from the 2026.1 fixture, as a project would have done before editing the guidance for 2026.2.
 */
async function withHistory(): Promise<{ dir: string; content: string }> {
  const old = mkdtempSync(join(tmpdir(), 'rp-history-'));
  cpSync(OLD_FIXTURE, join(old, 'content'), { recursive: true });
  expect(await snapshotCommand.run([], captureIO(old))).toBe(0);
  const { dir, content } = scratch();
  cpSync(join(old, 'content/history'), join(content, 'history'), { recursive: true });
  return { dir, content };
}

describe('the edition history in the workflow commands', () => {
  it('status shows the old source text of stale strings from the history, without --previous', async () => {
    const { dir } = await withHistory();
    const io = captureIO(dir);
    expect(await statusCommand.run(['--lang', 'ar,pl'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain(['  intro', '    source now: You have rights. ⏎ Stay calm and stay safe.', '    source was: You have rights.'].join('\n'));
    expect(text).toContain(['  card.call', '    source now: Call {{hotline}} now.', '    source was: Call {{hotline}}.'].join('\n'));
    // pl card.call was stamped with a hash no snapshot has: said so, with what to do.
    expect(text).toMatch(/card\.call\n.*\n {4}source was: \(unknown: no snapshot in history\/ has it — run `rightsprint snapshot`/u);

    const json = captureIO(dir);
    expect(await statusCommand.run(['--lang', 'pl', '--json'], json)).toBe(0);
    const pl = JSON.parse(json.stdout.join('\n')).languages[0];
    expect(pl.staleStrings.map((s: { key: string; oldSource?: string }) => [s.key, s.oldSource])).toEqual([
      ['street.body', '**Stay calm.**\n\n- You can stay silent.\n- Call {{hotline}}.'],
      ['card.call', undefined],
    ]);
  });

  it('without history or --previous, status says the old text is unknown', async () => {
    const { dir } = scratch();
    const io = captureIO(dir);
    expect(await statusCommand.run(['--lang', 'ar'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('    source was: (unknown: no snapshot in history/ has it');
  });

  it('export writes the old source from the history as PO "#| msgid" and as an XLIFF note', async () => {
    const { dir } = await withHistory();
    expect(await exportCommand.run(['--lang', 'ar', '--out', 'x/ar.po'], captureIO(dir))).toBe(0);
    const po = readFileSync(join(dir, 'x/ar.po'), 'utf8');
    expect(po).toContain(
      ['#. X-Rightsprint-Previous-Source-Hash: 576ed918', '#: intro', '#, fuzzy', '#| msgid "You have rights."', 'msgctxt "intro"'].join('\n'),
    );
    expect(po).not.toContain('the old source text is not available');
    expect(await exportCommand.run(['--lang', 'pl', '--format', 'xliff', '--out', 'x/pl.xlf'], captureIO(dir))).toBe(0);
    const xlf = readFileSync(join(dir, 'x/pl.xlf'), 'utf8');
    expect(xlf).toContain('<note from="rightsprint">Previous source text: **Stay calm.**\n\n- You can stay silent.\n- Call {{hotline}}.</note>');
    // The key no snapshot knows still says so.
    expect(xlf).toContain('the old source text is not available.</note>');
  });

  it('import checks an entry exported before the change against the old text from the history', () => {
    return withHistory().then(({ content }) => {
      const loaded = loadContent(content).content!;
      const oldBody = loaded.history!.get('2026.1')!.strings['street.body']!;
      const at = { file: 'pl.csv', line: 2, col: 1 };
      // A spreadsheet row that kept the 2026.1 hash but not the 2026.1 source text (two bullets, as then).
      const unit = {
        key: 'street.body',
        text: '**Spokojnie.**\n\n- Możesz milczeć!\n- Zadzwoń pod {{hotline}}.',
        span: at,
        entrySpan: at,
        sourceHash: sourceHash(oldBody),
        needsReview: false,
        reviewed: false,
      };
      const earlier = [...loaded.history!.values()];
      const withHistoryPlan = planImport([unit], loaded.source, loaded.translations.get('pl'), 'reviewed', earlier);
      expect(withHistoryPlan.diagnostics.map((d) => d.code)).toEqual(['RP2611']);
      expect(withHistoryPlan.changes).toEqual([{ key: 'street.body', text: unit.text, source: sourceHash(oldBody), review: 'draft' }]);
      // Without the history it is checked against the current three bullets and refused.
      const blind = planImport([unit], loaded.source, loaded.translations.get('pl'), 'reviewed');
      expect(blind.diagnostics.map((d) => d.code)).toContain('RP2606');
      expect(blind.changes).toEqual([]);
    });
  });

  it('diff --since <version> compares with the snapshot exactly as diff <old folder> does', async () => {
    const { dir } = await withHistory();
    const since = captureIO(dir);
    expect(await diffCommand.run(['--since', '2026.1', '--json'], since)).toBe(0);
    const folder = captureIO(dir);
    expect(await diffCommand.run([OLD_FIXTURE, '--json'], folder)).toBe(0);
    expect(JSON.parse(since.stdout.join('\n'))).toEqual(JSON.parse(folder.stdout.join('\n')));
    expect(JSON.parse(since.stdout.join('\n'))).toMatchObject({ from: '2026.1', to: '2026.2', added: ['new.key'], removed: ['old.key'] });
  });

  it('diff --since an unknown version, or both a folder and --since, is a usage error', async () => {
    const { dir } = await withHistory();
    const io = captureIO(dir);
    expect(await diffCommand.run(['--since', '2026.l'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('no snapshot of version 2026.l');
    expect(io.stderr.join('\n')).toContain('Did you mean --since 2026.1?');
    expect(await diffCommand.run([OLD_FIXTURE, '--since', '2026.1'], captureIO(dir))).toBe(2);
    const bare = scratch();
    const none = captureIO(bare.dir);
    expect(await diffCommand.run(['--since', '2026.1'], none)).toBe(2);
    expect(none.stderr.join('\n')).toContain('There is no history/ folder yet');
  });

  it('status warns when the guidance drifted from the snapshot of the current version', async () => {
    const { dir, content } = scratch();
    expect(await snapshotCommand.run([], captureIO(dir))).toBe(0);
    const clean = captureIO(dir);
    expect(await statusCommand.run([], clean)).toBe(0);
    expect(clean.stderr).toEqual([]);
    edit(join(content, 'guidance/en.yaml'), 'title: Know your rights', 'title: Know your rights!');
    const io = captureIO(dir);
    expect(await statusCommand.run([], io)).toBe(0);
    expect(io.stderr.join('\n')).toContain(
      'content/project.yaml:2:10  RP2011 warning  guidance/en.yaml differs from history/2026.2.yaml, the snapshot of the current version 2026.2: title.',
    );
  });
});

describe('per-string reviewers in status', () => {
  it('counts current strings per reviewer; a string that went stale no longer counts', async () => {
    const { dir, content } = scratch();
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764115200'); // 2025-11-26
    try {
      expect(await acceptCommand.run(['ar', 'title', 'street.body', '--by', 'Amal K.'], captureIO(dir))).toBe(0);
      vi.stubEnv('SOURCE_DATE_EPOCH', '1764201600'); // 2025-11-27
      expect(await acceptCommand.run(['ar', 'intro', '--by', 'Sami R.'], captureIO(dir))).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const stored = parse(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).strings;
    expect(stored.intro).toMatchObject({ review: 'reviewed', reviewedBy: 'Sami R.', reviewedOn: '2025-11-27' });

    const json = captureIO(dir);
    expect(await statusCommand.run(['--lang', 'ar', '--json'], json)).toBe(0);
    const ar = JSON.parse(json.stdout.join('\n')).languages[0];
    expect(ar.reviewers).toEqual([
      { name: 'Amal K.', strings: 2, latest: '2025-11-26' },
      { name: 'Sami R.', strings: 1, latest: '2025-11-27' },
    ]);
    expect(ar.strings.find((s: { key: string }) => s.key === 'intro')).toEqual({
      key: 'intro',
      state: 'current',
      review: 'reviewed',
      reviewedBy: 'Sami R.',
      reviewedOn: '2025-11-27',
    });
    const text = captureIO(dir);
    expect(await statusCommand.run(['--lang', 'ar'], text)).toBe(0);
    expect(text.stdout.join('\n')).toContain(
      'Strings reviewed one by one (current strings only):\n  ar  2 by Amal K. (latest 2025-11-26); 1 by Sami R. (latest 2025-11-27)',
    );

    // The English of intro changes: Sami's review was of the old text and stops counting.
    edit(join(content, 'guidance/en.yaml'), 'Stay calm and stay safe.', 'Stay calm.');
    const after = captureIO(dir);
    expect(await statusCommand.run(['--lang', 'ar', '--json'], after)).toBe(0);
    expect(JSON.parse(after.stdout.join('\n')).languages[0].reviewers).toEqual([{ name: 'Amal K.', strings: 2, latest: '2025-11-26' }]);
  });
});
