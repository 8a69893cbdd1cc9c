import { describe, expect, it } from "vitest";
import { comparatorChart } from "../src/charts/comparator-chart.ts";
import { readComparators } from "../src/comparators/index.ts";
import { formatMonthShort } from "../src/model/period.ts";
import { comparatorTable, measuresFor, titleOnDate } from "../src/site/comparator-view.ts";

describe("comparator caption date", () => {
  it.each([
    ["Children in care on 31 March", "2021-03-31", "Children in care on 31 March 2021"],
    [
      "Children in care on 31 March per 10,000 children",
      "2021-03-31",
      "Children in care on 31 March 2021 per 10,000 children",
    ],
    [
      "Children in care on 31 March with three or more placements during the year",
      "2022-03-31",
      "Children in care on 31 March 2022 with three or more placements during the year",
    ],
    [
      "Average caseload of social workers (FTE)",
      "2020-09-30",
      "Average caseload of social workers (FTE), 30 September 2020",
    ],
    [
      "Children in care on 31 March",
      "2020-09-30",
      "Children in care on 31 March, 30 September 2020",
    ],
    ["Children in care on 31 March 2021", "2021-03-31", "Children in care on 31 March 2021"],
  ])("%s on %s", (title, date, expected) => {
    expect(titleOnDate(title, date)).toBe(expected);
  });
});

describe("neighbours' average decimals", () => {
  const comparators = readComparators("data").comparators!;
  const measureFor = (indicatorId: string) => measuresFor(comparators, indicatorId)[0]!;

  it.each([
    ["average-caseload", "2020-09-30", "15.5"],
    ["care-leavers-in-touch", "2021-03-31", "94.1%"],
  ])("%s on %s shows %s on both pages", (indicatorId, date, average) => {
    const measure = measureFor(indicatorId);
    const year = measure.years.find((candidate) => candidate.date === date)!;
    const monthPageFigure = comparatorTable(comparators, measure, year).rows[3]!.figure;
    const indicatorPageRow = comparatorChart(comparators, measure).table.rows.find(
      (row) => row.label === formatMonthShort(date.slice(0, 7)),
    );
    expect(monthPageFigure.startsWith(`Average ${average},`)).toBe(true);
    expect(indicatorPageRow?.cells[3]).toBe(average);
  });
});
