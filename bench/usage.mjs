// Preloaded by the bench (`node --import ./bench/usage.mjs …`) into the process it measures: at exit, writes that
// process's own CPU time and peak RSS (all threads, workers included) as JSON to $RIGHTSPRINT_BENCH_USAGE.
// Node cannot read a child's rusage, and /usr/bin/time is not on every machine.
import { writeFileSync } from 'node:fs';

const file = process.env.RIGHTSPRINT_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
