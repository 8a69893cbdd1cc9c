import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../src/data/load.ts";
import { formatProblems, makeScratchFolder } from "./support/scratch-data.ts";

/** Writes a month file with the given indicators block (indented by two spaces). */
function month(period: string, indicators: string): string {
  return `period: "${period}"\nindicators:\n${indicators}`;
}

/** A year-to-date count, which the project's catalogue does not have, added for these tests. */
const YEAR_TO_DATE_COUNT = `
  - id: adoptions-year-to-date
    title: Children adopted in the year to date
    section: adoption
    unit: count
    polarity: none
    cadence: year-to-date
    definition: The number of children adopted since April.
`;

function problemsOf(files: Record<string, string>): string[] {
  const folder = makeScratchFolder(files);
  appendFileSync(join(folder, "catalogue.yaml"), YEAR_TO_DATE_COUNT);
  return formatProblems(loadDataset(folder).problems, folder);
}

interface Case {
  name: string;
  files: Record<string, string>;
  expected: string[];
}

const breakdownCases: Case[] = [
  {
    name: "categories that add up to the total pass",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  children-in-care: { value: 10 }
  legal-status:
    breakdown: { full-care-order: 4, interim-care-order: 3, voluntary-agreement: 2, placement-order: 1, other: 0 }
`,
      ),
    },
    expected: [],
  },
  {
    name: "categories that do not add up are an error",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  children-in-care: { value: 10 }
  legal-status:
    breakdown: { full-care-order: 4, interim-care-order: 3, voluntary-agreement: 2, placement-order: 1, other: 1 }
`,
      ),
    },
    expected: [
      "2021-01.yaml:5:16 indicator legal-status, breakdown: the legal status figures do not add up to children-in-care (expected a total of 10, found 11)\n  hint: check each category against the source; every child is counted in exactly one",
    ],
  },
  {
    name: "a suppressed category is never counted as zero",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  children-in-care: { value: 10 }
  legal-status:
    breakdown: { full-care-order: 4, interim-care-order: 3, voluntary-agreement: 2, placement-order: { suppressed: c }, other: 0 }
`,
      ),
    },
    expected: [],
  },
  {
    name: "known categories above the total are an error even with one suppressed",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  children-in-care: { value: 10 }
  legal-status:
    breakdown: { full-care-order: 8, interim-care-order: 3, voluntary-agreement: 2, placement-order: { suppressed: c }, other: 0 }
`,
      ),
    },
    expected: [
      "2021-01.yaml:5:16 indicator legal-status, breakdown: the known legal status figures already exceed children-in-care (expected at most 10, found 13)",
    ],
  },
];

const fractionCases: Case[] = [
  {
    name: "a percentage that agrees with its parts passes",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        "  three-plus-placements: { value: 9.9, numerator: 66, denominator: 670 }\n",
      ),
    },
    expected: [],
  },
  {
    name: "a percentage that disagrees with its parts is an error",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        "  three-plus-placements: { value: 99, numerator: 66, denominator: 670 }\n",
      ),
    },
    expected: [
      "2021-01.yaml:3:35 indicator three-plus-placements, value: percentage does not agree with its numerator and denominator (expected 9.9 (66 of 670), found 99)\n  hint: check the three figures against the source; one of them was probably mistyped",
    ],
  },
  {
    name: "a numerator above its denominator is an error",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        "  three-plus-placements: { value: 9.9, numerator: 700, denominator: 670 }\n",
      ),
    },
    expected: [
      "2021-01.yaml:3:51 indicator three-plus-placements, numerator: numerator is larger than the denominator (expected at most 670, found 700)",
    ],
  },
];

/** Writes a year-to-date file for January 2021 whose series lists April 2020 to January 2021. */
function yearToDate(value: string, monthly: (index: number) => string): Record<string, string> {
  const months = [
    "2020-04",
    "2020-05",
    "2020-06",
    "2020-07",
    "2020-08",
    "2020-09",
    "2020-10",
    "2020-11",
    "2020-12",
    "2021-01",
  ];
  const series = months
    .map((period, index) => `      - { period: "${period}", ${monthly(index)} }`)
    .join("\n");
  return {
    "2021-01.yaml": month("2021-01", `  reviews-on-time:\n    ${value}\n    series:\n${series}\n`),
  };
}

const yearToDateCases: Case[] = [
  {
    name: "a year to date equal to its months' sums passes",
    // Ten months of 9 of 10 give 90 of 100.
    files: yearToDate("value: 90.0", () => "value: 90, numerator: 9, denominator: 10"),
    expected: [],
  },
  {
    name: "a year to date that is not its months' sums is an error",
    // Nine months of 9 of 10 and one of 1 of 10 give 82 of 100, not the average of the percentages.
    files: yearToDate("value: 90.0", (index) =>
      index === 9
        ? "value: 10, numerator: 1, denominator: 10"
        : "value: 90, numerator: 9, denominator: 10",
    ),
    expected: [
      "2021-01.yaml:4:12 indicator reviews-on-time, value: year-to-date percentage does not agree with its months (expected 82.0 (82 of 100, April 2020 to January 2021), found 90)\n  hint: the year to date is the sum of the numerators over the sum of the denominators, not the average of the monthly percentages",
    ],
  },
  {
    name: "a year-to-date numerator that is not the sum is an error",
    files: yearToDate(
      "value: 91.0\n    numerator: 91\n    denominator: 100",
      () => "value: 90, numerator: 9, denominator: 10",
    ),
    expected: [
      "2021-01.yaml:4:12 indicator reviews-on-time, value: year-to-date percentage does not agree with its months (expected 90.0 (90 of 100, April 2020 to January 2021), found 91)\n  hint: the year to date is the sum of the numerators over the sum of the denominators, not the average of the monthly percentages",
      "2021-01.yaml:5:16 indicator reviews-on-time, numerator: year-to-date numerator is not the sum of its months (expected 90 (the sum for April 2020 to January 2021), found 91)",
    ],
  },
  {
    name: "a year-to-date count equal to its months' sum passes",
    files: {
      "2020-05.yaml": month(
        "2020-05",
        `  adoptions-year-to-date:
    value: 5
    series: [{ period: "2020-04", value: 2 }, { period: "2020-05", value: 3 }]
`,
      ),
    },
    expected: [],
  },
  {
    name: "a year-to-date count unlike its months' sum is an error",
    files: {
      "2020-05.yaml": month(
        "2020-05",
        `  adoptions-year-to-date:
    value: 6
    series: [{ period: "2020-04", value: 2 }, { period: "2020-05", value: 3 }]
`,
      ),
    },
    expected: [
      "2020-05.yaml:4:12 indicator adoptions-year-to-date, value: year-to-date figure is not the sum of its months (expected 5 (the sum for April to May 2020), found 6)\n  hint: check the year-to-date figure and each month in the series against the source",
    ],
  },
  {
    name: "months given only as percentages are not checked",
    files: yearToDate("value: 50.0", () => "value: 90"),
    expected: [],
  },
  {
    name: "a suppressed month stops the check",
    files: yearToDate("value: 50.0", (index) =>
      index === 3 ? "suppressed: c" : "value: 90, numerator: 9, denominator: 10",
    ),
    expected: [],
  },
  {
    name: "a series missing a month is not checked",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  reviews-on-time:
    value: 50.0
    series:
      - { period: "2020-12", value: 90, numerator: 9, denominator: 10 }
      - { period: "2021-01", value: 90, numerator: 9, denominator: 10 }
`,
      ),
    },
    expected: [],
  },
  {
    name: "financial quarters that cover the year are checked",
    files: {
      "2020-12.yaml": month(
        "2020-12",
        `  reviews-on-time:
    value: 75.0
    series:
      - { period: "2020/21 Q1", value: 50, numerator: 5, denominator: 10 }
      - { period: "2020/21 Q2", value: 50, numerator: 5, denominator: 10 }
      - { period: "2020/21 Q3", value: 50, numerator: 5, denominator: 10 }
`,
      ),
    },
    expected: [
      "2020-12.yaml:4:12 indicator reviews-on-time, value: year-to-date percentage does not agree with its quarters (expected 50.0 (15 of 30, April to December 2020), found 75)\n  hint: the year to date is the sum of the numerators over the sum of the denominators, not the average of the monthly percentages",
    ],
  },
];

const seriesCases: Case[] = [
  {
    name: "a series out of order is an error",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  initial-health-assessments:
    value: 37.5
    series:
      - { period: "2020/21 Q2", value: 41.0 }
      - { period: "2020/21 Q1", value: 35.7 }
`,
      ),
    },
    expected: [
      "2021-01.yaml:7:19 indicator initial-health-assessments, series entry 2 (2020/21 Q1), period: series is out of order (expected a period after 2020/21 Q2, found 2020/21 Q1)\n  hint: list the series oldest first",
    ],
  },
  {
    name: "a period listed twice is an error",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  initial-health-assessments:
    value: 37.5
    series:
      - { period: "2020/21 Q1", value: 35.7 }
      - { period: "2020/21 Q1", value: 35.7 }
`,
      ),
    },
    expected: [
      "2021-01.yaml:7:19 indicator initial-health-assessments, series entry 2 (2020/21 Q1), period: period listed twice in the series (found 2020/21 Q1)\n  hint: keep one entry for each period",
    ],
  },
  {
    name: "a period after the file's month is an error",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  initial-health-assessments:
    value: 37.5
    series:
      - { period: "2020/21 Q4", value: 35.7 }
`,
      ),
    },
    expected: [
      "2021-01.yaml:6:19 indicator initial-health-assessments, series entry 1 (2020/21 Q4), period: period ends after the month this file reports (expected a period ending in 2021-01 or earlier, found 2020/21 Q4)\n  hint: a month's file can only report figures up to its own month",
    ],
  },
];

const decemberFile = month(
  "2020-12",
  "  children-missing: { value: 24 }\n  missing-episodes: { value: 64 }\n",
);

const historyCases: Case[] = [
  {
    name: "a figure ten times last month's is a warning",
    files: {
      "2020-12.yaml": decemberFile,
      "2021-01.yaml": month("2021-01", "  missing-episodes: { value: 640 }\n"),
    },
    expected: [
      "2021-01.yaml:3:30 indicator missing-episodes, value: warning: figure is at least ten times last month's (found 640, against 64 for December 2020 in 2020-12.yaml)\n  hint: check the figure against the source; if it is right, add a note on this value saying why, and the warning stops",
    ],
  },
  {
    name: "a figure a tenth of last month's is a warning",
    files: {
      "2020-12.yaml": decemberFile,
      "2021-01.yaml": month("2021-01", "  missing-episodes: { value: 6 }\n"),
    },
    expected: [
      "2021-01.yaml:3:30 indicator missing-episodes, value: warning: figure is at most a tenth of last month's (found 6, against 64 for December 2020 in 2020-12.yaml)\n  hint: check the figure against the source; if it is right, add a note on this value saying why, and the warning stops",
    ],
  },
  {
    name: "a figure within ten times last month's passes",
    files: {
      "2020-12.yaml": decemberFile,
      "2021-01.yaml": month("2021-01", "  missing-episodes: { value: 639 }\n"),
    },
    expected: [],
  },
  {
    name: "a figure with a note is not warned about",
    files: {
      "2020-12.yaml": decemberFile,
      "2021-01.yaml": month(
        "2021-01",
        "  missing-episodes: { value: 640, note: One child went missing 500 times. }\n",
      ),
    },
    expected: [],
  },
  {
    name: "a breakdown category far from last month's is a warning",
    files: {
      "2020-12.yaml": month(
        "2020-12",
        "  average-caseload:\n    breakdown: { leaving-care: 19 }\n",
      ),
      "2021-01.yaml": month(
        "2021-01",
        "  average-caseload:\n    breakdown: { leaving-care: 190 }\n",
      ),
    },
    expected: [
      "2021-01.yaml:4:32 indicator average-caseload, breakdown leaving-care, value: warning: figure is at least ten times last month's (found 190, against 19 for December 2020 in 2020-12.yaml)\n  hint: check the figure against the source; if it is right, add a note on this value saying why, and the warning stops",
    ],
  },
  {
    name: "without last month's file the series is compared",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        `  missing-episodes:
    value: 640
    series:
      - { period: "2020-12", value: 64 }
`,
      ),
    },
    expected: [
      "2021-01.yaml:4:12 indicator missing-episodes, value: warning: figure is at least ten times last month's (found 640, against 64 for December 2020 in this file's series)\n  hint: check the figure against the source; if it is right, add a note on this value saying why, and the warning stops",
    ],
  },
  {
    name: "last month's zero is not compared",
    files: {
      "2020-12.yaml": month("2020-12", "  missing-episodes: { value: 0 }\n"),
      "2021-01.yaml": month("2021-01", "  missing-episodes: { value: 640 }\n"),
    },
    expected: [],
  },
  {
    name: "a year to date is not compared across April",
    files: {
      "2021-03.yaml": month("2021-03", "  adopted: { value: 30.0 }\n"),
      "2021-04.yaml": month("2021-04", "  adopted: { value: 2.0 }\n"),
    },
    expected: [],
  },
  {
    name: "this file's previous figure comes first",
    // A later file's previous figure revises the earlier file's, so it is the one compared.
    files: {
      "2020-12.yaml": decemberFile,
      "2021-01.yaml": month("2021-01", "  missing-episodes: { value: 640, previous: 600 }\n"),
    },
    expected: [],
  },
];

const unfilledCases: Case[] = [
  {
    name: "an empty value is not filled in",
    files: {
      "2021-01.yaml": month("2021-01", "  children-in-care:\n    value: # December 2020: 664\n"),
    },
    expected: [
      "2021-01.yaml:4:12 indicator children-in-care, value: figure not filled in (expected a number, found nothing)\n  hint: write the figure; when it is not known write missing: <reason> in its place, or suppressed: <marker> when it is withheld",
    ],
  },
  {
    name: "an empty numerator is not filled in",
    files: {
      "2021-01.yaml": month("2021-01", "  dental-checks:\n    value: 31.2\n    numerator:\n"),
    },
    expected: [
      "2021-01.yaml:5:15 indicator dental-checks, numerator: numerator not filled in (expected a number, found nothing)\n  hint: write the numerator, or delete the line when it is not given",
    ],
  },
  {
    name: "an empty category is not filled in",
    files: {
      "2021-01.yaml": month(
        "2021-01",
        "  social-workers:\n    breakdown:\n      leaving-care: # Leaving Care staff\n",
      ),
    },
    expected: [
      "2021-01.yaml:5:21 indicator social-workers, breakdown leaving-care: figure not filled in (expected a number, found nothing)\n  hint: write the figure; when it is not known write missing: <reason> in its place, or suppressed: <marker> when it is withheld",
    ],
  },
  {
    name: "empty commentary is not filled in",
    files: {
      "2021-01.yaml": `${month("2021-01", "  children-in-care: { value: 1 }\n")}commentary:\n  headline:\n`,
    },
    expected: [
      "2021-01.yaml:5:12 commentary for section headline: commentary not filled in (expected text, found nothing)\n  hint: write the section's commentary, or delete the line when the section has none this month",
    ],
  },
];

describe.each([
  ["breakdown totals", breakdownCases],
  ["percentages and their parts", fractionCases],
  ["year-to-date figures", yearToDateCases],
  ["series periods", seriesCases],
  ["history", historyCases],
  ["unfilled fields", unfilledCases],
])("%s", (_group, cases) => {
  it.each(cases)("$name", ({ files, expected }) => {
    expect(problemsOf(files)).toEqual(expected);
  });
});

describe("warnings", () => {
  it("leave the data set usable", () => {
    const folder = makeScratchFolder({
      "2020-12.yaml": decemberFile,
      "2021-01.yaml": month("2021-01", "  missing-episodes: { value: 640 }\n"),
    });
    const result = loadDataset(folder);
    expect(result.problems.map((problem) => problem.severity)).toEqual(["warning"]);
    expect(result.dataset?.months.map((report) => report.period)).toEqual(["2020-12", "2021-01"]);
  });

  it("are not raised by the project's data", () => {
    expect(loadDataset("data").problems).toEqual([]);
  });
});
