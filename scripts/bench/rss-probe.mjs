// Preloaded with `node --import` by the benchmark: records the process's peak resident memory at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.RAMPART_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
