import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildComparators } from "../src/comparators/build.ts";
import { readConfiguredCode } from "../src/comparators/configured-code.ts";
import { formatProblem } from "../src/data/problems.ts";
import { writeFixtureTables, type FixtureOptions } from "./support/comparator-tables.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fixture(options: FixtureOptions = {}): string {
  const directory = writeFixtureTables(options);
  folders.push(directory);
  return directory;
}

/** Builds from fixture tables and returns every problem as printed, with paths inside the folder. */
function messages(code: string, options: FixtureOptions = {}, configuredName?: string): string[] {
  const tablesDirectory = fixture(options);
  const result = buildComparators({
    tablesDirectory,
    origin: { code, writtenIn: "--code", ...(configuredName ? { configuredName } : {}) },
    display: (path) => relative(tablesDirectory, path),
  });
  expect(result.comparators).toBeUndefined();
  return result.problems.map(formatProblem);
}

describe("comparator import errors", () => {
  it("names file and missing column", () => {
    const printed = messages("873", {
      renameColumn: {
        file: "la_cla_placement_stability.csv",
        from: "children_percent",
        to: "children_pct",
      },
    });
    expect(printed).toEqual([
      'la_cla_placement_stability.csv:1:173 header: missing column "children_percent" (expected a column named children_percent, found "children_pct")\n' +
        '  hint: "children_pct" may be the same column renamed: if the published layout has changed, update the column names in src/comparators/',
    ]);
  });

  it("names a column with no near heading", () => {
    const printed = messages("873", {
      renameColumn: {
        file: "csww_indicators_2017_to_2025.csv",
        from: "caseload_fte",
        to: "average_cases_per_worker",
      },
    });
    expect(printed).toEqual([
      'csww_indicators_2017_to_2025.csv:1:1 header: missing column "caseload_fte" (expected a column named caseload_fte, found no such column among the 13 headings)\n' +
        "  hint: check that this is csww_indicators_2017_to_2025.csv as published: if its layout has changed, update the column names in src/comparators/",
    ]);
  });

  it("names an unknown code", () => {
    expect(messages("999")).toEqual([
      'sn_model_2025_wide.csv:1:1 old_la_code: council code "999" not found in sn_model_2025_wide.csv (expected the old_la_code of a council in the table, found "999")\n' +
        "  hint: use an old_la_code from the table's first column in --code, such as 873 for Cambridgeshire",
    ]);
  });

  it("suggests the configured council's code", () => {
    const [printed] = messages("999", {}, "Southend-on-Sea Borough Council");
    expect(printed).toContain(
      "hint: Southend-on-Sea Borough Council has the code 882 in this table: set it in --code",
    );
  });

  it("names tables lacking the council", () => {
    const printed = messages("805", { withoutCouncil: "805" });
    expect(printed).toHaveLength(6);
    expect(printed[0]).toBe(
      'cla_number_and_rate_per_10k_children.csv:1:96 old_la_code: council code "805" not found in cla_number_and_rate_per_10k_children.csv (expected rows for Eastwick (805), found no such rows)\n' +
        "  hint: check that cla_number_and_rate_per_10k_children.csv is the complete published table: the neighbour model lists Eastwick as 805",
    );
  });

  it("names a renamed category", () => {
    const printed = messages("873", {
      renameValue: {
        file: "la_conviction_health_outcome_cla.csv",
        from: "Had their teeth checked by a dentist",
        to: "Had their teeth checked by dentist",
      },
    });
    expect(printed).toEqual([
      'la_conviction_health_outcome_cla.csv:1:143 breakdown: no rows with breakdown "Had their teeth checked by a dentist" (expected rows whose breakdown is "Had their teeth checked by a dentist", found 3 other values)\n' +
        '  hint: the category may have been renamed to "Had their teeth checked by dentist": if so, update src/comparators/measures.ts',
    ]);
  });

  it("lists the published categories when none is near", () => {
    const [printed] = messages("873", {
      renameValue: {
        file: "la_cla_placement_stability.csv",
        from: "CLA on 31 March",
        to: "Looked after",
      },
    });
    expect(printed).toContain(
      'la_cla_placement_stability.csv:1:128 cla_group: no rows with cla_group "CLA on 31 March"',
    );
    expect(printed).toContain(
      'hint: the published values are "Looked after", "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"',
    );
  });

  it("points at an invalid cell", () => {
    const printed = messages("873", {
      overrides: [
        {
          file: "la_conviction_health_outcome_cla.csv",
          place: "873",
          year: "2022",
          row: { breakdown: "Had their teeth checked by a dentist" },
          column: "children_percent",
          text: "n/a",
        },
      ],
    });
    expect(printed).toEqual([
      'la_conviction_health_outcome_cla.csv:12:198 children_percent: invalid value (expected a number or one of the markers c, k, low, u, x, z, found text "n/a")\n' +
        "  hint: the published tables mark a figure that is not given with a marker; check that the file is the published one",
    ]);
  });

  it("never reads an empty cell as zero", () => {
    const printed = messages("873", {
      overrides: [
        {
          file: "csww_indicators_2017_to_2025.csv",
          place: "801",
          year: "2021",
          column: "caseload_fte",
          text: "",
        },
      ],
    });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(
      /^csww_indicators_2017_to_2025\.csv:\d+:\d+ caseload_fte: empty cell \(expected a number or one of the markers/,
    );
  });

  it("names a missing table", () => {
    const tablesDirectory = fixture();
    rmSync(join(tablesDirectory, "la_care_leavers_activity.csv"));
    const result = buildComparators({
      tablesDirectory,
      origin: { code: "873", writtenIn: "--code" },
      display: (path) => relative(tablesDirectory, path),
    });
    expect(result.problems.map(formatProblem)).toEqual([
      "la_care_leavers_activity.csv:1:1 table not found\n" +
        "  hint: the folder given to the importer must contain la_care_leavers_activity.csv, as published",
    ]);
  });
});

describe("configured council code", () => {
  it("reads code and position from council.yaml", () => {
    const directory = mkdtempSync(join(tmpdir(), "comparator-data-"));
    folders.push(directory);
    writeFileSync(
      join(directory, "council.yaml"),
      'name: Southend-on-Sea Borough Council\n\ncode: "882"\n',
    );
    const configured = readConfiguredCode(directory);
    expect(configured.problems).toEqual([]);
    expect(configured.origin?.code).toBe("882");
    expect(configured.origin?.writtenIn).toMatch(/council\.yaml \(code, line 3\)$/);
    expect(configured.origin?.configuredName).toBe("Southend-on-Sea Borough Council");
  });

  it("reports a badly written code in council.yaml", () => {
    const directory = mkdtempSync(join(tmpdir(), "comparator-data-"));
    folders.push(directory);
    writeFileSync(join(directory, "council.yaml"), "name: Somewhere\ncode: 87\n");
    const configured = readConfiguredCode(directory);
    expect(configured.origin).toBeUndefined();
    expect(configured.problems.map((problem) => problem.field)).toEqual(["code"]);
  });
});
