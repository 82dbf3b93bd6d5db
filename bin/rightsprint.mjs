#!/usr/bin/env node
// Entry point for `npx rightsprint` and the npm scripts: runs the TypeScript CLI through tsx,
// so there is no separate compile step between `npm ci` and `npm run build`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
