import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseComparators, readComparators } from "../src/comparators/read.ts";
import { formatProblem } from "../src/data/problems.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const committed = readFileSync("data/comparators.json", "utf8");

/** A data folder holding the repository's council, catalogue and the given comparators text. */
function dataFolder(comparatorsText?: string, councilCode = "873"): string {
  const directory = mkdtempSync(join(tmpdir(), "comparator-data-"));
  folders.push(directory);
  writeFileSync(
    join(directory, "council.yaml"),
    `name: Cambridgeshire County Council\ncode: "${councilCode}"\n`,
  );
  copyFileSync("data/catalogue.yaml", join(directory, "catalogue.yaml"));
  if (comparatorsText !== undefined)
    writeFileSync(join(directory, "comparators.json"), comparatorsText);
  return directory;
}

function printedProblems(text: string, context = {}): string[] {
  const result = parseComparators(text, "comparators.json", context);
  expect(result.comparators).toBeUndefined();
  return result.problems.map(formatProblem);
}

describe("readComparators", () => {
  it("reads the committed comparators without problems", () => {
    const result = readComparators("data");
    expect(result.problems).toEqual([]);
    expect(result.comparators?.council.code).toBe("873");
    expect(result.comparators?.file).toBe("data/comparators.json");
  });

  it("treats an absent file as none", () => {
    expect(readComparators(dataFolder())).toEqual({ problems: [] });
  });

  it("turns cells into observations", () => {
    const text = committed
      .replace('"council": 640,', '"council": {"missing": "not yet published"},')
      .replace('"england": 80780,', '"england": {"suppressed": "c"},');
    const measure = readComparators(dataFolder(text)).comparators!.measures[0]!;
    expect(measure.years[0]!.council).toEqual({ kind: "missing", reason: "not yet published" });
    expect(measure.years[0]!.england).toEqual({ kind: "suppressed", marker: "c" });
    expect(measure.years[0]!.region).toEqual({ kind: "value", value: 6640 });
  });

  it("rejects another council's comparators", () => {
    const result = readComparators(dataFolder(committed, "882"));
    expect(result.comparators).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /comparators\.json:2:23 council, code: comparators are for another council \(expected code "882", as in .*council\.yaml, found "873" \(Cambridgeshire\)\)\n  hint: run npm run import-comparators -- <folder of published tables> to import the configured council's figures$/,
      ),
    ]);
  });

  it("rejects an unknown indicator", () => {
    const text = committed.replace('"indicator": "dental-checks"', '"indicator": "dental-check"');
    const result = readComparators(dataFolder(text));
    expect(result.comparators).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /comparators\.json:\d+:20 measure dental-checks, indicator: unknown indicator "dental-check" \(expected the id of an indicator in catalogue\.yaml, found "dental-check"\)\n  hint: add the indicator to the catalogue, or change the measure's indicator in src\/comparators\/measures\.ts and import again$/,
      ),
    ]);
  });

  it("reports a figure written as text", () => {
    const text = committed.replace('"council": 640,', '"council": "640",');
    expect(printedProblems(text)).toEqual([
      'comparators.json:33:59 measure children-in-care-31-march, years, entry 1, council: wrong type of value (expected a number, or an entry with value, missing or suppressed, found text "640")\n' +
        "  hint: remove the quotes around 640",
    ]);
  });

  it("rejects a wrong neighbour count", () => {
    const text = committed.replace(
      '"neighbours": {"count": 10, "mean": 716.9',
      '"neighbours": {"count": 9, "mean": 716.9',
    );
    expect(printedProblems(text)).toEqual([
      "comparators.json:33:122 measure children-in-care-31-march, years, entry 1, neighbours, count: neighbours counted and excluded do not add up to the neighbour list (expected 10 (the 10 neighbours less 0 excluded), found 9)",
    ]);
  });

  it("rejects years out of order", () => {
    const text = committed.replace(
      '{"year": "2022", "date": "2022-03-31", "council": 593',
      '{"year": "2020", "date": "2022-03-31", "council": 593',
    );
    const printed = printedProblems(text);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(
      "measure children-in-care-31-march, years, entry 2, year: years out of order (expected a year after 2021, found 2020)",
    );
  });

  it("rejects a mean of no values", () => {
    const text = committed.replace(
      '{"count": 10, "mean": 716.9, "min": 146, "max": 1661, "values": [782, 991, 510, 220, 861, 784, 891, 323, 1661, 146], "excluded": []}',
      '{"count": 0, "mean": 0, "values": [' +
        Array(10).fill('{"suppressed": "c"}').join(", ") +
        "], " +
        '"excluded": [' +
        ["931", "919", "825", "803", "937", "916", "938", "823", "850", "869"]
          .map((code) => `{"code": "${code}", "suppressed": "c"}`)
          .join(", ") +
        "]}",
    );
    const printed = printedProblems(text);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(
      "neighbours, mean: no mean, min or max when no neighbour has a value",
    );
  });
});
