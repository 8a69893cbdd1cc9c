import { loadDataset } from "../../src/data/load.ts";

/**
 * Times loadDataset on a data folder in this process: one run to warm up the modules and the
 * JIT compiler, then the median of `runs` runs. Throws when the data have an error.
 */
export function timeValidation(directory: string, runs = 3): number {
  const first = loadDataset(directory);
  if (!first.dataset) {
    throw new Error(`the benchmark data in ${directory} failed validation: run npm run validate`);
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    loadDataset(directory);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
