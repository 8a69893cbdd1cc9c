import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFiguresCsv } from "../src/analyst/import-month.ts";
import { startNewMonth } from "../src/analyst/new-month.ts";
import { validateDataFiles } from "../src/analyst/validate-files.ts";
import { loadDataset } from "../src/data/load.ts";
import { formatProblems, makeScratchFolder } from "./support/scratch-data.ts";

const HEADER = "indicator,period,category,value,numerator,denominator,marker,note";

/** Writes a CSV as a spreadsheet saves it: byte-order mark and CRLF line ends. */
function writeCsv(folder: string, lines: string[]): string {
  const file = join(folder, "figures.csv");
  writeFileSync(file, `\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`);
  return file;
}

/** A January 2021 export covering every indicator; the figures are made up for the test. */
const JANUARY = [
  'children-in-care,2021-01,,"670 ",,,,',
  'reviews-on-time,2021-01,,98.2%,"1,012","1,031",,',
  "statutory-visits-on-time,2021-01,,[x],,,,Not available from the new case system this month.",
  ...[
    "family-safeguarding,46",
    "children-in-care,24",
    "leaving-care,13",
    "independent-reviewing-officers,12",
  ].map((cell) => `social-workers,2021-01,${cell},,,,`),
  ...[
    "family-safeguarding,17",
    "children-in-care,21",
    "leaving-care,19",
    "independent-reviewing-officers,58",
  ].map((cell) => `average-caseload,2021-01,${cell},,,,`),
  "three-plus-placements,2021-01,,9.9,66,670,,",
  "long-term-stability,2021-01,,64.1,100,156,,",
  ...[
    "full-care-order,380",
    "Interim care order,118",
    "voluntary-agreement,110",
    "placement-order,56",
    "other,6",
  ].map((cell) => `legal-status,2021-01,${cell},,,,`),
  "time-in-care,2021-01,up-to-6-months,,,,[c],",
  ...["7-to-12-months", "1-to-2-years", "3-to-5-years", "6-to-10-years", "11-to-15-years"].map(
    (category) => `time-in-care,2021-01,${category},x,,,,`,
  ),
  "placement-type,2021-01,foster-in-house,242,,,,",
  "placement-type,2021-01,foster-external,210,,,,",
  ...[
    "kinship",
    "placed-for-adoption",
    "placed-with-parents",
    "residential",
    "semi-independent",
    "other",
  ].map((category) => `placement-type,2021-01,${category},[x],,,,`),
  "placement-type,2021-01,residential-schools,[z],,,,",
  "placement-type,2021-01,secure-unit,[low],,,,",
  "age-group,2021-01,under-1,[c],,,,",
  "age-group,2021-01,1-to-4,60,,,,",
  ...["5-to-9", "10-to-15", "16-and-over"].map(
    (category) => `age-group,2021-01,${category},[x],,,,`,
  ),
  "children-missing,2021-01,,22,,,,",
  "missing-episodes,2021-01,,61,,,,",
  "personal-education-plans,2021-01,,98.5,394,400,,",
  "good-or-outstanding-schools,2021-01,,73.0,,,,",
  "initial-health-assessments,2021-01,,37.5,,,,",
  "initial-health-assessments,2020/21 Q3,,33.5,,,[r],Q3 recalculated after late recording.",
  "annual-health-assessments,2021-01,,91.0,,,,",
  "dental-checks,2021-01,,31.2,,,,",
  "adopted,2021-01,,25.0,,,,",
  "days-entry-to-adoptive-placement,2021-01,,460,,,,",
  "days-placement-order-to-match,2021-01,,210.5,,,,",
  "care-leavers-in-touch,2021-01,,87.0,,,,",
  "care-leavers-suitable-accommodation,2021-01,,88.1,,,,",
];

describe("importFiguresCsv round trip", () => {
  it("fills a new month that validates and loads", () => {
    const folder = makeScratchFolder({}, true);
    startNewMonth(folder, "2021-01", false);
    const result = importFiguresCsv(writeCsv(folder, JANUARY), folder);
    expect(result.problems).toEqual([]);
    expect(result.file).toBe(`${folder}/2021-01.yaml`);
    expect(result.rowsRead).toBe(JANUARY.length);
    expect(result.created).toBe(false);
    expect(result.rewrittenWhole).toBe(false);

    // Only the commentary is left to write; dropping it leaves a month that loads.
    const check = validateDataFiles([result.file!], folder);
    expect(new Set(check.problems.map((problem) => problem.message))).toEqual(
      new Set(["commentary not filled in"]),
    );
    const text = readFileSync(result.file!, "utf8");
    writeFileSync(result.file!, text.slice(0, text.indexOf("# Commentary for each section")));

    const loaded = loadDataset(folder);
    expect(formatProblems(loaded.problems, folder)).toEqual([]);
    const january = loaded.dataset!.months.find((month) => month.period === "2021-01")!;
    const indicator = (id: string) => january.indicators.get(id)!;
    expect(january.indicators.size).toBe(loaded.dataset!.catalogue.indicators.length);
    expect(indicator("children-in-care").current).toEqual({ kind: "value", value: 670 });
    expect(indicator("reviews-on-time").current).toEqual({
      kind: "value",
      value: 98.2,
      numerator: 1012,
      denominator: 1031,
    });
    expect(indicator("statutory-visits-on-time").current).toEqual({
      kind: "suppressed",
      marker: "x",
      note: "Not available from the new case system this month.",
    });
    expect(indicator("legal-status").breakdown.get("interim-care-order")).toEqual({
      kind: "value",
      value: 118,
    });
    expect(indicator("age-group").breakdown.get("under-1")).toEqual({
      kind: "suppressed",
      marker: "c",
    });
    expect(indicator("placement-type").breakdown.get("secure-unit")).toEqual({
      kind: "suppressed",
      marker: "low",
    });
    const q3 = indicator("initial-health-assessments").series.find(
      (point) => point.period === "2020/21 Q3",
    );
    expect(q3?.observation).toEqual({
      kind: "value",
      value: 33.5,
      reading: "likely",
      note: "Revised figure. Q3 recalculated after late recording.",
    });
  });

  it("writes figures beside last month's comments", () => {
    const folder = makeScratchFolder({}, true);
    startNewMonth(folder, "2021-01", false);
    importFiguresCsv(writeCsv(folder, JANUARY), folder);
    const text = readFileSync(join(folder, "2021-01.yaml"), "utf8");
    expect(text).toContain("    value: 670 # December 2020: 664\n");
    expect(text).toContain("    suppressed: x # December 2020: missing\n");
    expect(text).toContain("    note: Not available from the new case system this month.\n");
    expect(text).toContain("      full-care-order: 380 # Full care order. December 2020: 375\n");
    expect(text).toContain(
      "      under-1: { suppressed: c } # Under 1 year. December 2020: missing\n",
    );
    expect(text).toContain("    value: 73.0 # December 2020: 72.9\n");
    // An empty numerator line that the CSV does not fill is deleted, not left empty.
    expect(text).not.toMatch(/^ {4}(numerator|denominator):\s*(#.*)?$/m);
  });

  it("starts the month file when it does not exist", () => {
    const folder = makeScratchFolder({}, true);
    const result = importFiguresCsv(writeCsv(folder, ["children-missing,2021-01,,22,,,,"]), folder);
    expect(result.created).toBe(true);
    expect(readFileSync(join(folder, "2021-01.yaml"), "utf8")).toContain(
      "    value: 22 # December 2020: 24\n",
    );
  });

  it("rejects a month that does not follow an existing one", () => {
    const folder = makeScratchFolder({}, true);
    const result = importFiguresCsv(writeCsv(folder, ["children-missing,2021-03,,22,,,,"]), folder);
    expect(formatProblems(result.problems, folder)).toEqual([
      `figures.csv:1:1 cannot start the month file: March 2021 does not follow an existing month: the latest month before it is December 2020 (2020-12.yaml). Start February 2021 first, or use --force to leave a gap`,
    ]);
    expect(existsSync(join(folder, "2021-03.yaml"))).toBe(false);
  });
});

describe("importFiguresCsv with bad cells", () => {
  it("writes nothing and reports every bad cell", () => {
    const folder = makeScratchFolder({}, true);
    startNewMonth(folder, "2021-01", false);
    const file = join(folder, "2021-01.yaml");
    const before = readFileSync(file, "utf8");
    const result = importFiguresCsv(
      writeCsv(folder, [
        "children-in-care,2021-01,,670,,,,",
        "children-missing,2021-01,,n/a,,,,",
        "dental-checks,2021-01,,31.2,31%,100,,",
      ]),
      folder,
    );
    expect(result.file).toBeUndefined();
    expect(
      result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`),
    ).toEqual(["3:4 not a number", "4:5 percent sign on the numerator"]);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("creates no month file", () => {
    const folder = makeScratchFolder({}, true);
    importFiguresCsv(writeCsv(folder, ["children-missing,2021-01,,n/a,,,,"]), folder);
    expect(existsSync(join(folder, "2021-01.yaml"))).toBe(false);
  });

  it("rejects text that is not UTF-8", () => {
    const folder = makeScratchFolder({}, true);
    const file = join(folder, "figures.csv");
    writeFileSync(
      file,
      Buffer.from(`${HEADER}\nchildren-missing,2021-01,,22,,,,Caf\xe9\n`, "latin1"),
    );
    expect(formatProblems(importFiguresCsv(file, folder).problems, folder)).toEqual([
      'figures.csv:1:1 the file is not UTF-8 text\n  hint: save it from the spreadsheet as "CSV UTF-8 (comma delimited)"',
    ]);
  });
});

describe("importFiguresCsv into a hand-written month", () => {
  /** December 2020 as committed, with its figures changed by a CSV; returns both texts. */
  function importIntoDecember(lines: string[], edit: (text: string) => string = (text) => text) {
    const folder = makeScratchFolder({}, true);
    const file = join(folder, "2020-12.yaml");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    const before = readFileSync(file, "utf8");
    const result = importFiguresCsv(writeCsv(folder, lines), folder, { month: "2020-12" });
    return { folder, result, before, after: readFileSync(file, "utf8") };
  }

  function changedLines(before: string, after: string): string[] {
    const old = new Set(before.split("\n"));
    return after.split("\n").filter((line) => !old.has(line));
  }

  it("changes only the lines of the figures imported", () => {
    const { result, before, after } = importIntoDecember([
      "children-missing,2020-12,,25,,,,",
      "age-group,2020-12,1-to-4,62,,,,",
      "three-plus-placements,2020-12,,10.0,,,,Checked against the case system.",
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rewrittenWhole).toBe(false);
    expect(result.figuresChanged).toBe(2);
    expect(changedLines(before, after)).toEqual([
      "    note: Checked against the case system.",
      "        value: 62",
      "    value: 25",
    ]);
    expect(after.split("\n").length).toBe(before.split("\n").length + 1);
  });

  it("keeps a shared note when one entry gets its own", () => {
    const { folder, result, after } = importIntoDecember([
      "initial-health-assessments,2018/19 Q4,,18.2,,,[r],Misread in the first edition.",
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rewrittenWhole).toBe(false);
    expect(after).toContain('note: &quarters "The eight quarterly figures are legible;');
    const series = loadDataset(folder).dataset!.months[0]!.indicators.get(
      "initial-health-assessments",
    )!.series;
    expect(series.map((point) => point.observation.note)).toEqual([
      "Revised figure. Misread in the first edition.",
      ...Array(7).fill(
        "The eight quarterly figures are legible; their quarters are read from their order, oldest first.",
      ),
    ]);
  });

  it("adds a year-to-date month's own figure to the series", () => {
    const { folder, result } = importIntoDecember([
      "reviews-on-time,2020-12,in-month,96.0,96,100,,",
    ]);
    expect(result.problems).toEqual([]);
    const report = loadDataset(folder).dataset!.months[0]!.indicators.get("reviews-on-time")!;
    expect(report.current).toEqual({
      kind: "value",
      value: 100,
      reading: "sure",
      note: expect.any(String),
    });
    expect(report.series).toEqual([
      {
        period: "2020-12",
        observation: { kind: "value", value: 96, numerator: 96, denominator: 100 },
      },
    ]);
  });

  it("writes the whole file when it cannot edit in place", () => {
    const folder = makeScratchFolder({
      "2021-01.yaml":
        '# Kept comment\nperiod: "2021-01"\nindicators: { children-missing: { value: 20 } }\n',
    });
    const result = importFiguresCsv(writeCsv(folder, ["children-missing,2021-01,,22,,,,"]), folder);
    expect(result.problems).toEqual([]);
    expect(result.rewrittenWhole).toBe(true);
    const text = readFileSync(join(folder, "2021-01.yaml"), "utf8");
    expect(text).toContain("# Kept comment");
    expect(
      loadDataset(folder).dataset!.months[0]!.indicators.get("children-missing")!.current,
    ).toEqual({
      kind: "value",
      value: 22,
    });
  });

  it("rejects a changed figure in a published month", () => {
    const publish = (text: string) =>
      text.replace('period: "2020-12"', 'period: "2020-12"\npublished: "2021-01-20"');
    const { folder, result, before, after } = importIntoDecember(
      ["children-missing,2020-12,,25,,,,", "missing-episodes,2020-12,,64,,,,"],
      publish,
    );
    expect(formatProblems(result.problems, folder)).toEqual([
      "figures.csv:2:1 indicator children-missing: the month was published on 2021-01-20, so its figures are not changed by import (expected 24, found 25)\n  hint: record the change under corrections: in the month file, with the date, the figure before and after, and the reason",
    ]);
    expect(after).toBe(before);
  });
});
