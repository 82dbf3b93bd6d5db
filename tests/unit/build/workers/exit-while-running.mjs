// A worker that claims the first job of its own share, as worker.ts does, and then ends its thread without an
// error (as a process.exit in a dependency would) while "running" it.
import { parentPort } from 'node:worker_threads';

parentPort.once('message', (start) => {
  const job = start.board.lists[start.slot][0];
  if (Atomics.compareExchange(start.board.claims, job, 0, 1) === 0) Atomics.store(start.running, start.slot, job + 1);
  process.exit(7);
});
