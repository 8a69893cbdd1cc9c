import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readComparators } from "../src/comparators/read.ts";
import { writeFixtureTables, type FixtureOptions } from "./support/comparator-tables.ts";

const SCRIPT = "scripts/import-comparators.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tables(options: FixtureOptions = {}): string {
  const directory = writeFixtureTables(options);
  folders.push(directory);
  return directory;
}

/** A data folder with the repository's catalogue and a council.yaml for the given code. */
function dataFolder(name: string, code: string): string {
  const directory = mkdtempSync(join(tmpdir(), "comparator-data-"));
  folders.push(directory);
  writeFileSync(join(directory, "council.yaml"), `name: ${name}\ncode: "${code}"\n`);
  copyFileSync("data/catalogue.yaml", join(directory, "catalogue.yaml"));
  return directory;
}

/** Runs the importer without blocking the test worker, which must keep replying to vitest. */
async function runImport(args: string[], dataDirectory?: string) {
  const env = { ...process.env, ...(dataDirectory ? { SCORECARD_DATA: dataDirectory } : {}) };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", SCRIPT, ...args],
      { encoding: "utf8", env },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      status: failure.code ?? 1,
      stdout: failure.stdout ?? "",
      stderr: failure.stderr ?? "",
    };
  }
}

describe("import-comparators command", () => {
  it("imports the council named in council.yaml", async () => {
    const data = dataFolder("Southend-on-Sea Borough Council", "882");
    const run = await runImport([tables()], data);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^comparators: 13 measures, 26 measure-years for Southend-on-Sea \(882\) written to .*comparators\.json/,
    );
    const read = readComparators(data);
    expect(read.problems).toEqual([]);
    expect(read.comparators?.council.code).toBe("882");
  });

  it("writes suppressed cells as markers", async () => {
    const data = dataFolder("Cambridgeshire County Council", "873");
    const source = tables({
      overrides: [
        {
          file: "la_conviction_health_outcome_cla.csv",
          place: "873",
          year: "2022",
          row: { breakdown: "Had their teeth checked by a dentist" },
          column: "children_percent",
          text: "c",
        },
      ],
    });
    expect((await runImport([source], data)).status).toBe(0);
    const text = readFileSync(join(data, "comparators.json"), "utf8");
    expect(text).toMatch(/"year": "2022", "date": "2022-03-31", "council": \{"suppressed": "c"\}/);
    const dental = readComparators(data).comparators?.measures.find(
      (measure) => measure.id === "dental-checks",
    );
    expect(dental?.years[1]?.council).toEqual({ kind: "suppressed", marker: "c" });
  });

  it("writes nothing and fails for an unknown code", async () => {
    const out = join(tables(), "out.json");
    const run = await runImport([tables(), "--code", "999", "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'old_la_code: council code "999" not found in sn_model_2025_wide.csv',
    );
    expect(run.stderr).toContain("import stopped: 1 error; nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  it("keeps the old file on error", async () => {
    const data = dataFolder("Cambridgeshire County Council", "873");
    writeFileSync(join(data, "comparators.json"), "previous\n");
    const source = tables({
      renameColumn: {
        file: "la_care_leavers_activity.csv",
        from: "care_leaver_age",
        to: "age_group",
      },
    });
    const run = await runImport([source], data);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /la_care_leavers_activity\.csv:1:1 header: missing column "care_leaver_age" \(expected a column named care_leaver_age, found no such column among the 14 headings\)/,
    );
    expect(readFileSync(join(data, "comparators.json"), "utf8")).toBe("previous\n");
  });

  it("rejects --code without --out", async () => {
    const data = dataFolder("Cambridgeshire County Council", "873");
    const run = await runImport([tables(), "--code", "882"], data);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--code 882 differs from the code in council.yaml (873)");
    expect(existsSync(join(data, "comparators.json"))).toBe(false);
  });

  it("rejects a badly written --code", async () => {
    const run = await runImport([tables(), "--code", "87"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'invalid --code "87": expected a three-digit old_la_code, such as 873',
    );
  });
});
