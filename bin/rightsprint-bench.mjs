#!/usr/bin/env node
// `npm run bench`: runs bench/run.ts through tsx (no compile step), like bin/rightsprint.mjs.
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('../bench/run.ts');
process.exitCode = await runBench(process.argv.slice(2));
