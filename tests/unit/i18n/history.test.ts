import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../src/content/history-file.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { changedKeys, oldSourceText } from '../../../src/i18n/history.ts';
import { translationState } from '../../../src/i18n/translation-state.ts';

const v1 = { strings: { a: 'Stay calm.', b: 'Call {{hotline}}.' } };
const v2 = { strings: { a: 'Stay calm and safe.', b: 'Call {{hotline}}.  ', c: 'New.' } };

describe('oldSourceText', () => {
  it('finds the text whose hash is the stored hash, in any earlier source, in order', () => {
    expect(oldSourceText([v2, v1], 'a', sourceHash('Stay calm.'))).toBe('Stay calm.');
    expect(oldSourceText([v2, v1], 'a', sourceHash('Stay calm and safe.'))).toBe('Stay calm and safe.');
    // The first source with that text wins; both texts hash alike when they differ only by trailing space.
    expect(oldSourceText([v2, v1], 'b', sourceHash('Call {{hotline}}.'))).toBe('Call {{hotline}}.  ');
    expect(oldSourceText([v1, v2], 'b', sourceHash('Call {{hotline}}.'))).toBe('Call {{hotline}}.');
  });

  it('is undefined for an unknown hash, an unknown key, or no history', () => {
    expect(oldSourceText([v1, v2], 'a', '0badc0de')).toBeUndefined();
    expect(oldSourceText([v1, v2], 'zzz', sourceHash('Stay calm.'))).toBeUndefined();
    expect(oldSourceText([], 'a', sourceHash('Stay calm.'))).toBeUndefined();
  });
});

describe('changedKeys', () => {
  it('lists changed and added keys in the new order, then removed ones; trailing whitespace is no change', () => {
    expect(changedKeys(v1, v2)).toEqual(['a', 'c']);
    expect(changedKeys(v2, v1)).toEqual(['a', 'c']);
    expect(changedKeys({ strings: { x: '1', y: '2' } }, { strings: { y: '2' } })).toEqual(['x']);
    expect(changedKeys(v1, v1)).toEqual([]);
  });
});

describe('compareVersions', () => {
  it('orders numeric parts as numbers and the rest by code point', () => {
    const sorted = ['2026.10', '2026.2', '2025.9', '2026.1', '2026.1-b', '2026.1-a'].sort(compareVersions);
    expect(sorted).toEqual(['2025.9', '2026.1', '2026.1-a', '2026.1-b', '2026.2', '2026.10']);
    expect(compareVersions('2026.1', '2026.1')).toBe(0);
  });
});

describe('translationState: the one staleness rule', () => {
  const text = 'Stay calm.';
  it.each([
    ['no entry', undefined, 'missing'],
    ['empty text', { text: '', source: sourceHash(text) }, 'missing'],
    ['whitespace only', { text: ' \n ', source: sourceHash(text) }, 'missing'],
    ['hash of the current text', { text: 'Spokojnie.', source: sourceHash(text) }, 'current'],
    ['hash of the current text with trailing space', { text: 'Spokojnie.', source: sourceHash(`${text}  \n`) }, 'current'],
    ['an older hash', { text: 'Spokojnie.', source: sourceHash('Keep calm.') }, 'stale'],
    ['a malformed hash (kept as stale by the loader)', { text: 'Spokojnie.', source: '' }, 'stale'],
  ] as const)('%s → %s', (_name, stored, want) => {
    expect(translationState(text, stored)).toBe(want);
  });
});
