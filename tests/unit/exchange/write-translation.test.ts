import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeTranslation } from '../../../src/content/write-translation.ts';

const FILE = `# yaml-language-server: $schema=../../schema/translation.schema.json
# Arabic
language: ar
strings:
  # the title
  title: { text: "اعرف حقوقك", source: 1a2b3c4d }   # trailing
  intro:
    text: |-
      سطر
      سطر آخر
    source: "deadbeef"  # hash comment
    review: reviewed
  # before card
  'card.call':
    text: 'اتصل {{hotline}}'
    source: 00000001

  other: {text: x, source: abcdef12}
`;
const ORDER = ['title', 'subtitle', 'intro', 'card.call', 'new.a', 'new.b', 'other', 'zlast'];
const lines = (s: string) => s.split('\n');

describe('writeTranslation', () => {
  it('returns the input unchanged when nothing changes (also for a hash that YAML reads as a number)', () => {
    const same = writeTranslation(
      FILE,
      'ar',
      [
        { key: 'title', text: 'اعرف حقوقك', source: '1a2b3c4d' },
        { key: 'card.call', text: 'اتصل {{hotline}}', source: '00000001' },
        { key: 'intro', text: 'سطر\nسطر آخر', source: 'deadbeef', review: 'reviewed' },
      ],
      ORDER,
    );
    expect(same).toBe(FILE);
  });

  it('rewrites only the changed entries, in place, keeping comments, style and unrelated lines', () => {
    const out = writeTranslation(
      FILE,
      'ar',
      [
        { key: 'title', text: 'عنوان "جديد"', source: '11111111', review: 'reviewed' },
        { key: 'intro', text: 'سطر واحد', source: '00000002', review: null },
        { key: 'card.call', text: 'اتصل\n{{hotline}}', source: '1e345678' },
      ],
      ORDER,
    );
    const after = lines(out);
    // Lines outside the three entries are byte-identical.
    for (const keep of ['# Arabic', '  # the title', '  # before card', "  'card.call':", '  other: {text: x, source: abcdef12}', ''])
      expect(after).toContain(keep);
    expect(after[5]).toBe('  title: { text: "عنوان \\"جديد\\"", source: "11111111", review: reviewed }   # trailing');
    expect(out).toContain('  intro:\n    text: سطر واحد\n    source: "00000002" # hash comment\n  # before card');
    expect(out).toContain('    text: |-\n      اتصل\n      {{hotline}}\n    source: "1e345678"\n\n  other:');
    const data = parse(out);
    expect(data.strings.title).toEqual({ text: 'عنوان "جديد"', source: '11111111', review: 'reviewed' });
    expect(data.strings.intro).toEqual({ text: 'سطر واحد', source: '00000002' });
    // Hashes that look like numbers are quoted so they read back as strings.
    expect(data.strings['card.call'].source).toBe('1e345678');
  });

  it('sets and removes the per-string reviewer in place, after text/source/review, in block and flow entries', () => {
    const reviewed = writeTranslation(
      FILE,
      'ar',
      [
        { key: 'title', text: 'اعرف حقوقك', source: '1a2b3c4d', review: 'reviewed', reviewedBy: 'Amal K.', reviewedOn: '2026-11-26' },
        { key: 'intro', text: 'سطر\nسطر آخر', source: 'deadbeef', review: 'reviewed', reviewedBy: '1984', reviewedOn: '2026-11-27' },
      ],
      ORDER,
    );
    expect(lines(reviewed)[5]).toBe(
      '  title: { text: "اعرف حقوقك", source: 1a2b3c4d, review: reviewed, reviewedBy: Amal K., reviewedOn: 2026-11-26 }   # trailing',
    );
    expect(reviewed).toContain('    source: "deadbeef" # hash comment\n    review: reviewed\n    reviewedBy: "1984"\n    reviewedOn: 2026-11-27\n');
    const data = parse(reviewed).strings;
    // A name YAML would read as a number stays text; the date stays a string (YAML 1.2 core schema).
    expect(data.intro).toMatchObject({ reviewedBy: '1984', reviewedOn: '2026-11-27' });
    expect(data.title).toMatchObject({ reviewedBy: 'Amal K.', reviewedOn: '2026-11-26' });
    // The same reviewer again changes nothing; null removes the fields.
    expect(
      writeTranslation(reviewed, 'ar', [{ key: 'title', text: 'اعرف حقوقك', source: '1a2b3c4d', reviewedBy: 'Amal K.', reviewedOn: '2026-11-26' }], ORDER),
    ).toBe(reviewed);
    const cleared = writeTranslation(
      reviewed,
      'ar',
      [{ key: 'intro', text: 'سطر', source: 'deadbeef', review: 'draft', reviewedBy: null, reviewedOn: null }],
      ORDER,
    );
    expect(parse(cleared).strings.intro).toEqual({ text: 'سطر', source: 'deadbeef', review: 'draft' });
  });

  it('inserts new keys after their predecessor in source order, matching the neighbour style', () => {
    const out = writeTranslation(
      FILE,
      'ar',
      [
        { key: 'new.b', text: 'ب', source: 'bbbbbbbb' },
        { key: 'new.a', text: 'أ\nأ٢', source: 'aaaaaaaa' },
        { key: 'subtitle', text: 'عنوان فرعي', source: 'cccccccc' },
        { key: 'zlast', text: 'ي', source: '00000009' },
      ],
      ORDER,
    );
    expect(Object.keys(parse(out).strings)).toEqual(['title', 'subtitle', 'intro', 'card.call', 'new.a', 'new.b', 'other', 'zlast']);
    expect(out).toContain('# trailing\n  subtitle: { text: عنوان فرعي, source: cccccccc }\n  intro:');
    expect(out).toContain('    source: 00000001\n  new.a:\n    text: |-\n      أ\n      أ٢\n    source: aaaaaaaa\n  new.b:\n');
    expect(out.endsWith('  other: {text: x, source: abcdef12}\n  zlast: { text: ي, source: "00000009" }\n')).toBe(true);
  });

  it('creates a new file with the schema comment, the language and keys in source order', () => {
    const out = writeTranslation(
      undefined,
      'ti',
      [
        { key: 'intro', text: 'ሰላም\nዓለም', source: '00000003' },
        { key: 'title', text: 'T: x', source: 'abcdef12' },
      ],
      ORDER,
    );
    expect(out.startsWith('# yaml-language-server: $schema=../../schema/translation.schema.json\n')).toBe(true);
    expect(parse(out)).toEqual({ language: 'ti', strings: { title: { text: 'T: x', source: 'abcdef12' }, intro: { text: 'ሰላም\nዓለም', source: '00000003' } } });
  });

  it('keeps a four-space indented file four-space indented', () => {
    const four = 'language: pl\nstrings:\n    a:\n        text: x\n        source: aaaaaaaa\n';
    const out = writeTranslation(
      four,
      'pl',
      [
        { key: 'b', text: 'y', source: 'bbbbbbbb' },
        { key: 'a', text: 'z', source: 'aaaaaaaa' },
      ],
      ['a', 'b'],
    );
    expect(out).toBe('language: pl\nstrings:\n    a:\n        text: z\n        source: aaaaaaaa\n    b:\n        text: y\n        source: bbbbbbbb\n');
  });
});
