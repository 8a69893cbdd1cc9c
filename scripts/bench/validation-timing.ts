import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadDataset } from "../../src/data/load.ts";

export interface ValidationTiming {
  /** Median time to read and check every file, each parsed afresh. */
  wallMs: number;
  cpuMs: number;
  /** Time to check the same files again with their parsed data cached in memory. */
  cachedWallMs: number;
}

/**
 * Times loadDataset on a data folder in this process, with the loader's disk cache off. The
 * loader also keeps parsed files in memory, keyed by their text. So each run reads its own copy
 * of the folder, with one more newline at the end of every file, and parses every file afresh.
 * One copy warms up the modules and the JIT compiler, then the median of `runs` copies is taken.
 * The last copy is checked once more to time the cached case. Throws when the data have an error.
 */
export function timeValidation(directory: string, scratch: string, runs = 3): ValidationTiming {
  process.env.SCORECARD_CACHE = "off";
  const copies = Array.from({ length: runs + 1 }, (_, index) =>
    copyWithNewlines(directory, join(scratch, `validation-${index}`), index + 1),
  );
  const warmUp = loadDataset(copies[0]!);
  if (!warmUp.dataset) {
    throw new Error(`the benchmark data in ${directory} failed validation: run npm run validate`);
  }
  const timings = copies.slice(1).map((copy) => time(() => loadDataset(copy)));
  const cached = time(() => loadDataset(copies[copies.length - 1]!));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    wallMs: median(timings.map((timing) => timing.wallMs)),
    cpuMs: median(timings.map((timing) => timing.cpuMs)),
    cachedWallMs: cached.wallMs,
  };
}

function time(run: () => void): { wallMs: number; cpuMs: number } {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(cpuStarted);
  return { wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Copies a data folder, adding `newlines` line ends to each file, and returns the copy. */
function copyWithNewlines(source: string, target: string, newlines: number): string {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = entry.name;
    const from = join(source, name);
    if (/\.(ya?ml|json)$/.test(name)) {
      writeFileSync(join(target, name), readFileSync(from, "utf8") + "\n".repeat(newlines));
    } else {
      copyFileSync(from, join(target, name));
    }
  }
  return target;
}
