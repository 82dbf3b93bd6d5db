import { fileURLToPath } from 'node:url';

/** Repository root (this file is src/platform/repo-root.ts). Node front ends only: the engine reads no folders. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
