import { bytesToHex } from '@noble/hashes/utils';
import { sha256Digest } from '#platform';

/**
 * Short hash of a source string, stored next to each translation as `source:`. A translation whose stored
 * hash differs from the current source's hash is stale. 8 hex digits (32 bits) is the usual convention
 * (Weblate/Crowdin-style source checksums): collisions between two versions of one key are negligible.
 * The text is NFC-normalised and trailing whitespace trimmed first, so re-saving a file in another editor
 * does not make every translation stale.
 */
export function sourceHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    const canonical = text.normalize('NFC').replace(/\s+$/u, '');
    // The host's SHA-256 (Node's native one in the CLI): hashing a guidance file's strings in JS, JIT-cold, was
    // ~10 ms of every build.
    hash = bytesToHex(sha256Digest(canonical)).slice(0, 8);
    if (hashes.size >= MAX_HASHES) hashes.clear();
    hashes.set(text, hash);
  }
  return hash;
}

/**
 * Hashes by source text: every language's status hashes the same source strings again (42 languages × every key
 * on the web page's start), and SHA-256 in JS is not free.
 */
const hashes = new Map<string, string>();
/** Entries kept at most: a guidance file has a few hundred strings; its history a few versions of each. */
const MAX_HASHES = 10_000;
