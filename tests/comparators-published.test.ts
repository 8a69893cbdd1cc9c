/**
 * Checks the committed comparators against figures looked up by hand in the Department for
 * Education's published tables. When DFE_TABLES names a folder holding those tables, it also
 * imports from them and compares every cell with the table rows read independently here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildComparators } from "../src/comparators/build.ts";
import { MEASURES, type MeasureDefinition } from "../src/comparators/measures.ts";
import { readComparators } from "../src/comparators/read.ts";
import type { CellJson, Comparators, ComparatorsJson } from "../src/comparators/types.ts";
import { formatComparators } from "../src/comparators/write.ts";
import type { Observation } from "../src/model/types.ts";

let committed: Comparators | undefined;

/** Reads data/comparators.json once for the whole file. */
function committedComparators(): Comparators {
  if (committed) return committed;
  const result = readComparators("data");
  expect(result.problems).toEqual([]);
  committed = result.comparators!;
  return committed;
}

function observation(
  comparators: Comparators,
  id: string,
  year: string,
  place: "council" | "england" | "region",
) {
  const measure = comparators.measures.find((entry) => entry.id === id);
  return measure?.years.find((entry) => entry.year === year)?.[place];
}

const value = (number: number): Observation => ({ kind: "value", value: number });

// Each figure was found with grep in the published CSV rows for Cambridgeshire (873).
const PUBLISHED_FOR_873: [string, string, "council" | "england" | "region", number][] = [
  ["children-in-care-31-march", "2021", "council", 640],
  ["children-in-care-31-march", "2021", "england", 80780],
  ["children-in-care-31-march", "2021", "region", 6640],
  ["children-in-care-31-march", "2025", "council", 705],
  ["children-in-care-rate", "2021", "council", 48],
  ["children-in-care-rate", "2025", "council", 49],
  ["average-caseload", "2020", "council", 9.7],
  ["average-caseload", "2021", "council", 17.5],
  ["average-caseload", "2025", "england", 15.2],
  ["three-plus-placements", "2021", "council", 9],
  ["three-plus-placements", "2022", "council", 12],
  ["three-plus-placements", "2025", "council", 11],
  ["long-term-stability", "2021", "council", 71],
  ["long-term-stability", "2024", "council", 74],
  ["annual-health-assessments", "2021", "council", 90],
  ["annual-health-assessments", "2025", "council", 85],
  ["dental-checks", "2021", "council", 30],
  ["dental-checks", "2022", "council", 56],
  ["dental-checks", "2025", "council", 67],
  ["care-leavers-in-education-employment-or-training-19-to-21", "2021", "council", 49],
  ["care-leavers-in-education-employment-or-training-19-to-21", "2025", "council", 58],
  ["care-leavers-in-education-employment-or-training-17-to-18", "2025", "council", 77],
  ["care-leavers-suitable-accommodation-17-to-18", "2021", "council", 88],
  ["care-leavers-suitable-accommodation-19-to-21", "2021", "council", 84],
  ["care-leavers-suitable-accommodation-19-to-21", "2025", "council", 92],
];

describe("committed comparators for Cambridgeshire", () => {
  it.each(PUBLISHED_FOR_873)("%s %s %s is %d", (id, year, place, expected) => {
    expect(observation(committedComparators(), id, year, place)).toEqual(value(expected));
  });

  it("works out in-touch from the published counts", () => {
    // 2025, 19 to 21 years: Total 337, Total information not known 7.
    expect(
      observation(committedComparators(), "care-leavers-in-touch-19-to-21", "2025", "council"),
    ).toEqual({
      kind: "value",
      value: 98,
      numerator: 330,
      denominator: 337,
    });
  });

  it("keeps Oxfordshire's suppressed cell out of the neighbour average", () => {
    const measure = committedComparators().measures.find(
      (entry) => entry.id === "care-leavers-suitable-accommodation-17-to-18",
    )!;
    const year = measure.years.find((entry) => entry.year === "2025")!;
    expect(year.neighbours.values[0]).toEqual({ kind: "suppressed", marker: "c" });
    expect(year.neighbours.count).toBe(9);
    expect(year.neighbours.excluded).toEqual([
      { code: "931", observation: { kind: "suppressed", marker: "c" } },
    ]);
  });

  it("stays within a few tens of kilobytes", () => {
    expect(readFileSync("data/comparators.json").byteLength).toBeLessThan(40_000);
  });
});

const TABLES = process.env.DFE_TABLES;
const tablesAvailable = TABLES !== undefined && existsSync(join(TABLES, "sn_model_2025_wide.csv"));

type Row = Record<string, string>;

/** Reads a published table into one object per row, keyed by heading. */
function readRows(file: string): Row[] {
  return parse(readFileSync(join(TABLES!, file)), { bom: true, columns: true }) as Row[];
}

/** Returns the published cell for a place and year, read with plain filters over the rows. */
function publishedCell(
  rows: Row[],
  measure: MeasureDefinition,
  year: string,
  place: Row,
): CellJson {
  const selected = rows.filter(
    (row) =>
      row.time_period === year &&
      Object.entries(place).every(([column, text]) => row[column] === text) &&
      Object.entries(measure.rows).every(([column, text]) => row[column] === text),
  );
  const text = (breakdown?: string) => {
    const matching = breakdown ? selected.filter((row) => row.breakdown === breakdown) : selected;
    expect(matching.length).toBeLessThanOrEqual(1);
    return matching[0]?.[measure.column];
  };
  const asCell = (cellText: string): CellJson =>
    /^[a-z]+$/.test(cellText) ? ({ suppressed: cellText } as CellJson) : Number(cellText);
  if (!measure.knownShare) {
    const cellText = text();
    return cellText === undefined
      ? { missing: "no row in the published table for this year" }
      : asCell(cellText);
  }
  const total = text(measure.knownShare.total);
  const notKnown = text(measure.knownShare.notKnown);
  if (total === undefined || notKnown === undefined)
    return { missing: "no row in the published table for this year" };
  const [totalCell, notKnownCell] = [asCell(total), asCell(notKnown)];
  if (typeof totalCell !== "number") return totalCell;
  if (typeof notKnownCell !== "number") return notKnownCell;
  const known = totalCell - notKnownCell;
  return { value: Math.round((100 * known) / totalCell), numerator: known, denominator: totalCell };
}

const imported = new Map<string, ComparatorsJson>();

/** Imports a council once per test file, because reading the full tables takes a few seconds. */
function importFromPublishedTables(code: string): ComparatorsJson {
  const cached = imported.get(code);
  if (cached) return cached;
  const result = buildComparators({
    tablesDirectory: TABLES!,
    origin: { code, writtenIn: "--code" },
  });
  expect(result.problems).toEqual([]);
  imported.set(code, result.comparators!);
  return result.comparators!;
}

describe.skipIf(!tablesAvailable)("import from the published tables in DFE_TABLES", () => {
  it("reproduces the committed file for 873", () => {
    expect(formatComparators(importFromPublishedTables("873"))).toBe(
      readFileSync("data/comparators.json", "utf8"),
    );
  });

  it.each(["873", "882"])("matches every council, England and region cell for %s", (code) => {
    const comparators = importFromPublishedTables(code);
    const rowsByTable = new Map<string, Row[]>();
    for (const measure of MEASURES) {
      if (!rowsByTable.has(measure.table)) rowsByTable.set(measure.table, readRows(measure.table));
      const rows = rowsByTable.get(measure.table)!;
      const years = comparators.measures.find((entry) => entry.id === measure.id)!.years;
      expect(years.length).toBeGreaterThan(0);
      for (const entry of years) {
        const where = `${measure.id} ${entry.year}`;
        expect(entry.council, where).toEqual(
          publishedCell(rows, measure, entry.year, {
            geographic_level: "Local authority",
            old_la_code: code,
          }),
        );
        expect(entry.england, where).toEqual(
          publishedCell(rows, measure, entry.year, { geographic_level: "National" }),
        );
        expect(entry.region, where).toEqual(
          publishedCell(rows, measure, entry.year, {
            geographic_level: "Regional",
            region_name: comparators.council.region,
          }),
        );
      }
    }
  });

  it("names Southend-on-Sea's region and neighbours for 882", () => {
    const comparators = importFromPublishedTables("882");
    expect(comparators.council).toEqual({
      code: "882",
      name: "Southend-on-Sea",
      region: "East of England",
    });
    expect(comparators.neighbourModel.neighbours.map((neighbour) => neighbour.code)).toEqual([
      "839",
      "383",
      "826",
      "351",
      "845",
      "851",
      "886",
      "303",
      "392",
      "822",
    ]);
  });
});
