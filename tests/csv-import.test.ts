import { describe, expect, it } from "vitest";
import { readFiguresCsv, type ImportRow } from "../src/analyst/csv-import.ts";
import { loadDataset } from "../src/data/load.ts";
import { formatProblem } from "../src/data/problems.ts";

const catalogue = loadDataset("data").dataset!.catalogue;
const HEADER = "indicator,period,category,value,numerator,denominator,marker,note";

function read(lines: string[], month?: string) {
  return readFiguresCsv("figures.csv", [HEADER, ...lines].join("\n"), catalogue, month);
}

function problemsOf(lines: string[], month?: string): string[] {
  return read(lines, month).problems.map(formatProblem);
}

/** Returns what a single row was read as, without the catalogue entry. */
function figureOf(line: string): Omit<ImportRow, "indicator"> & { indicator: string } {
  const result = read([line]);
  expect(result.problems.map(formatProblem)).toEqual([]);
  const row = result.rows[0]!;
  return { ...row, indicator: row.indicator.id };
}

describe("readFiguresCsv bad cells", () => {
  it.each([
    {
      name: "decimal comma",
      line: 'children-in-care,2021-01,,"1.234,5",,,,',
      expected:
        'figures.csv:2:4 indicator children-in-care, value (column D): ambiguous number: the comma may be a decimal comma or a misplaced thousands separator (expected a number written as 1234.5 or 1,234.5, found "1.234,5")\n  hint: write decimals with a point, and commas only between groups of three digits',
    },
    {
      name: "misplaced thousands separator",
      line: 'children-in-care,2021-01,,"12,34",,,,',
      expected:
        'figures.csv:2:4 indicator children-in-care, value (column D): ambiguous number: the comma may be a decimal comma or a misplaced thousands separator (expected a number written as 1234.5 or 1,234.5, found "12,34")\n  hint: write decimals with a point, and commas only between groups of three digits',
    },
    {
      name: "point as thousands separator on a count",
      line: "children-in-care,2021-01,,1.234,,,,",
      expected:
        'figures.csv:2:4 indicator children-in-care, value (column D): ambiguous number: the point may separate thousands (expected a whole number for children-in-care, found "1.234")\n  hint: write 1234 if the point separates thousands, or check the figure',
    },
    {
      name: "space inside a number",
      line: "children-missing,2021-01,,12 3,,,,",
      expected:
        'figures.csv:2:4 indicator children-missing, value (column D): ambiguous number: spaces inside the number (expected a number written as 1234.5 or 1,234.5, found "12 3")\n  hint: remove the space if it separates thousands, or check the cell for two figures run together',
    },
    {
      name: "text for not available",
      line: "missing-episodes,2021-01,,n/a,,,,",
      expected:
        'figures.csv:2:4 indicator missing-episodes, value (column D): not a number (expected a number, or a statistical marker such as [x], found "n/a")\n  hint: write the figure in digits; when it is not available, write a marker such as [x] instead of text',
    },
    {
      name: "words around a number",
      line: "missing-episodes,2021-01,,about 40,,,,",
      expected:
        'figures.csv:2:4 indicator missing-episodes, value (column D): not a number (expected a number, or a statistical marker such as [x], found "about 40")\n  hint: write the figure in digits; when it is not available, write a marker such as [x] instead of text',
    },
    {
      name: "percent sign on a count",
      line: "children-in-care,2021-01,,45%,,,,",
      expected:
        'figures.csv:2:4 indicator children-in-care, value (column D): percent sign on a count indicator (expected a count, found "45%")\n  hint: children-in-care is measured in numbers, not percent: check the column and the row',
    },
    {
      name: "percent sign on a numerator",
      line: "dental-checks,2021-01,,31.2,31%,100,,",
      expected:
        'figures.csv:2:5 indicator dental-checks, numerator (column E): percent sign on the numerator (expected a number of children or events, found "31%")\n  hint: the numerator counts children or events; the percentage goes in the value column',
    },
    {
      name: "numerator on a count",
      line: "social-workers,2021-01,leaving-care,1,234,,,",
      expected:
        'figures.csv:2:5 indicator social-workers, numerator (column E): a count has no numerator (found "234")\n  hint: check for a number with a comma that is not in quotes: 1,234 is written "1,234" in a CSV file',
    },
    {
      name: "empty value and no marker",
      line: "dental-checks,2021-01,,,,,,",
      expected:
        "figures.csv:2:4 indicator dental-checks, value (column D): no figure and no marker (expected a number, or a marker such as [x] for a figure not available)\n  hint: an empty cell is never read as 0: write 0 when the figure is zero",
    },
    {
      name: "unknown marker",
      line: "adopted,2021-01,,25,,,[q],",
      expected:
        'figures.csv:2:7 indicator adopted, marker (column G): unknown statistical marker (expected one of [c], [k], [low], [u], [x], [z], [r], found "[q]")\n  hint: the markers and their meanings are listed in docs/analysts.md',
    },
    {
      name: "unknown marker in the value",
      line: "adopted,2021-01,,[q],,,,",
      expected:
        'figures.csv:2:4 indicator adopted, value (column D): unknown statistical marker (expected one of [c], [k], [low], [u], [x], [z], [r], found "[q]")\n  hint: the markers and their meanings are listed in docs/analysts.md',
    },
    {
      name: "unknown marker after a value",
      line: "adopted,2021-01,,25 [q],,,,",
      expected:
        'figures.csv:2:4 indicator adopted, value (column D): unknown statistical marker (expected one of [c], [k], [low], [u], [x], [z], [r], found "[q]")\n  hint: the markers and their meanings are listed in docs/analysts.md',
    },
    {
      name: "value with a suppression marker",
      line: "age-group,2021-01,under-1,5,,,[c],",
      expected:
        'figures.csv:2:4 indicator age-group, value (column D): a suppressed figure [c] has no value (found "5")\n  hint: give the figure or the marker [c], not both',
    },
    {
      name: "two different markers",
      line: "age-group,2021-01,under-1,[x],,,[c],",
      expected:
        "figures.csv:2:7 indicator age-group, marker (column G): two different markers for one figure (found [x] in the value column and [c] in the marker column)\n  hint: keep the one that applies",
    },
    {
      name: "revised marker without a value",
      line: "care-leavers-in-touch,2021-01,,[r],,,,",
      expected:
        "figures.csv:2:4 indicator care-leavers-in-touch, value (column D): a revised figure [r] needs its value (expected a number, or a marker such as [x] for a figure not available)\n  hint: an empty cell is never read as 0: write 0 when the figure is zero",
    },
    {
      name: "percentage out of range",
      line: "good-or-outstanding-schools,2021-01,,173,,,,",
      expected:
        "figures.csv:2:4 indicator good-or-outstanding-schools, value (column D): percentage out of range (expected a number from 0 to 100, found 173)\n  hint: write percentages as numbers of percent: 98.5 for 98.5%, not 0.985 or 985",
    },
    {
      name: "percentage unlike its parts",
      line: "long-term-stability,2021-01,,64.1,100,200,,",
      expected:
        "figures.csv:2:4 indicator long-term-stability, value (column D): percentage does not agree with its numerator and denominator (expected 50.0 (100 of 200), found 64.1)\n  hint: check the three figures against the source; one of them was probably mistyped",
    },
    {
      name: "negative count",
      line: "children-missing,2021-01,,-3,,,,",
      expected:
        "figures.csv:2:4 indicator children-missing, value (column D): negative figure (expected a count of 0 or more, found -3)\n  hint: check the figure and its sign against the source",
    },
    {
      name: "fraction on a whole-number count",
      line: "children-missing,2021-01,,3.5,,,,",
      expected:
        "figures.csv:2:4 indicator children-missing, value (column D): a count must be a whole number (expected a whole number, found 3.5)\n  hint: check the figure against the source: a count of children has no fraction",
    },
    {
      name: "unknown indicator",
      line: "children-in-cair,2021-01,,670,,,,",
      expected:
        'figures.csv:2:1 indicator (column A): unknown indicator "children-in-cair"\n  hint: did you mean "children-in-care"?',
    },
    {
      name: "unknown category",
      line: "legal-status,2021-01,full-care,380,,,,",
      expected:
        'figures.csv:2:3 indicator legal-status, category (column C): unknown legal status "full-care"\n  hint: the categories are full-care-order, interim-care-order, voluntary-agreement, placement-order, other',
    },
    {
      name: "category on an indicator without breakdown",
      line: "children-missing,2021-01,boys,3,,,,",
      expected:
        'figures.csv:2:3 indicator children-missing, category (column C): children-missing has no breakdown (found "boys")\n  hint: leave the category empty for the indicator\'s own figure',
    },
    {
      name: "period turned into a date",
      line: "three-plus-placements,Jan-21,,9.9,66,670,,",
      expected:
        'figures.csv:2:2 indicator three-plus-placements, period (column B): invalid period (expected a month (2021-01), a financial quarter (2020/21 Q3) or a financial year (2020/21), found "Jan-21")\n  hint: a spreadsheet may turn 2021-01 into a date: format the period column as text, then type the period again',
    },
    {
      name: "breakdown for an earlier month",
      line: "legal-status,2020-12,other,6,,,,",
      month: "2021-01",
      expected:
        'figures.csv:2:3 indicator legal-status, category (column C): a breakdown is kept only for the month being imported (expected period 2021-01, or an empty category, found period 2020-12 with category "other")\n  hint: earlier periods are kept in the series, which has no breakdown',
    },
    {
      name: "period after the month",
      line: "children-missing,2021-02,,3,,,,",
      month: "2021-01",
      expected:
        "figures.csv:2:2 indicator children-missing, period (column B): period ends after the month being imported (expected a period ending in 2021-01 or earlier, found \"2021-02\")\n  hint: import each month's figures into that month's file; give --month when the file holds a later month",
    },
    {
      name: "row with too many cells",
      line: "children-missing,2021-01,,3,,,,note, with a comma",
      expected:
        "figures.csv:2:1 the row has 9 cells but the header has 8 (expected 8 cells)\n  hint: check for a comma inside a cell that is not in quotes",
    },
    {
      name: "row with one cell",
      line: "children-missing",
      expected:
        "figures.csv:2:1 the row has 1 cell but the header has 8 (expected 8 cells)\n  hint: check for a comma inside a cell that is not in quotes",
    },
  ])("reports $name at its row and column", ({ line, month, expected }) => {
    expect(problemsOf([line], month)).toEqual([expected]);
  });

  it("reports every bad cell in the file", () => {
    const problems = read([
      "children-in-care,2021-01,,n/a,,,,",
      "children-missing,2021-01,,12 3,,,,",
      "dental-checks,Jan-21,,31.2%,31%,100,,",
      "missing-episodes,2021-01,,64,,,,",
    ]).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      "2:4",
      "3:4",
      "4:2",
      "4:5",
    ]);
  });

  it("reports a row given twice", () => {
    expect(
      problemsOf(["children-missing,2021-01,,3,,,,", "children-missing,2021-01,,4,,,,"]),
    ).toEqual([
      "figures.csv:3:1 indicator children-missing, indicator (column A): the same figure is given twice (found children-missing, 2021-01)\n  hint: line 2 gives it already; keep one of the two rows",
    ]);
  });

  it("reports an unclosed quote", () => {
    expect(problemsOf(['children-missing,2021-01,,"3,,,,'])).toEqual([
      "figures.csv:2:1 invalid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2\n  hint: a cell that starts with a quote must end with one",
    ]);
  });

  it.each([
    [
      "an unknown column",
      "indicator,period,value,colour",
      'figures.csv:1:4 header, column D: unknown column (found "colour")\n  hint: the columns are indicator, period, category, value, numerator, denominator, marker, note',
    ],
    [
      "a missing column",
      "indicator,period",
      'figures.csv:1:1 missing column "value" (expected the columns indicator, period, category, value, numerator, denominator, marker, note)',
    ],
  ])("reports %s in the header", (_name, header, expected) => {
    const result = readFiguresCsv(
      "figures.csv",
      `${header}\nchildren-missing,2021-01,3\n`,
      catalogue,
    );
    expect(result.problems.map(formatProblem)).toEqual([expected]);
  });

  it("counts lines across a cell with a line break", () => {
    const problems = problemsOf([
      'children-missing,2021-01,,3,,,,"first line',
      'second line"',
      "missing-episodes,2021-01,,n/a,,,,",
    ]);
    expect(problems[0]).toMatch(/^figures\.csv:4:4 /);
  });
});

describe("readFiguresCsv good cells", () => {
  it.each([
    [
      "a plain count",
      "children-missing,2021-01,,24,,,,",
      { kind: "value", value: 24, revised: false },
    ],
    [
      "thousands separators",
      'children-in-care,2021-01,,"1,234",,,,',
      { kind: "value", value: 1234, revised: false },
    ],
    [
      "trailing spaces",
      "children-missing,2021-01,, 24  ,,,,",
      { kind: "value", value: 24, revised: false },
    ],
    [
      "a percent sign",
      "dental-checks,2021-01,,31.2%,,,,",
      { kind: "value", value: 31.2, revised: false },
    ],
    [
      "numerator and denominator",
      'reviews-on-time,2021-01,,98.2,"1,012","1,031",,',
      { kind: "value", value: 98.2, numerator: 1012, denominator: 1031, revised: false },
    ],
    [
      "[c] in the marker column",
      "age-group,2021-01,under-1,,,,[c],",
      { kind: "suppressed", marker: "c" },
    ],
    [
      "[x] in the value column",
      "age-group,2021-01,5-to-9,[x],,,,",
      { kind: "suppressed", marker: "x" },
    ],
    ["a bare x", "age-group,2021-01,5-to-9,x,,,,", { kind: "suppressed", marker: "x" }],
    [
      "a bare z",
      "placement-type,2021-01,residential-schools,z,,,,",
      { kind: "suppressed", marker: "z" },
    ],
    [
      "[low]",
      "placement-type,2021-01,secure-unit,[low],,,,",
      { kind: "suppressed", marker: "low" },
    ],
    [
      "a bare low",
      "placement-type,2021-01,secure-unit,low,,,,",
      { kind: "suppressed", marker: "low" },
    ],
    [
      "[r] beside the value",
      "children-missing,2021-01,,24 [r],,,,",
      { kind: "value", value: 24, revised: true },
    ],
    [
      "[r] in the marker column",
      "children-missing,2021-01,,24,,,[r],",
      { kind: "value", value: 24, revised: true },
    ],
    ["a bare r", "children-missing,2021-01,,24,,,r,", { kind: "value", value: 24, revised: true }],
    ["zero", "children-missing,2021-01,,0,,,,", { kind: "value", value: 0, revised: false }],
  ])("reads %s", (_name, line, figure) => {
    expect(figureOf(line).figure).toEqual(figure);
  });

  it("reads a category by its label", () => {
    expect(figureOf("legal-status,2021-01,Interim care order,118,,,,").category).toBe(
      "interim-care-order",
    );
  });

  it("reads a byte-order mark and CRLF line ends", () => {
    const text = `\uFEFF${HEADER}\r\nchildren-missing,2021-01,,24,,,,\r\n\r\n,,,,,,,\r\n`;
    const result = readFiguresCsv("figures.csv", text, catalogue);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.indicator.id, row.line])).toEqual([
      ["children-missing", 2],
    ]);
  });

  it("takes the latest month in the period column", () => {
    const result = read([
      "initial-health-assessments,2020/21 Q3,,33.3,,,,",
      "children-missing,2021-01,,24,,,,",
    ]);
    expect(result.month).toBe("2021-01");
  });

  it("marks a year-to-date month's own figure", () => {
    const row = figureOf("reviews-on-time,2021-01,in-month,97.0,97,100,,");
    expect(row.inMonth).toBe(true);
    expect(row.category).toBeUndefined();
  });
});
