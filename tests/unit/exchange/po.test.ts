import { describe, expect, it } from 'vitest';
import { quote, readPo, writePo } from '../../../src/i18n/exchange/po.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { entry } from './entry.ts';

const META = { sourceLanguage: 'en', targetLanguage: 'fa', version: '2026.2', date: '2026-11-26' };

describe('PO writer', () => {
  it('escapes backslash, quote, newline, tab and CR', () => {
    expect(quote('a\\b"c\nd\te\r')).toBe('"a\\\\b\\"c\\nd\\te\\r"');
  });

  it('writes header, msgctxt keys, fuzzy + previous hash for stale and empty msgstr for missing', () => {
    const po = writePo(
      [
        entry('title', 'Know your rights', 'حقوق خود را بدانید', 'current'),
        entry('intro', 'New intro', 'مقدمه', 'stale', { storedHash: 'deadbeef', previousSource: 'Old\nintro' }),
        entry('card.call', 'Call', 'تماس', 'stale', { storedHash: '0badc0de' }),
        entry('new', 'Line one\nLine two', '', 'missing'),
      ],
      META,
    );
    // Every header field msgfmt -c and PO editors expect, dated from the edition date (never the clock).
    expect(po).toContain(
      [
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: rightsprint 2026.2\\n"',
        '"Report-Msgid-Bugs-To: \\n"',
        '"POT-Creation-Date: 2026-11-26 00:00+0000\\n"',
        '"PO-Revision-Date: 2026-11-26 00:00+0000\\n"',
        '"Last-Translator: \\n"',
        '"Language-Team: Farsi\\n"',
        '"Language: fa\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Plural-Forms: nplurals=2; plural=n > 1;\\n"',
        '"X-Rightsprint-Source-Language: en\\n"',
      ].join('\n'),
    );
    expect(po).toContain('msgctxt "new"\nmsgid ""');
    expect(po).toContain(
      `#. X-Rightsprint-Source-Hash: ${sourceHash('Know your rights')}\n#: title\nmsgctxt "title"\nmsgid "Know your rights"\nmsgstr "حقوق خود را بدانید"\n`,
    );
    expect(po).toContain('#. X-Rightsprint-Previous-Source-Hash: deadbeef\n#: intro\n#, fuzzy\n#| msgid ""\n#| "Old\\n"\n#| "intro"\nmsgctxt "intro"');
    expect(po).toContain('#. X-Rightsprint-Previous-Source-Hash: 0badc0de (the old source text is not available)\n#: card.call\n#, fuzzy\nmsgctxt "card.call"');
    expect(po).toContain('msgctxt "new"\nmsgid ""\n"Line one\\n"\n"Line two"\nmsgstr ""\n');
  });

  it('reads back what it writes, including escapes and multi-line strings', () => {
    const tricky = 'Back\\slash "quoted"\n- tab\there\n\nlast\n';
    const po = writePo([entry('k', tricky, tricky, 'current'), entry('s', 'x', 'y', 'stale', { storedHash: 'deadbeef' })], META);
    const read = readPo(po, 'fa.po');
    expect(read.diagnostics).toEqual([]);
    expect(read.language).toBe('fa');
    expect(read.units.map((u) => [u.key, u.text, u.source, u.sourceHash, u.previousHash, u.needsReview])).toEqual([
      ['k', tricky, tricky, sourceHash(tricky), undefined, false],
      ['s', 'y', 'x', sourceHash('x'), 'deadbeef', true],
    ]);
  });

  it('locates the msgstr of each entry by line and column', () => {
    const po = [
      'msgid ""',
      'msgstr "Language: ar\\n"',
      '',
      '# comment',
      'msgctxt "a"',
      'msgid "A"',
      '  msgstr "x"',
      'msgctxt "b"',
      'msgid "B"',
      'msgstr ""',
      '"two"',
      '"parts"',
    ].join('\n');
    const read = readPo(po, 'ar.po');
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => [u.key, u.text, u.span.line, u.span.col, u.entrySpan.line])).toEqual([
      ['a', 'x', 7, 10, 4],
      ['b', 'twoparts', 10, 8, 8],
    ]);
  });

  it('reports malformed input with file:line:col instead of throwing', () => {
    const po = [
      'msgctxt "a"',
      'msgid "A"',
      'msgstr "bad \\q escape"',
      '',
      'msgctxt "b"',
      'msgid "B"',
      'msgstr "unterminated',
      '',
      'msgid "no context"',
      'msgstr "x"',
      '',
      'msgctxt "p"',
      'msgid "one"',
      'msgid_plural "many"',
      'msgstr[0] "x"',
      '',
      'garbage here',
    ].join('\n');
    const { diagnostics } = readPo(po, 'x.po');
    expect(diagnostics.map((d) => [d.code, d.span?.line, d.span?.col, d.message.slice(0, 30)])).toEqual([
      ['RP2601', 3, 8, 'Unknown escape \\q in a PO stri'],
      ['RP2601', 7, 8, 'Expected a string in double qu'],
      ['RP2601', 17, 1, 'Cannot read this PO line: "gar'],
      ['RP2601', 9, 1, 'This entry has no msgctxt; rig'],
      ['RP2601', 12, 1, 'Plural entries (msgid_plural /'],
    ]);
  });

  it('refuses a non-UTF-8 charset and ignores obsolete (#~) entries', () => {
    const po = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n#~ msgctxt "old"\n#~ msgid "x"\n#~ msgstr "y"\n';
    const read = readPo(po, 'x.po');
    expect(read.units).toEqual([]);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['RP2601']);
    expect(read.diagnostics[0]?.message).toContain('ISO-8859-1');
  });
});

describe('PO as editors save it', () => {
  it('reads lines re-wrapped at arbitrary points, extra flags, CRLF line ends and translator comments', () => {
    const po = [
      'msgid ""',
      'msgstr ""',
      '"Language: fa\\n"',
      '"PO-Revision-Date: 2026-12-01 10:00+0000\\n"',
      '"Last-Translator: A <a@example.org>\\n"',
      '',
      '# translator note',
      '#. X-Rightsprint-Source-Hash: 0badc0de',
      '#, fuzzy, no-c-format',
      'msgctxt "k"',
      'msgid ""',
      '"Long source "',
      '"text"',
      'msgstr ""',
      '"Long tra"',
      '"nslation\\n"',
      '"next line"',
      '',
    ].join('\r\n');
    const read = readPo(po, 'fa.po');
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => [u.key, u.source, u.text, u.sourceHash, u.needsReview, u.span.line])).toEqual([
      ['k', 'Long source text', 'Long translation\nnext line', '0badc0de', true, 14],
    ]);
  });
});
