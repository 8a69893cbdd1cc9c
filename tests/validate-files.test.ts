import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateDataFiles } from "../src/analyst/validate-files.ts";
import { formatProblems, makeScratchFolder } from "./support/scratch-data.ts";

const BROKEN_MONTH = 'period: "2021-01"\nindicators:\n  children-missing: { value: -1 }\n';
const FAR_MONTH = 'period: "2021-01"\nindicators:\n  missing-episodes: { value: 640 }\n';

describe("validateDataFiles", () => {
  it("checks the whole folder when no file is named", () => {
    const folder = makeScratchFolder({ "2021-01.yaml": BROKEN_MONTH });
    const result = validateDataFiles([], folder);
    expect(result.filesChecked).toBe(3);
    expect(formatProblems(result.problems, folder)).toEqual([
      "2021-01.yaml:3:30 indicator children-missing, value: negative figure (expected a count of 0 or more, found -1)\n  hint: check the figure and its sign against the source",
    ]);
  });

  it("reports only the named file's problems", () => {
    const folder = makeScratchFolder({
      "2020-12.yaml": BROKEN_MONTH.replaceAll("2021-01", "2020-12"),
      "2021-01.yaml": FAR_MONTH,
    });
    const result = validateDataFiles([join(folder, "2021-01.yaml")], folder);
    expect(result.filesChecked).toBe(1);
    expect(result.problems.map((problem) => problem.message)).toEqual([]);
  });

  it("compares a named month with the month before it", () => {
    const folder = makeScratchFolder({ "2021-01.yaml": FAR_MONTH }, true);
    const result = validateDataFiles([join(folder, "2021-01.yaml")], "unused");
    expect(result.problems.map((problem) => `${problem.severity}: ${problem.message}`)).toEqual([
      "warning: figure is at least ten times last month's",
    ]);
  });

  it("reports a named file that is missing or not a data file", () => {
    const folder = makeScratchFolder({ "notes.txt": "" });
    const result = validateDataFiles(
      [join(folder, "2021-02.yaml"), join(folder, "notes.txt")],
      folder,
    );
    expect(formatProblems(result.problems, folder)).toEqual([
      "2021-02.yaml:1:1 file not found\n  hint: check the spelling of the path",
      "notes.txt:1:1 not a data file\n  hint: data files end in .yaml, .yml, .json",
    ]);
  });
});

describe("npm run validate", () => {
  // Runs without blocking, so that the test runner can still hear from this file meanwhile.
  function runValidate(
    folder: string,
  ): Promise<{ status: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", "scripts/validate.ts"],
        { env: { ...process.env, SCORECARD_DATA: folder, SCORECARD_CACHE: "off" } },
        (_error, stdout, stderr) => resolve({ status: child.exitCode ?? -1, stdout, stderr }),
      );
    });
  }

  it("prints errors before warnings and exits with status 1", async () => {
    const folder = makeScratchFolder({
      "2020-12.yaml": 'period: "2020-12"\nindicators:\n  missing-episodes: { value: 64 }\n',
      "2021-01.yaml":
        'period: "2021-01"\nindicators:\n  missing-episodes: { value: 640 }\n  children-missing: { value: -1 }\n',
    });
    const run = await runValidate(folder);
    expect(run.status).toBe(1);
    const lines = run.stderr.replaceAll(`${folder}/`, "").split("\n");
    expect(lines[0]).toBe(
      "2021-01.yaml:4:30 indicator children-missing, value: negative figure (expected a count of 0 or more, found -1)",
    );
    expect(lines[1]).toBe("  hint: check the figure and its sign against the source");
    expect(lines[2]).toMatch(/^2021-01\.yaml:3:30 indicator missing-episodes, value: warning: /);
    expect(run.stdout).toMatch(/^4 files checked in \d+ ms: 1 error, 1 warning\n$/);
  });

  it("exits with status 0 on warnings alone", async () => {
    const folder = makeScratchFolder({ "2021-01.yaml": FAR_MONTH }, true);
    const run = await runValidate(folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/: 0 errors, 1 warning\n$/);
  });
});
