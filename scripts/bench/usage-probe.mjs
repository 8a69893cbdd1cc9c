// Preloaded with `node --import` into a process the benchmark measures: at exit it writes the
// process's peak resident memory and CPU time to the file named by BENCH_USAGE_FILE, so the
// figures are the same however the process was started. Plain JavaScript, so that measuring the
// plain Astro site does not load a TypeScript loader it would not otherwise need.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.BENCH_USAGE_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({
      // resourceUsage() gives maxRSS in kilobytes and CPU times in microseconds.
      peakMemoryBytes: usage.maxRSS * 1024,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    }),
  );
});
