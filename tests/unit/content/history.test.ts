import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { formatDiagnostics } from '../../../src/diagnostics/format.ts';
import { scratch } from '../exchange/helpers.ts';

/** A workflow fixture copy with the given history files (name → YAML text). */
function withHistory(files: Record<string, string>): string {
  const { content } = scratch();
  mkdirSync(join(content, 'history'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(content, 'history', name), text);
  return content;
}

const snapshot = (version: string, extra = '') =>
  `version: "${version}"\ndate: "2026-01-01"\nlanguage: en\n${extra}strings:\n  title: Know your rights\n  intro: You have rights.\n`;

describe('edition history loading (content/history/<version>.yaml)', () => {
  it('loads every snapshot, newest version first', () => {
    const content = withHistory({ '2026.1.yaml': snapshot('2026.1'), '2025.10.yaml': snapshot('2025.10'), '2025.9.yaml': snapshot('2025.9') });
    const loaded = loadContent(content);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...loaded.content!.history!.keys()]).toEqual(['2026.1', '2025.10', '2025.9']);
    expect(loaded.content!.history!.get('2026.1')).toEqual({
      version: '2026.1',
      date: '2026-01-01',
      language: 'en',
      strings: { title: 'Know your rights', intro: 'You have rights.' },
    });
  });

  it('a content folder without history/ has an empty history', () => {
    const { content } = scratch();
    expect(loadContent(content).content!.history!.size).toBe(0);
  });

  it('reports schema problems and a version that is not the file name, each at file:line:col', () => {
    const content = withHistory({
      '2026.1.yaml': snapshot('2026.0'),
      '2025.1.yaml': `version: "2025.1"\ndate: 1 January\nlanguage: en\nsource: x\nstrings:\n  title: 12\n`,
      '2024.1.yaml': snapshot('2024.1').replace('language: en', 'language: fr'),
    });
    const lines = formatDiagnostics(loadContent(content, { display: 'content' }).diagnostics).join('\n');
    expect(lines).toContain('content/history/2026.1.yaml:1:10  RP2010  history/2026.1.yaml says version: 2026.0; the file name says 2026.1.');
    expect(lines).toContain('content/history/2025.1.yaml:2:7  RP1006  `date` is `1 January`');
    expect(lines).toContain('content/history/2025.1.yaml:4:1  RP1003  Unknown field `source`');
    expect(lines).toContain('content/history/2025.1.yaml:6:10  RP1004  `strings.title` must be text');
    expect(lines).toContain('content/history/2024.1.yaml:3:11  RP1008  history/2024.1.yaml says language: fr');
  });

  it('a YAML syntax error in a snapshot is reported with its position, like any content file', () => {
    const content = withHistory({ '2026.1.yaml': 'version: "2026.1\nstrings: {}\n' });
    const { diagnostics } = loadContent(content, { display: 'content' });
    const syntax = diagnostics.find((d) => d.code === 'RP1001');
    expect(syntax?.span?.file).toBe('content/history/2026.1.yaml');
  });
});
