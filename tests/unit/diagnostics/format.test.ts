import { describe, expect, it } from 'vitest';
import { error, warning } from '../../../src/diagnostics/diagnostic.ts';
import { didYouMean, editDistance } from '../../../src/diagnostics/did-you-mean.ts';
import { formatDiagnostic, formatDiagnostics, sortDiagnostics } from '../../../src/diagnostics/format.ts';

describe('did you mean', () => {
  it('measures edits', () => {
    expect(editDistance('hotlin', 'hotline')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('buidl', 'build')).toBe(1);
  });
  it('suggests only plausible typos', () => {
    expect(didYouMean('officerLanguag', ['officerLanguage', 'sourceLanguage'])).toBe('officerLanguage');
    expect(didYouMean('Version', ['version', 'date'])).toBe('version');
    expect(didYouMean('colour', ['title', 'date'])).toBeUndefined();
    expect(didYouMean('kep', ['fail', 'fallback', 'keep'])).toBe('keep');
  });
});

describe('formatting', () => {
  const a = error('RP1003', 'Unknown field', { file: 'content/b.yaml', line: 3, col: 1 }, ['Rename it.']);
  const b = warning('RP5003', 'Placeholder', { file: 'content/a.yaml', line: 9, col: 2 });
  const c = error('RP1007', 'Missing file');
  const d = error('RP1001', 'Syntax', { file: 'content/b.yaml', line: 3, col: 1 });
  it('sorts by file, line, column, code; unplaced last', () => {
    expect(sortDiagnostics([c, a, b, d]).map((x) => x.code)).toEqual(['RP5003', 'RP1001', 'RP1003', 'RP1007']);
  });
  it('prints file:line:col  CODE  message with indented hints, no stack', () => {
    expect(formatDiagnostic(a)).toBe('content/b.yaml:3:1  RP1003  Unknown field\n    hint: Rename it.');
    expect(formatDiagnostic(b)).toBe('content/a.yaml:9:2  RP5003 warning  Placeholder');
  });
  it('de-duplicates and counts', () => {
    const lines = formatDiagnostics([a, a, b]);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('1 error, 1 warning');
  });
});
