#!/usr/bin/env node
// Entry point for `npx rightsprint` and the npm scripts. Runs the CLI compiled at install (dist/bundle/, made by
// `npm ci` / `npm run prepare`, see scripts/bundle.mjs) when it was compiled from exactly the current src/;
// otherwise (no bundle, or any source file changed since: stampOnce in scripts/src-stamp.mjs) it transpiles
// src/ through tsx as before: slower to start, never outdated. RIGHTSPRINT_TSX=1 forces the tsx path.
import { bundleStamp, stampOnce } from '../scripts/src-stamp.mjs';

let main;
if (process.env.RIGHTSPRINT_TSX !== '1' && bundleStamp() === stampOnce()) {
  // Internal-error stacks (exit 3) name src/ files and lines through the source maps beside the bundle, read only
  // when such an error is printed (src/cli/source-stack.ts), not at every start.
  // Loaded with V8's code cache made at install, when it is there and fits (scripts/code-cache.mjs).
  const { loadScript } = await import('../scripts/code-cache.mjs');
  ({ main } = loadScript('cli').exports);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
