import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const MONTH_FILE = /^\d{4}-\d{2}\.(yaml|yml|json)$/;

export interface BenchData {
  /** The data folder the builds read: every generated month but the newest. */
  directory: string;
  /** The newest month's file, kept back to time a build after adding one month. */
  newestMonthFile: string;
  months: number;
}

/**
 * Writes `months + 1` months of example data with the project's generator, then copies all but
 * the newest month into the data folder the benchmark builds from.
 */
export function prepareBenchData(projectRoot: string, scratch: string, months: number): BenchData {
  const generated = join(scratch, "generated-data");
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/example-data.ts",
      "--out",
      generated,
      "--months",
      String(months + 1),
    ],
    { cwd: projectRoot, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`example data generation failed:\n${result.stdout}\n${result.stderr}`);
  }

  const directory = join(scratch, "data");
  mkdirSync(directory, { recursive: true });
  const names = readdirSync(generated).sort();
  const monthNames = names.filter((name) => MONTH_FILE.test(name));
  const newest = monthNames[monthNames.length - 1];
  if (!newest) throw new Error(`example data generation wrote no month files to ${generated}`);
  for (const name of names) {
    if (name !== newest) copyFileSync(join(generated, name), join(directory, name));
  }
  return {
    directory,
    newestMonthFile: join(generated, newest),
    months: monthNames.length - 1,
  };
}

/** Adds the kept-back newest month to the data folder. */
export function addNewestMonth(data: BenchData): void {
  const name = data.newestMonthFile.split(/[\\/]/).pop()!;
  copyFileSync(data.newestMonthFile, join(data.directory, name));
}
