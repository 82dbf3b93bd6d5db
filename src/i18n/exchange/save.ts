import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../platform/write-file-atomic.ts';

/**
 * Writes an exchange file or a translation file: creates its folder, then replaces the file atomically
 * (platform/write-file-atomic.ts: temporary file, fsync, rename), so an interrupted import never leaves a half-written
 * translation file and a failed one leaves the previous file untouched.
 */
export function saveText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
}
