import { describe, expect, it } from 'vitest';
import { readXliff, writeXliff } from '../../../src/i18n/exchange/xliff.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';
import { entry } from './entry.ts';

const META = { sourceLanguage: 'en', targetLanguage: 'zh-Hant', version: '2026.2', date: '2026-11-26' };

describe('XLIFF 1.2', () => {
  it('writes trans-units with xml:lang, states for current/reviewed/stale/missing and hash notes', () => {
    const x = writeXliff(
      [
        entry('a', 'A', '甲', 'current'),
        entry('r', 'R', '乙', 'current', { review: 'reviewed' }),
        entry('s', 'S', '丙', 'stale', { storedHash: 'deadbeef' }),
        entry('m', 'M', '', 'missing'),
      ],
      META,
    );
    expect(x).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
    expect(x).toContain('source-language="en" target-language="zh-Hant"');
    expect(x).toContain(
      '<trans-unit id="a" xml:space="preserve">\n        <source xml:lang="en">A</source>\n        <target xml:lang="zh-Hant" state="translated">甲</target>',
    );
    expect(x).toContain(
      '<trans-unit id="r" approved="yes" xml:space="preserve">\n        <source xml:lang="en">R</source>\n        <target xml:lang="zh-Hant" state="final">乙</target>',
    );
    expect(x).toContain('state="needs-review-translation">丙</target>');
    expect(x).toContain('<note from="rightsprint">X-Rightsprint-Previous-Source-Hash: deadbeef</note>');
    expect(x).toContain('<target xml:lang="zh-Hant" state="new"></target>');
    expect(x).toContain(`<note from="rightsprint">X-Rightsprint-Source-Hash: ${sourceHash('M')}</note>`);
  });

  it('escapes markup characters in text and attributes and reads them back exactly', () => {
    const nasty = 'a < b && c > d "q" \'s\' ]]> <!-- x -->\n\ttab\r\nCRLF';
    const key = 'weird"<&>key';
    const x = writeXliff([entry(key, nasty, nasty, 'current')], META);
    expect(x).not.toContain('<!-- x -->');
    expect(x).toContain('&lt;!-- x --&gt;');
    const read = readXliff(x, 'f.xlf');
    expect(read.diagnostics).toEqual([]);
    expect(read.language).toBe('zh-Hant');
    expect(read.units.map((u) => [u.key, u.text, u.source, u.sourceHash])).toEqual([[key, nasty, nasty, sourceHash(nasty)]]);
  });

  it('maps CAT-tool states: needs-review-* stay stale, final/signed-off are reviewed; units inside <group> count', () => {
    const x = `<?xml version="1.0"?>\r\n<xliff version="1.2"><file source-language="en" target-language="fa"><body>
<group id="g"><trans-unit id="a"><source>A</source><target state="needs-review-translation">x</target></trans-unit></group>
<trans-unit id="b"><source>B</source><target state="signed-off">y</target></trans-unit>
<trans-unit id="c"><source>C</source><target><![CDATA[<b>raw</b>]]></target></trans-unit>
<trans-unit id="d"><source>D</source></trans-unit>
</body></file></xliff>`;
    const read = readXliff(x, 'fa.xlf');
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => [u.key, u.text, u.needsReview, u.reviewed, u.span.line])).toEqual([
      ['a', 'x', true, false, 3],
      ['b', 'y', false, true, 4],
      ['c', '<b>raw</b>', false, false, 5],
      ['d', '', false, false, 6],
    ]);
  });

  it('reports inline elements in a target, and malformed XML at its line and column', () => {
    const inline = readXliff(
      '<xliff version="1.2"><file target-language="fa"><body>\n<trans-unit id="a"><source>A</source>\n  <target>x <g id="1">y</g></target></trans-unit></body></file></xliff>',
      'fa.xlf',
    );
    expect(inline.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['RP2601', 3, 3]]);
    const broken = readXliff('<xliff version="1.2">\n  <file>\n    <body>oops & more</body></file></xliff>', 'b.xlf');
    expect(broken.units).toEqual([]);
    // The error points at the "&" itself.
    expect(broken.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['RP2601', 3, 16]]);
    expect(broken.diagnostics[0]?.message).toContain('&amp;');
    const mismatched = readXliff('<xliff version="1.2"><file></body></xliff>', 'c.xlf');
    expect(mismatched.diagnostics[0]?.message).toContain('</body> closes <file>');
  });

  it('does not expand external entities (no XXE): unknown entities are errors', () => {
    const x =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file target-language="fa"><body><trans-unit id="a"><source>A</source><target>&e;</target></trans-unit></body></file></xliff>';
    const read = readXliff(x, 'x.xlf');
    expect(read.units).toEqual([]);
    expect(read.diagnostics[0]?.code).toBe('RP2601');
  });
});
