// Worker-thread entry when running from source: worker threads do not inherit the parent's module hooks on
// Node 20, so register tsx here (as bin/rightsprint.mjs does) before loading the TypeScript worker. The compiled
// CLI starts its workers with dist/bundle/worker-entry.mjs instead (scripts/bundle.mjs writes it).
import { register } from 'tsx/esm/api';

register();
await (await import('./worker.ts')).serveJobs();
