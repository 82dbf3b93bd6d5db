import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../../src/cli/export.ts';
import { captureIO, scratch } from '../../unit/exchange/helpers.ts';

/**
 * Bug (#15.12): the exported PO header lacked fields `msgfmt -c` and PO editors ask for (Report-Msgid-Bugs-To,
 * POT-Creation-Date, PO-Revision-Date, Last-Translator, Language-Team, Plural-Forms). They are written now, dated
 * from the project's edition date so the export does not depend on the clock. (msgfmt -c --check-format passes
 * on the 34 languages of the shipped content and on tests/fixtures/exchange-tools/rightsprint/*.po.)
 */
describe('regression: PO header fields', () => {
  it('has every field, Polish plural rule, project date; the same bytes on another day', async () => {
    const exportOn = async (day: string) => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date(day));
      try {
        const { dir } = scratch();
        await exportCommand.run(['--lang', 'pl', '--out', 'pl.po'], captureIO(dir));
        return readFileSync(join(dir, 'pl.po'), 'utf8');
      } finally {
        vi.useRealTimers();
      }
    };
    const a = await exportOn('2027-03-01T12:00:00Z');
    expect(a).toContain('"POT-Creation-Date: 2026-11-26 00:00+0000\\n"\n"PO-Revision-Date: 2026-11-26 00:00+0000\\n"');
    expect(a).toContain('"Language-Team: Polish\\n"');
    expect(a).toContain('"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"');
    for (const field of ['Report-Msgid-Bugs-To', 'Last-Translator', 'MIME-Version', 'Content-Transfer-Encoding'])
      expect(a).toMatch(new RegExp(`^"${field}: `, 'mu'));
    expect(await exportOn('2031-07-15T03:00:00Z')).toBe(a);
  });
});
