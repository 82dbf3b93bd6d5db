import type { ExchangeEntry } from '../../../src/i18n/exchange/types.ts';
import { sourceHash } from '../../../src/i18n/hash.ts';

/** One exchange entry as export writes it: the source's hash filled in, anything else from `extra`. */
export const entry = (
  key: string,
  source: string,
  translation: string,
  status: ExchangeEntry['status'],
  extra: Partial<ExchangeEntry> = {},
): ExchangeEntry => ({
  key,
  source,
  sourceHash: sourceHash(source),
  translation,
  status,
  ...extra,
});
