import { describe, expect, it } from "vitest";
import {
  addMonths,
  comparePeriods,
  financialQuarterOf,
  financialYearOf,
  formatPeriod,
  formatYearToDate,
  lastMonthOf,
  monthsOfQuarter,
  periodKind,
  yearToDateMonths,
} from "../src/model/period.ts";

describe("financial quarters", () => {
  it.each([
    ["2020-04", "2020/21 Q1"],
    ["2020-06", "2020/21 Q1"],
    ["2020-07", "2020/21 Q2"],
    ["2020-12", "2020/21 Q3"],
    ["2021-01", "2020/21 Q4"],
    ["2021-03", "2020/21 Q4"],
    ["1999-12", "1999/00 Q3"],
  ])("%s falls in %s", (month, quarter) => {
    expect(financialQuarterOf(month)).toBe(quarter);
  });

  it("lists a quarter's months", () => {
    expect(monthsOfQuarter("2020/21 Q4")).toEqual(["2021-01", "2021-02", "2021-03"]);
  });

  it("rejects a quarter whose years do not follow", () => {
    expect(() => monthsOfQuarter("2020/22 Q1")).toThrow("invalid quarter");
  });
});

describe("year to date", () => {
  it.each([
    ["2020-12", "2020-04", 9],
    ["2020-04", "2020-04", 1],
    ["2021-03", "2020-04", 12],
    ["2021-04", "2021-04", 1],
  ])("at %s starts in %s and covers %i months", (month, first, count) => {
    const months = yearToDateMonths(month);
    expect(months[0]).toBe(first);
    expect(months).toHaveLength(count);
    expect(months[months.length - 1]).toBe(month);
  });

  it("is described in words", () => {
    expect(formatYearToDate("2020-12")).toBe("April to December 2020");
    expect(formatYearToDate("2021-02")).toBe("April 2020 to February 2021");
    expect(formatYearToDate("2020-04")).toBe("April 2020");
  });

  it("belongs to the financial year that started in April", () => {
    expect(financialYearOf("2021-03")).toBe("2020/21");
    expect(financialYearOf("2021-04")).toBe("2021/22");
  });
});

describe("periods as strings", () => {
  it.each([
    ["2020-12", "month"],
    ["2020/21 Q3", "quarter"],
    ["2020/21", "year"],
    ["2020-13", undefined],
    ["2020/22", undefined],
    ["Dec 2020", undefined],
  ])("%s is a %s", (text, kind) => {
    expect(periodKind(text)).toBe(kind);
  });

  it("adds months across years", () => {
    expect(addMonths("2020-12", 1)).toBe("2021-01");
    expect(addMonths("2021-01", -1)).toBe("2020-12");
    expect(addMonths("2020-06", -18)).toBe("2018-12");
  });

  it("orders periods by the month they end", () => {
    const periods = ["2020/21", "2020-12", "2020/21 Q3", "2020-11", "2021-03"];
    expect([...periods].sort(comparePeriods)).toEqual([
      "2020-11",
      "2020-12",
      "2020/21 Q3",
      "2021-03",
      "2020/21",
    ]);
    expect(lastMonthOf("2020/21")).toBe("2021-03");
  });

  it("formats each kind for reading", () => {
    expect(formatPeriod("2020-12")).toBe("December 2020");
    expect(formatPeriod("2020/21 Q3")).toBe("Q3 2020/21 (October to December 2020)");
    expect(formatPeriod("2020/21")).toBe("financial year 2020/21");
  });
});
