import { describe, expect, it } from 'vitest';
import { readXliff } from '../../../src/i18n/exchange/xliff.ts';

/**
 * Bug (#15.9): the XLIFF reader crashed (RangeError, exit 3) on `&#xZZ;` and `&#1114112;`, and accepted `&#0;`,
 * which put a control character into the translation YAML. References are now checked against XML 1.0's Char
 * production and reported at the `&`, as are literal characters no XML document may hold.
 */
const unit = (target: string) =>
  `<xliff version="1.2"><file target-language="ar"><body>\n<trans-unit id="title"><source>Know</source>\n<target>${target}</target></trans-unit></body></file></xliff>`;

describe('regression: invalid character references in XLIFF', () => {
  for (const [ref, col] of [
    ['&#xZZ;', 12],
    ['&#1114112;', 12],
    ['&#0;', 12],
    ['&#x1F;', 12],
    ['&#xFFFE;', 12],
    ['&#xD800;', 12],
    ['&#;', 12],
    ['&#99999999999999999999;', 12],
  ] as const)
    it(`${ref} is a located RP2601 error, not a crash and not a character`, () => {
      const read = readXliff(unit(`abc${ref}`), 'ar.xlf');
      expect(read.units).toEqual([]);
      expect(read.diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.span?.col])).toEqual([['RP2601', 'error', 3, col]]);
    });

  it('allowed references still work: tab, line feed, CR, Arabic, an emoji above U+FFFF', () => {
    const read = readXliff(unit('&#9;&#xA;&#13;&#x627;&#128512;'), 'ar.xlf');
    expect(read.diagnostics).toEqual([]);
    expect(read.units[0]?.text).toBe('\t\n\r\u0627\u{1F600}');
  });

  it('a literal control character in the file is refused where it is', () => {
    const read = readXliff(unit('ab\u0001c'), 'ar.xlf');
    expect(read.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col, d.message])).toEqual([
      ['RP2601', 3, 11, 'The XLIFF file is not well-formed XML: the character U+0001 is not allowed in XML 1.0.'],
    ]);
  });
});

describe('regression: invalid character reference through the import command', () => {
  it('exits 1 (not 3) with the one located syntax error, and writes nothing', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { exportCommand } = await import('../../../src/cli/export.ts');
    const { importCommand } = await import('../../../src/cli/import.ts');
    const { captureIO, scratch } = await import('../../unit/exchange/helpers.ts');
    const { dir, content } = scratch();
    await exportCommand.run(['--lang', 'ar', '--format', 'xliff', '--out', 'ar.xlf'], captureIO(dir));
    const x = readFileSync(join(dir, 'ar.xlf'), 'utf8');
    writeFileSync(join(dir, 'ar.xlf'), x.replace('state="final">اعرف', 'state="final">&#1114112;اعرف'));
    const before = readFileSync(join(content, 'translations/ar.yaml'), 'utf8');
    const io = captureIO(dir);
    expect(await importCommand.run(['ar.xlf'], io)).toBe(1);
    const line = x.split('\n').findIndex((l) => l.includes('state="final">اعرف')) + 1;
    expect(io.stderr[0]?.split('\n')[0]).toMatch(
      new RegExp(`^ar\\.xlf:${line}:\\d+  RP2601  The XLIFF file is not well-formed XML: &#1114112; refers to a character XML 1\\.0 does not allow`, 'u'),
    );
    expect(io.stderr.filter((l) => /RP\d{4}/u.test(l))).toHaveLength(1);
    expect(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).toBe(before);
  });
});
