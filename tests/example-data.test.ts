import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, type Dataset } from "../src/data/load.ts";
import { formatProblem } from "../src/data/problems.ts";
import { apportion } from "../src/example/breakdowns.ts";
import {
  DEFAULT_OPTIONS,
  generateExampleData,
  readBaseCatalogue,
  type ExampleData,
} from "../src/example/generate.ts";
import { OutputFolderError, writeExampleFiles } from "../src/example/output-folder.ts";
import { createRandom } from "../src/example/random.ts";
import { cellsToSuppress } from "../src/example/suppression.ts";
import { monthRange, periodKind, yearToDateMonths } from "../src/model/period.ts";
import type { MonthReport, Observation } from "../src/model/types.ts";

const temporaryFolders: string[] = [];

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "example-data-"));
  temporaryFolders.push(folder);
  return folder;
}

/** Writes the files to a fresh folder and loads it with the site's own loader. */
function writeAndLoad(data: ExampleData): {
  folder: string;
  result: ReturnType<typeof loadDataset>;
} {
  const folder = temporaryFolder();
  writeExampleFiles(folder, data.files);
  return { folder, result: loadDataset(folder) };
}

function errorsOf(result: ReturnType<typeof loadDataset>): string[] {
  return result.problems.filter((problem) => problem.severity === "error").map(formatProblem);
}

function numberIn(observation: Observation | undefined): number | undefined {
  return observation?.kind === "value" ? observation.value : undefined;
}

let data: ExampleData;
let dataset: Dataset;

beforeAll(() => {
  data = generateExampleData(DEFAULT_OPTIONS);
  const { result } = writeAndLoad(data);
  expect(errorsOf(result)).toEqual([]);
  dataset = result.dataset!;
});

afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

function month(period: string): MonthReport {
  const found = dataset.months.find((entry) => entry.period === period);
  if (!found) throw new Error(`no month file for ${period}`);
  return found;
}

describe("example data determinism", () => {
  it("same seed gives identical files", () => {
    const again = generateExampleData(DEFAULT_OPTIONS);
    expect(again.files.map((file) => file.name)).toEqual(data.files.map((file) => file.name));
    for (const [index, file] of again.files.entries()) {
      expect(file.text, file.name).toBe(data.files[index]!.text);
    }
  });

  it("different seed gives different figures", () => {
    const other = generateExampleData({ ...DEFAULT_OPTIONS, seed: "southdale" });
    const name = "2020-12.yaml";
    const text = (files: ExampleData["files"]) => files.find((file) => file.name === name)!.text;
    expect(text(other.files)).not.toBe(text(data.files));
  });

  it("shorter range repeats the longer range's start", () => {
    const shorter = generateExampleData({ ...DEFAULT_OPTIONS, months: 12 });
    expect(shorter.files).toHaveLength(14);
    expect(shorter.files).toEqual(data.files.slice(0, 14));
  });

  it("random streams repeat for the same seed", () => {
    const first = createRandom("seed", "stream");
    const second = createRandom("seed", "stream");
    const other = createRandom("seed", "other stream");
    const draws = (random: ReturnType<typeof createRandom>) =>
      Array.from({ length: 5 }, () => random.uniform());
    const firstDraws = draws(first);
    expect(draws(second)).toEqual(firstDraws);
    expect(draws(other)).not.toEqual(firstDraws);
    for (const draw of firstDraws) {
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(1);
    }
  });
});

describe("example data files", () => {
  it("council is marked fictional", () => {
    expect(dataset.council.fictional).toBe(true);
    expect(dataset.council.name).toBe("Northdale County Council");
  });

  it("periods and dates are quoted", () => {
    const text = data.files.find((file) => file.name === "2020-12.yaml")!.text;
    expect(text).toContain('period: "2020-12"');
    expect(text).toMatch(/^published: "2021-01-\d{2}"$/m);
    expect(text).toContain('{ period: "2020/21 Q3",');
    expect(text).not.toMatch(/period: \d/);
  });

  it("unpublished month has no file", () => {
    expect(data.scenario.unpublished).toBe("2020-08");
    const names = data.files.map((file) => file.name);
    expect(names).not.toContain("2020-08.yaml");
    expect(names).toContain("2020-07.yaml");
    expect(names).toContain("2020-09.yaml");
    const expected = monthRange("2019-04", "2024-03").filter((period) => period !== "2020-08");
    expect(dataset.months.map((entry) => entry.period)).toEqual(expected);
  });

  it("month after the gap gives previous figures", () => {
    const september = month("2020-09");
    expect(september.indicators.get("children-in-care")?.previous?.kind).toBe("value");
    expect(september.indicators.get("personal-education-plans")?.previous?.kind).toBe("missing");
    expect(month("2020-10").indicators.get("children-in-care")?.previous).toBeUndefined();
  });

  it("later file silently revises an earlier month", () => {
    expect(data.scenario.revision).toEqual({
      indicator: "reviews-on-time",
      month: "2021-01",
      revisedIn: "2021-02",
    });
    const pointIn = (period: string) =>
      month(period)
        .indicators.get("reviews-on-time")!
        .series.find((point) => point.period === "2021-01")!.observation;
    const first = pointIn("2021-01");
    const revised = pointIn("2021-02");
    expect(numberIn(first)).toBeDefined();
    expect(numberIn(revised)).toBeDefined();
    expect(numberIn(revised)).not.toBe(numberIn(first));
    expect(month("2021-02").corrections).toEqual([]);
    expect(numberIn(pointIn("2021-03"))).toBe(numberIn(revised));
  });

  it("dated correction matches the file's figure", () => {
    const june = month("2022-06");
    expect(june.corrections).toHaveLength(1);
    const correction = june.corrections[0]!;
    expect(correction.indicator).toBe("missing-episodes");
    expect(correction.date).toBe("2022-08-05");
    const current = numberIn(june.indicators.get("missing-episodes")?.current);
    expect(numberIn(correction.to)).toBe(current);
    expect(numberIn(correction.from)).toBe(current! - 6);
    const others = dataset.months.filter((entry) => entry.corrections.length > 0);
    expect(others.map((entry) => entry.period)).toEqual(["2022-06"]);
  });

  it("some figures are missing with a reason", () => {
    const missing = (period: string, id: string, category?: string) => {
      const report = month(period).indicators.get(id)!;
      return category === undefined ? report.current : report.breakdown.get(category);
    };
    expect(missing("2021-08", "personal-education-plans")?.kind).toBe("missing");
    expect(missing("2021-09", "care-leavers-in-touch")?.kind).toBe("missing");
    expect(missing("2022-12", "age-group", "16-and-over")?.kind).toBe("missing");
  });
});

describe("example data consistency", () => {
  it("year to date restarts each April", () => {
    const yearToDateIds = dataset.catalogue.indicators
      .filter((indicator) => indicator.cadence === "year-to-date")
      .map((indicator) => indicator.id);
    expect(yearToDateIds).toEqual([
      "reviews-on-time",
      "statutory-visits-on-time",
      "initial-health-assessments",
      "adopted",
    ]);
    for (const entry of dataset.months) {
      for (const id of yearToDateIds) {
        const report = entry.indicators.get(id)!;
        const label = `${id} in ${entry.period}`;
        const months = report.series.filter((point) => periodKind(point.period) === "month");
        expect(
          months.map((point) => point.period),
          label,
        ).toEqual(yearToDateMonths(entry.period));

        const current = report.current;
        if (current?.kind !== "value") throw new Error(`${label} has no value`);
        const sum = (field: "numerator" | "denominator") =>
          months.reduce(
            (total, point) =>
              total + (point.observation.kind === "value" ? point.observation[field]! : NaN),
            0,
          );
        expect(current.numerator, label).toBe(sum("numerator"));
        expect(current.denominator, label).toBe(sum("denominator"));
      }
    }
    const april = month("2021-04").indicators.get("reviews-on-time")!;
    expect(april.series.map((point) => point.period)).toEqual(["2021-04"]);
  });

  it("quarterly series gives eight complete quarters", () => {
    const quarters = (period: string) =>
      month(period)
        .indicators.get("initial-health-assessments")!
        .series.filter((point) => periodKind(point.period) === "quarter")
        .map((point) => point.period);
    expect(quarters("2020-12")).toEqual([
      "2018/19 Q4",
      "2019/20 Q1",
      "2019/20 Q2",
      "2019/20 Q3",
      "2019/20 Q4",
      "2020/21 Q1",
      "2020/21 Q2",
      "2020/21 Q3",
    ]);
    expect(quarters("2021-02").at(-1)).toBe("2020/21 Q3");
  });

  it("breakdowns add up to children in care", () => {
    let suppressedMonths = 0;
    let missingMonths = 0;
    for (const entry of dataset.months) {
      const total = numberIn(entry.indicators.get("children-in-care")!.current)!;
      for (const indicator of dataset.catalogue.indicators) {
        if (indicator.breakdown?.totalOf !== "children-in-care") continue;
        const label = `${indicator.id} in ${entry.period}`;
        const cells = [...entry.indicators.get(indicator.id)!.breakdown.values()];
        expect(cells, label).toHaveLength(indicator.breakdown.categories.length);
        const known = cells.map(numberIn).filter((value): value is number => value !== undefined);
        const sum = known.reduce((accumulator, value) => accumulator + value, 0);
        const suppressed = cells.filter((cell) => cell.kind === "suppressed").length;
        const missing = cells.filter((cell) => cell.kind === "missing").length;
        if (suppressed > 0) suppressedMonths += 1;
        if (missing > 0) missingMonths += 1;
        if (known.length === cells.length) expect(sum, label).toBe(total);
        else expect(sum, label).toBeLessThan(total);
        expect(suppressed, label).not.toBe(1);
      }
    }
    expect(suppressedMonths).toBeGreaterThan(0);
    expect(missingMonths).toBe(1);
  });

  it("judged indicators all have targets", () => {
    for (const indicator of dataset.catalogue.indicators) {
      if (indicator.polarity === "none") {
        expect(indicator.targets, indicator.id).toEqual([]);
        continue;
      }
      expect(indicator.tolerance, indicator.id).toBeGreaterThan(0);
      expect(indicator.targets[0]?.from, indicator.id).toBe("2019-04");
    }
    const targetsOf = (id: string) =>
      dataset.catalogue.indicators
        .find((indicator) => indicator.id === id)!
        .targets.map(({ from, value }) => ({ from, value }));
    expect(targetsOf("reviews-on-time")).toEqual([
      { from: "2019-04", value: 95 },
      { from: "2022-04", value: 97 },
    ]);
    expect(targetsOf("initial-health-assessments")).toEqual([
      { from: "2019-04", value: 80 },
      { from: "2021-04", value: 90 },
    ]);
  });

  it("counts stay within ten times last month", () => {
    const counts = dataset.catalogue.indicators.filter(
      (indicator) => indicator.unit === "count" && !indicator.breakdown,
    );
    for (const indicator of counts) {
      for (let index = 1; index < dataset.months.length; index += 1) {
        const before = numberIn(dataset.months[index - 1]!.indicators.get(indicator.id)?.current);
        const after = numberIn(dataset.months[index]!.indicators.get(indicator.id)?.current);
        if (before === undefined || after === undefined) continue;
        const label = `${indicator.id} in ${dataset.months[index]!.period}`;
        expect(after, label).toBeLessThan(10 * before);
        expect(before, label).toBeLessThan(10 * after);
      }
    }
  });

  it("other ranges and seeds also validate", () => {
    const options = [
      { start: "2015-01", months: 30, seed: "a" },
      { start: "2019-06", months: 40, seed: "b" },
      { start: "2023-11", months: 1, seed: "c" },
    ];
    for (const option of options) {
      const { result } = writeAndLoad(generateExampleData(option));
      expect(errorsOf(result), JSON.stringify(option)).toEqual([]);
    }
  });

  it("unknown indicators get generic figures", () => {
    const base = readBaseCatalogue();
    const extended = {
      ...base,
      indicators: [
        ...base.indicators,
        {
          ...base.indicators.find((indicator) => indicator.id === "dental-checks")!,
          id: "eye-tests",
          title: "Eye tests",
        },
        {
          ...base.indicators.find((indicator) => indicator.id === "age-group")!,
          id: "gender",
          title: "Children in care by gender",
          breakdown: {
            label: "gender",
            totalOf: "children-in-care",
            categories: [
              { id: "girls", label: "Girls" },
              { id: "boys", label: "Boys" },
            ],
          },
        },
      ],
    };
    const generated = generateExampleData({ ...DEFAULT_OPTIONS, months: 20 }, extended);
    expect(generated.genericIndicators).toEqual(["eye-tests", "gender"]);
    const { result } = writeAndLoad(generated);
    expect(errorsOf(result)).toEqual([]);
  });
});

describe("apportion", () => {
  it.each([
    { total: 10, weights: [1, 1, 1], minimum: 0, expected: [4, 3, 3] },
    { total: 100, weights: [0.5, 0.3, 0.2], minimum: 0, expected: [50, 30, 20] },
    { total: 7, weights: [0.98, 0.01, 0.01], minimum: 1, expected: [5, 1, 1] },
    { total: 2, weights: [1, 1, 1], minimum: 1, expected: [1, 1, 0] },
    { total: 5, weights: [0, 0], minimum: 0, expected: [3, 2] },
  ])("splits $total by $weights", ({ total, weights, minimum, expected }) => {
    expect(apportion(total, weights, minimum)).toEqual(expected);
  });
});

describe("cellsToSuppress", () => {
  it.each([
    { counts: [10, 20, 30], expected: [false, false, false] },
    { counts: [10, 2, 30, 5], expected: [false, true, false, true] },
    { counts: [1, 2, 30], expected: [true, true, false] },
    { counts: [0, 1, 30], expected: [false, true, true] },
    { counts: [4, 1, 4], expected: [true, true, false] },
  ])("suppresses $counts", ({ counts, expected }) => {
    expect(cellsToSuppress(counts)).toEqual(expected);
  });
});

describe("example-data command", () => {
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  const run = (args: string[]): { status: number; stderr: string } => {
    try {
      execFileSync(tsx, ["scripts/example-data.ts", ...args], { encoding: "utf8", stdio: "pipe" });
      return { status: 0, stderr: "" };
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      return { status: failed.status, stderr: failed.stderr };
    }
  };

  it.each([
    { args: [], message: "example-data: missing --out DIR" },
    {
      args: ["--out", "OUT", "--months", "0"],
      message: 'example-data: invalid --months "0": expected a whole number from 1 to 600',
    },
    {
      args: ["--out", "OUT", "--start", "2019-13"],
      message:
        'example-data: invalid --start "2019-13": expected a month as YYYY-MM, for example 2019-04',
    },
    { args: ["--out", "OUT", "--colour"], message: "example-data: Unknown option '--colour'" },
  ])("rejects $args", ({ args, message }) => {
    const out = join(temporaryFolder(), "out");
    const result = run(args.map((arg) => (arg === "OUT" ? out : arg)));
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects a folder of real data", () => {
    const folder = temporaryFolder();
    cpSync(join(process.cwd(), "data"), folder, { recursive: true });
    const before = readdirSync(folder).sort();
    expect(() => writeExampleFiles(folder, data.files)).toThrow(OutputFolderError);
    expect(() => writeExampleFiles(folder, data.files)).toThrow(
      "already contains data files and no council file marked fictional: true",
    );
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  it("replaces an earlier run's files", () => {
    const folder = temporaryFolder();
    writeExampleFiles(folder, data.files);
    const shorter = generateExampleData({ ...DEFAULT_OPTIONS, months: 3 });
    writeExampleFiles(folder, shorter.files);
    expect(readdirSync(folder).sort()).toEqual([
      "2019-04.yaml",
      "2019-05.yaml",
      "2019-06.yaml",
      "catalogue.yaml",
      "council.yaml",
    ]);
  });

  it("rejects a folder with other files", () => {
    const folder = temporaryFolder();
    writeExampleFiles(folder, data.files);
    writeFileSync(join(folder, "notes.yaml"), "a: 1\n");
    expect(() => writeExampleFiles(folder, data.files)).toThrow(
      "contains files the example data generator did not write (notes.yaml). Move them out first",
    );
  });
});
