import { loadDataset } from "../../src/data/load.ts";

export interface ValidationTiming {
  wallMs: number;
  cpuMs: number;
}

/**
 * Times loadDataset on a data folder in this process: one run to warm up the modules and the
 * JIT compiler, then the median of `runs` runs, in wall time and in CPU time. Throws when the data
 * have an error.
 */
export function timeValidation(directory: string, runs = 3): ValidationTiming {
  const first = loadDataset(directory);
  if (!first.dataset) {
    throw new Error(`the benchmark data in ${directory} failed validation: run npm run validate`);
  }
  const timings: ValidationTiming[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    loadDataset(directory);
    const cpu = process.cpuUsage(cpuStarted);
    timings.push({
      wallMs: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    wallMs: median(timings.map((timing) => timing.wallMs)),
    cpuMs: median(timings.map((timing) => timing.cpuMs)),
  };
}
