/**
 * The compiled CLI runs from V8 code caches recorded at `npm run prepare` (scripts/code-cache.mjs, bundle.mjs
 * makeCodeCache). On a normal install V8 must actually take them, in the main thread and in a worker thread (else
 * the cache only costs reading it). Run on the real bundle, so only when it was compiled from the current sources
 * (bin/ runs it then; `npm run prepare` makes it). A cache that does not fit: tests/faults/code-cache.test.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADER, runNode } from './run-node.ts';
import { bundleStamp, BUNDLE_DIR, stampOnce } from '../../../scripts/src-stamp.mjs';

const current = bundleStamp() === stampOnce() && existsSync(join(BUNDLE_DIR, 'engine.cjs.cache'));

describe('the code cache of the compiled CLI', () => {
  it.skipIf(!current)('is taken by V8 on a normal install, in the main thread and in a worker thread', () => {
    const main = runNode(
      [
        `const c = await import(${JSON.stringify(LOADER)});`,
        "console.log(c.loadScript('cli').cache, c.loadScript('engine').cache);",
        "const { Worker } = await import('node:worker_threads');",
        `const w = new Worker(${JSON.stringify(`Promise.all([import(${JSON.stringify(LOADER)}), import('node:worker_threads')]).then(([c, w]) => w.parentPort.postMessage(c.loadScript('engine').cache));`)}, { eval: true });`,
        "w.once('message', (m) => { console.log('worker', m); w.terminate(); });",
      ].join('\n'),
    );
    expect(main).toContain('used used');
    expect(main).toContain('worker used');
  });
});
