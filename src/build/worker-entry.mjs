// Worker-thread entry: worker threads do not inherit the parent's module hooks on Node 20, so register tsx
// here (as bin/rightsprint.mjs does) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
