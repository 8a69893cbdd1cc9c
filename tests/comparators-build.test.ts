import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildComparators } from "../src/comparators/build.ts";
import { MEASURES } from "../src/comparators/measures.ts";
import { summariseNeighbours } from "../src/comparators/neighbours.ts";
import type { ComparatorsJson, MeasureJson, YearJson } from "../src/comparators/types.ts";
import {
  FIXTURE_NEIGHBOURS,
  writeFixtureTables,
  type FixtureOptions,
} from "./support/comparator-tables.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function build(code: string, options: FixtureOptions = {}) {
  const tablesDirectory = writeFixtureTables(options);
  folders.push(tablesDirectory);
  return buildComparators({ tablesDirectory, origin: { code, writtenIn: "--code" } });
}

function built(code: string, options: FixtureOptions = {}): ComparatorsJson {
  const result = build(code, options);
  expect(result.problems).toEqual([]);
  return result.comparators!;
}

function measure(comparators: ComparatorsJson, id: string): MeasureJson {
  const found = comparators.measures.find((entry) => entry.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

function year(comparators: ComparatorsJson, id: string, period: string): YearJson {
  const found = measure(comparators, id).years.find((entry) => entry.year === period);
  if (!found) throw new Error(`no year ${period} for ${id}`);
  return found;
}

const STABILITY = "la_cla_placement_stability.csv";
const THREE_PLUS = {
  cla_group: "CLA on 31 March",
  placement_stability: "With 3 or more placements during the year",
};

describe("comparators from published tables", () => {
  it("reads council, England and region cells", () => {
    const comparators = built("873", {
      overrides: [
        {
          file: STABILITY,
          place: "873",
          year: "2021",
          row: THREE_PLUS,
          column: "children_percent",
          text: "12",
        },
        {
          file: STABILITY,
          place: "england",
          year: "2021",
          row: THREE_PLUS,
          column: "children_percent",
          text: "10",
        },
        {
          file: STABILITY,
          place: "East of England",
          year: "2021",
          row: THREE_PLUS,
          column: "children_percent",
          text: "11",
        },
      ],
    });
    const entry = year(comparators, "three-plus-placements", "2021");
    expect(entry.council).toBe(12);
    expect(entry.england).toBe(10);
    expect(entry.region).toBe(11);
    expect(entry.date).toBe("2021-03-31");
  });

  it("names council, region and neighbours", () => {
    const comparators = built("873");
    expect(comparators.council).toEqual({
      code: "873",
      name: "Cambridgeshire",
      region: "East of England",
    });
    expect(comparators.neighbourModel.neighbours.map((neighbour) => neighbour.code)).toEqual(
      FIXTURE_NEIGHBOURS["873"],
    );
    expect(comparators.neighbourModel.neighbours[2]!.name).toBe("Bristol, City of");
    expect(comparators.neighbourModel.neighbours[1]!.closeness).toBe("Close");
  });

  it("gives every measure every year, oldest first", () => {
    const comparators = built("873");
    expect(comparators.measures.map((entry) => entry.id)).toEqual(
      MEASURES.map((entry) => entry.id),
    );
    for (const entry of comparators.measures)
      expect(entry.years.map((item) => item.year)).toEqual(["2021", "2022"]);
  });

  it("dates workforce figures 30 September", () => {
    const comparators = built("873");
    expect(year(comparators, "average-caseload", "2022").date).toBe("2022-09-30");
  });

  it("averages neighbours over those with a value", () => {
    const values = ["5", "6", "7", "8", "9", "10", "11", "12", "13", "14"];
    const comparators = built("873", {
      overrides: FIXTURE_NEIGHBOURS["873"]!.map((code, index) => ({
        file: STABILITY,
        place: code,
        year: "2022",
        row: THREE_PLUS,
        column: "children_percent",
        text: values[index]!,
      })),
    });
    const { neighbours } = year(comparators, "three-plus-placements", "2022");
    expect(neighbours.values).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(neighbours.count).toBe(10);
    expect(neighbours.mean).toBe(9.5);
    expect(neighbours.min).toBe(5);
    expect(neighbours.max).toBe(14);
    expect(neighbours.excluded).toEqual([]);
  });

  it("keeps suppressed cells out of averages", () => {
    const comparators = built("873", {
      overrides: [
        {
          file: STABILITY,
          place: "873",
          year: "2021",
          row: THREE_PLUS,
          column: "children_percent",
          text: "c",
        },
        {
          file: STABILITY,
          place: "801",
          year: "2021",
          row: THREE_PLUS,
          column: "children_percent",
          text: "x",
        },
        ...FIXTURE_NEIGHBOURS["873"]!.slice(1).map((code) => ({
          file: STABILITY,
          place: code,
          year: "2021",
          row: THREE_PLUS,
          column: "children_percent",
          text: "20",
        })),
      ],
    });
    const entry = year(comparators, "three-plus-placements", "2021");
    expect(entry.council).toEqual({ suppressed: "c" });
    expect(entry.neighbours.values[0]).toEqual({ suppressed: "x" });
    expect(entry.neighbours.count).toBe(9);
    expect(entry.neighbours.mean).toBe(20);
    expect(entry.neighbours.excluded).toEqual([{ code: "801", suppressed: "x" }]);
  });

  it("gives no average when no neighbour has a value", () => {
    const comparators = built("873", {
      overrides: FIXTURE_NEIGHBOURS["873"]!.map((code) => ({
        file: STABILITY,
        place: code,
        year: "2021",
        row: THREE_PLUS,
        column: "children_percent",
        text: "c",
      })),
    });
    const { neighbours } = year(comparators, "three-plus-placements", "2021");
    expect(neighbours.count).toBe(0);
    expect(neighbours).not.toHaveProperty("mean");
    expect(neighbours).not.toHaveProperty("min");
    expect(neighbours).not.toHaveProperty("max");
    expect(neighbours.excluded).toHaveLength(10);
  });

  it("records a neighbour with no rows as missing", () => {
    const comparators = built("873", { withoutCouncil: "805" });
    const { neighbours } = year(comparators, "children-in-care-31-march", "2021");
    expect(neighbours.values[4]).toEqual({
      missing: "no row in the published table for this year",
    });
    expect(neighbours.excluded).toEqual([
      { code: "805", missing: "no row in the published table for this year" },
    ]);
    expect(neighbours.count).toBe(9);
  });

  it("derives in-touch from published counts", () => {
    const activity = "la_care_leavers_activity.csv";
    const age = "19 to 21 years";
    const comparators = built("873", {
      overrides: [
        {
          file: activity,
          place: "873",
          year: "2022",
          row: { care_leaver_age: age, breakdown: "Total" },
          column: "care_leaver_count",
          text: "337",
        },
        {
          file: activity,
          place: "873",
          year: "2022",
          row: { care_leaver_age: age, breakdown: "Total information not known" },
          column: "care_leaver_count",
          text: "7",
        },
        {
          file: activity,
          place: "england",
          year: "2022",
          row: { care_leaver_age: age, breakdown: "Total information not known" },
          column: "care_leaver_count",
          text: "c",
        },
      ],
    });
    const entry = year(comparators, "care-leavers-in-touch-19-to-21", "2022");
    expect(entry.council).toEqual({ value: 98, numerator: 330, denominator: 337 });
    expect(entry.england).toEqual({ suppressed: "c" });
    expect(measure(comparators, "care-leavers-in-touch-19-to-21").source.derivation).toMatch(
      /Total information not known/,
    );
  });

  it("imports a second council", () => {
    const comparators = built("882", {
      overrides: [
        {
          file: "cla_number_and_rate_per_10k_children.csv",
          place: "882",
          year: "2022",
          row: { population_type: "Children looked after on 31 March each year" },
          column: "children_count",
          text: "412",
        },
        {
          file: "cla_number_and_rate_per_10k_children.csv",
          place: "873",
          year: "2022",
          row: { population_type: "Children looked after on 31 March each year" },
          column: "children_count",
          text: "640",
        },
      ],
    });
    expect(comparators.council.name).toBe("Southend-on-Sea");
    expect(comparators.neighbourModel.neighbours[0]!.code).toBe("873");
    const entry = year(comparators, "children-in-care-31-march", "2022");
    expect(entry.council).toBe(412);
    expect(entry.neighbours.values[0]).toBe(640);
  });
});

describe("neighbour summary", () => {
  const neighbours = ["940", "941", "803"].map((code) => ({
    code,
    name: code,
    closeness: "Close",
  }));

  it("counts a shared joint figure once", () => {
    const joint = {
      value: 17.5,
      note: "Published as one joint figure for North / West (940 / 941).",
    };
    const summary = summariseNeighbours(
      neighbours,
      [
        { cell: joint, lines: [12] },
        { cell: joint, lines: [12] },
        { cell: 15.5, lines: [30] },
      ],
      1,
    );
    expect(summary.count).toBe(2);
    expect(summary.mean).toBe(16.5);
    expect(summary.excluded).toEqual([
      { code: "941", missing: "one joint figure with 940, counted once" },
    ]);
  });

  it("rounds mean to one more decimal", () => {
    const summary = summariseNeighbours(
      neighbours,
      [
        { cell: 1, lines: [1] },
        { cell: 2, lines: [2] },
        { cell: 2, lines: [3] },
      ],
      0,
    );
    expect(summary.mean).toBe(1.7);
  });
});
