import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { acceptCommand } from '../../../src/cli/accept.ts';
import { loadContent } from '../../../src/content/load.ts';
import { captureIO, scratch } from '../../unit/exchange/helpers.ts';

/**
 * Bug: `rightsprint accept ar card.call --by "Amal K."` printed "reviewed by Amal K." but stored only
 * `review: reviewed` — TranslatedString had no field for the reviewer, so "reviewed (by whom, when)" per string
 * was lost the moment the command ended. The name and date must be in the translation file and load back.
 */
describe('regression: accept --by stores who reviewed the string and when', () => {
  it('writes reviewedBy and reviewedOn, and the loader reads them back without schema errors', async () => {
    const { dir, content } = scratch();
    vi.stubEnv('SOURCE_DATE_EPOCH', '1795651200'); // 2026-11-26T00:00:00Z
    try {
      expect(await acceptCommand.run(['ar', 'card.call', '--by', 'Amal K.'], captureIO(dir))).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const raw = parse(readFileSync(join(content, 'translations/ar.yaml'), 'utf8')).strings['card.call'];
    expect(raw).toMatchObject({ review: 'reviewed', reviewedBy: 'Amal K.', reviewedOn: '2026-11-26' });
    const loaded = loadContent(content);
    expect(loaded.diagnostics.filter((d) => d.span?.file.endsWith('translations/ar.yaml') && d.code.startsWith('RP1'))).toEqual([]);
    expect(loaded.content!.translations.get('ar')!.strings['card.call']).toMatchObject({ reviewedBy: 'Amal K.', reviewedOn: '2026-11-26' });
  });
});
