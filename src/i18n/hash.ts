import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Short hash of a source string, stored next to each translation as `source:`. A translation whose stored
 * hash differs from the current source's hash is stale. 8 hex digits (32 bits) is the usual convention
 * (Weblate/Crowdin-style source checksums): collisions between two versions of one key are negligible.
 * The text is NFC-normalised and trailing whitespace trimmed first, so re-saving a file in another editor
 * does not make every translation stale.
 */
export function sourceHash(text: string): string {
  const canonical = text.normalize('NFC').replace(/\s+$/u, '');
  return bytesToHex(sha256(utf8ToBytes(canonical))).slice(0, 8);
}
