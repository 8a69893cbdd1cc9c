import { describe, expect, it } from "vitest";
import { historyOf } from "../src/site/history.ts";
import { historyCsv } from "../src/site/indicator-export.ts";
import { viewIndicator } from "../src/site/indicator-view.ts";
import { problemsFor } from "./support/data-folder.ts";

function loadMonths(files: Record<string, string>) {
  const { result, lines } = problemsFor(files);
  expect(lines).toEqual([]);
  return result.dataset!;
}

const indicator = (dataset: ReturnType<typeof loadMonths>, id: string) =>
  dataset.catalogue.indicators.find((candidate) => candidate.id === id)!;

describe("indicator history", () => {
  const dataset = loadMonths({
    "2020-11.yaml": 'period: "2020-11"\nindicators:\n  children-in-care: { value: 650 }\n',
    "2020-12.yaml":
      'period: "2020-12"\nindicators:\n  children-in-care:\n    value: 664\n    previous: 652\n',
    "2021-02.yaml": 'period: "2021-02"\nindicators:\n  children-in-care: { value: 640 }\n',
  });
  const history = historyOf(dataset, indicator(dataset, "children-in-care"));

  it("uses the latest file's figure for a period", () => {
    const november = history.headline.find((point) => point.period === "2020-11")!;
    expect(november.observation).toEqual({ kind: "value", value: 652 });
    expect(november.reportedIn).toBe("2020-12");
  });

  it("keeps the replaced figure as a revision", () => {
    const november = history.headline.find((point) => point.period === "2020-11")!;
    expect(november.revisions).toEqual([
      {
        from: { kind: "value", value: 650 },
        to: { kind: "value", value: 652 },
        revisedIn: "2020-12",
      },
    ]);
  });

  it("lists periods oldest first", () => {
    expect(history.headline.map((point) => point.period)).toEqual([
      "2020-11",
      "2020-12",
      "2021-02",
    ]);
  });

  it("leaves an earlier month's own page unchanged", () => {
    const november = dataset.months.find((month) => month.period === "2020-11")!;
    const view = viewIndicator(indicator(dataset, "children-in-care"), november, undefined);
    expect(view.currentText).toBe("650");
  });
});

describe("direction of travel across files", () => {
  const dataset = loadMonths({
    "2020-11.yaml":
      'period: "2020-11"\nindicators:\n  children-in-care: { value: 650 }\n  reviews-on-time: { value: 96 }\n',
    "2020-12.yaml":
      'period: "2020-12"\nindicators:\n  children-in-care: { value: 664 }\n  reviews-on-time: { value: 98 }\n',
    "2021-03.yaml": 'period: "2021-03"\nindicators:\n  reviews-on-time: { value: 97 }\n',
    "2021-04.yaml": 'period: "2021-04"\nindicators:\n  reviews-on-time: { value: 100 }\n',
  });
  const [november, december, march, april] = dataset.months;

  it("uses the previous month's file when the month gives no previous figure", () => {
    const view = viewIndicator(indicator(dataset, "children-in-care"), december!, november);
    expect(view.direction).toEqual({ change: "up", direction: "Deteriorated", previous: 650 });
    expect(view.previous?.fromFile).toBe(november!.file);
  });

  it("prefers the month's own previous figure", () => {
    const withOwn = loadMonths({
      "2020-11.yaml": 'period: "2020-11"\nindicators:\n  children-in-care: { value: 650 }\n',
      "2020-12.yaml":
        'period: "2020-12"\nindicators:\n  children-in-care: { value: 664, previous: 670 }\n',
    });
    const view = viewIndicator(
      indicator(withOwn, "children-in-care"),
      withOwn.months[1]!,
      withOwn.months[0],
    );
    expect(view.direction).toMatchObject({ change: "down", direction: "Improved", previous: 670 });
  });

  it("compares a year-to-date figure with March only within the same year", () => {
    const view = viewIndicator(indicator(dataset, "reviews-on-time"), april!, march);
    expect(view.direction).toEqual({
      change: undefined,
      direction: undefined,
      reason: "no figure is recorded for the previous period",
    });
  });

  it("gives no direction when the previous month was not published", () => {
    const view = viewIndicator(indicator(dataset, "reviews-on-time"), march!, december);
    expect(view.direction.change).toBeUndefined();
  });
});

describe("targets over time on the month page", () => {
  const catalogue = (targets: string) =>
    `sections:\n  - { id: health, title: Health }\nindicators:\n  - id: dental-checks\n    title: Dental checks\n    section: health\n` +
    `    unit: percent\n    polarity: higher-is-better\n    cadence: snapshot\n    definition: Dental checks done.\n    tolerance: 5\n    targets:\n${targets}`;
  const dataset = loadMonths({
    "catalogue.yaml": catalogue(
      '      - { from: "2020-04", value: 80 }\n      - { from: "2021-04", value: 90 }\n',
    ),
    "2021-03.yaml": 'period: "2021-03"\nindicators:\n  dental-checks: { value: 85 }\n',
    "2021-04.yaml": 'period: "2021-04"\nindicators:\n  dental-checks: { value: 85 }\n',
  });

  it.each([
    ["2021-03", "above 80%", "Strong"],
    ["2021-04", "above 90%", "Acceptable"],
  ])("judges %s by the target then in force", (period, target, rating) => {
    const month = dataset.months.find((candidate) => candidate.period === period)!;
    const view = viewIndicator(indicator(dataset, "dental-checks"), month, undefined);
    expect(view.targetText).toBe(target);
    expect(view.rating).toEqual({ rating });
  });
});

describe("month a revision is reported in", () => {
  const series = (january: number, months: string[]) =>
    months
      .map(
        (period) =>
          `      - { period: "${period}", value: ${period === "2021-01" ? january : 95} }`,
      )
      .join("\n");
  const file = (period: string, january: number, months: string[]) =>
    `period: "${period}"\nindicators:\n  reviews-on-time:\n    value: 96\n    series:\n${series(january, months)}\n`;
  const dataset = loadMonths({
    "2021-01.yaml": file("2021-01", 99.1, ["2021-01"]),
    "2021-02.yaml": file("2021-02", 100, ["2021-01", "2021-02"]),
    "2021-03.yaml": file("2021-03", 100, ["2021-01", "2021-02", "2021-03"]),
  });
  const reviews = indicator(dataset, "reviews-on-time");
  const january = historyOf(dataset, reviews).months.find((point) => point.period === "2021-01")!;

  it("is the first file to give the revised figure", () => {
    expect(january.revisions.map((revision) => revision.revisedIn)).toEqual(["2021-02"]);
    expect(january.reportedIn).toBe("2021-02");
  });

  it("matches the revision in the CSV download", () => {
    const row = historyCsv(dataset, reviews)
      .split("\n")
      .find((line) => line.startsWith("reviews-on-time,in-month,2021-01,"));
    expect(row).toBe("reviews-on-time,in-month,2021-01,value,100,,,2021-02,99.1");
  });
});
