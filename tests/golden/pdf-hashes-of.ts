import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** SHA-256 of every PDF under `dir`, by its path relative to `base`, in sorted order (the pinned list's form). */
export function pdfHashes(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, pdfHashes(path, base));
    else if (name.endsWith('.pdf')) out[path.slice(base.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}
