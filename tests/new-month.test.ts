import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startNewMonth } from "../src/analyst/new-month.ts";
import { loadDataset } from "../src/data/load.ts";
import { makeScratchFolder } from "./support/scratch-data.ts";

describe("startNewMonth", () => {
  it("writes every catalogue indicator empty, last month's figures in comments", () => {
    const folder = makeScratchFolder({}, true);
    const result = startNewMonth(folder, "2021-01", false);
    expect(result.rejection).toBeUndefined();
    expect(result.comparedWith).toBe("2020-12");
    const text = readFileSync(join(folder, "2021-01.yaml"), "utf8");

    const catalogue = loadDataset("data").dataset!.catalogue;
    for (const indicator of catalogue.indicators) expect(text).toContain(`\n  ${indicator.id}:\n`);
    for (const section of catalogue.sections) expect(text).toContain(`\n  ${section.id}:\n`);
    expect(text).toContain('period: "2021-01"');
    expect(text).toContain("    value: # December 2020: 664\n");
    expect(text).toContain("    value: # December 2020: 10.0\n");
    expect(text).toContain("      full-care-order: # Full care order. December 2020: 375\n");
    expect(text).toContain("      up-to-6-months: # 0 to 6 months. December 2020: missing\n");
    expect(text).toContain(
      '      - { period: "2020/21 Q3", value: 33.3, reading: "likely", note: ',
    );
  });

  it("leaves every figure for validate to report as not filled in", () => {
    const folder = makeScratchFolder({}, true);
    startNewMonth(folder, "2021-01", false);
    const problems = loadDataset(folder).problems;
    const messages = new Set(problems.map((problem) => problem.message));
    expect([...messages].sort()).toEqual([
      "commentary not filled in",
      "denominator not filled in",
      "figure not filled in",
      "numerator not filled in",
    ]);
    expect(problems.every((problem) => problem.file.endsWith("2021-01.yaml"))).toBe(true);
    expect(
      problems.find((problem) => problem.field === "indicator children-in-care, value")?.line,
    ).toBe(18);
  });

  it("never overwrites a month", () => {
    const folder = makeScratchFolder({}, true);
    const before = readFileSync(join(folder, "2020-12.yaml"), "utf8");
    const result = startNewMonth(folder, "2020-12", true);
    expect(result.rejection).toBe(
      `${folder}/2020-12.yaml already exists, and an existing month is never overwritten: edit the file, or delete it first to start the month again`,
    );
    expect(readFileSync(join(folder, "2020-12.yaml"), "utf8")).toBe(before);
  });

  it("rejects a month that leaves a gap", () => {
    const folder = makeScratchFolder({}, true);
    const result = startNewMonth(folder, "2021-03", false);
    expect(result.rejection).toBe(
      `March 2021 does not follow an existing month: the latest month before it is December 2020 (${folder}/2020-12.yaml). Start February 2021 first, or use --force to leave a gap`,
    );
    expect(existsSync(join(folder, "2021-03.yaml"))).toBe(false);
  });

  it("rejects a month before the earliest", () => {
    const folder = makeScratchFolder({}, true);
    const result = startNewMonth(folder, "2020-11", false);
    expect(result.rejection).toBe(
      `November 2020 is before the earliest month, December 2020 (${folder}/2020-12.yaml): only a month after an existing one can be started. Write the file by hand, or use --force`,
    );
    expect(existsSync(join(folder, "2020-11.yaml"))).toBe(false);
  });

  it("starts a month after a gap with force", () => {
    const folder = makeScratchFolder({}, true);
    const result = startNewMonth(folder, "2021-03", true);
    expect(result.file).toBe(`${folder}/2021-03.yaml`);
    expect(result.comparedWith).toBe("2020-12");
  });

  it("needs force for a folder's first month", () => {
    const folder = makeScratchFolder();
    expect(startNewMonth(folder, "2021-01", false).rejection).toBe(
      `${folder} has no month file yet: use --force to start the first month`,
    );
    const forced = startNewMonth(folder, "2021-01", true);
    expect(forced.file).toBe(`${folder}/2021-01.yaml`);
    expect(readFileSync(forced.file!, "utf8")).toContain(
      "# There is no earlier month to compare with.",
    );
  });

  it("rejects a badly written month", () => {
    expect(startNewMonth(makeScratchFolder(), "2021-1", true).rejection).toBe(
      'invalid month "2021-1": expected YYYY-MM, for example 2021-01',
    );
  });
});

describe("npm run new-month", () => {
  // npm keeps options before "--" for itself, so the script names the form that reaches it.
  it("names the command that passes --force on", async () => {
    const folder = makeScratchFolder({}, true);
    const run = promisify(execFile)("npx", ["tsx", "scripts/new-month.ts", "2021-03"], {
      env: { ...process.env, SCORECARD_DATA: folder },
    });

    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("hint: npm run new-month -- 2021-03 --force");
  });

  it("shows its usage with the options after --", async () => {
    const failure = await promisify(execFile)("npx", ["tsx", "scripts/new-month.ts"]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("usage: npm run new-month -- YYYY-MM [--force]");
  });
});
