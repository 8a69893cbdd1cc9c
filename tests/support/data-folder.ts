import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadDataset, type LoadResult } from "../../src/data/load.ts";
import { formatProblem } from "../../src/data/problems.ts";
import { makeTemporaryFolder } from "./temporary-folder.ts";

const REAL_DATA = new URL("../../data/", import.meta.url);

/**
 * Makes a data folder in a temporary directory with the real catalogue and council, plus the
 * given files, so a test can check the problems the loader reports for them.
 */
export function makeDataFolder(files: Record<string, string | Buffer>): string {
  const directory = makeTemporaryFolder("scorecard-data-");
  for (const name of ["catalogue.yaml", "council.yaml"]) {
    if (!(name in files)) copyFileSync(new URL(name, REAL_DATA), join(directory, name));
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

/** Loads a data folder made of the given files and returns the problems formatted as the analyst reads them. */
export function problemsFor(files: Record<string, string | Buffer>): {
  result: LoadResult;
  lines: string[];
} {
  const directory = makeDataFolder(files);
  const result = loadDataset(directory);
  const lines = result.problems.map((problem) =>
    formatProblem(problem).replaceAll(`${directory}/`, ""),
  );
  return { result, lines };
}
