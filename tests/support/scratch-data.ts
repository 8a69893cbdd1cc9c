import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { compareProblems, formatProblem, type Problem } from "../../src/data/problems.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/**
 * Makes a scratch data folder with the project's catalogue and council, plus the given files
 * (name to text). The folder is deleted after the test file's tests.
 */
export function makeScratchFolder(
  files: Record<string, string> = {},
  withDecember = false,
): string {
  const folder = mkdtempSync(join(tmpdir(), "scorecard-test-"));
  folders.push(folder);
  copyFileSync("data/catalogue.yaml", join(folder, "catalogue.yaml"));
  copyFileSync("data/council.yaml", join(folder, "council.yaml"));
  if (withDecember) copyFileSync("data/2020-12.yaml", join(folder, "2020-12.yaml"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** Formats problems as validate prints them, with the scratch folder left out of file names. */
export function formatProblems(problems: readonly Problem[], folder: string): string[] {
  return [...problems]
    .sort(compareProblems)
    .map((problem) => formatProblem(problem).replaceAll(`${folder}/`, ""));
}
