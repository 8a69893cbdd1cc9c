import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadDataset } from "../src/data/load.ts";
import { formatProblem } from "../src/data/problems.ts";
import { makeDataFolder, problemsFor } from "./support/data-folder.ts";

/** A month file with the given lines under `indicators:`. */
const month = (period: string, indicatorLines: string) =>
  `period: "${period}"\nindicators:\n${indicatorLines}`;

describe("loader errors", () => {
  it.each([
    [
      "a value written with a thousands separator",
      month("2020-12", '  children-in-care:\n    value: "1,234"\n'),
      [
        '2020-12.yaml:4:12 indicator children-in-care, value: wrong type of value (expected a number, found text "1,234")\n' +
          "  hint: write numbers without thousands separators: 1234",
      ],
    ],
    [
      "a percentage written with its sign",
      month("2020-12", "  reviews-on-time:\n    value: 98.5%\n"),
      [
        '2020-12.yaml:4:12 indicator reviews-on-time, value: wrong type of value (expected a number, found text "98.5%")\n' +
          "  hint: write the percentage as a plain number without the % sign: 98.5",
      ],
    ],
    [
      "a figure written as true",
      month("2020-12", "  children-in-care:\n    value: true\n"),
      [
        "2020-12.yaml:4:12 indicator children-in-care, value: wrong type of value (expected a number, found true)\n" +
          "  hint: write the figure as a number: true is not one, and a figure that is not known is written as { missing: <reason> }",
      ],
    ],
    [
      "a percentage above 100",
      month("2020-12", "  dental-checks:\n    value: 130\n"),
      [
        "2020-12.yaml:4:12 indicator dental-checks, value: percentage out of range (expected a number from 0 to 100, found 130)\n" +
          "  hint: write percentages as numbers of percent: 98.5 for 98.5%, not 0.985 or 985",
      ],
    ],
    [
      "an unknown indicator id",
      month("2020-12", "  chidren-in-care:\n    value: 664\n"),
      [
        '2020-12.yaml:3:3 indicator chidren-in-care: unknown indicator "chidren-in-care"\n' +
          '  hint: did you mean "children-in-care"? Indicators are defined in the catalogue',
      ],
    ],
    [
      "a period that disagrees with the file name",
      month("2020-11", "  children-in-care:\n    value: 664\n"),
      [
        "2020-12.yaml:1:9 period: period does not match the file name (expected 2020-12, found 2020-11)\n" +
          "  hint: rename the file to 2020-11 with its extension, or correct the period",
      ],
    ],
    [
      "an unquoted YAML 1.1 boolean where text is expected",
      month("2020-12", "  children-in-care:\n    value: 664\n    note: no\n"),
      [
        "2020-12.yaml:5:11 indicator children-in-care, note: ambiguous unquoted no (expected text in quotes, or true or false, found no without quotes)\n" +
          '  hint: older YAML reads no as a yes/no value; write "no" in quotes if you mean the word',
      ],
    ],
    [
      "a YAML boolean where text is expected",
      month("2020-12", "  children-in-care:\n    value: 664\n    note: true\n"),
      [
        "2020-12.yaml:5:11 indicator children-in-care, note: wrong type of value (expected text, found true)\n" +
          '  hint: put the text in quotes: "true"',
      ],
    ],
    [
      "a misspelt field",
      month("2020-12", "  children-in-care:\n    valeu: 664\n"),
      [
        '2020-12.yaml:4:5 indicator children-in-care, valeu: unknown field "valeu"\n  hint: did you mean "value"?',
      ],
    ],
    [
      "a duplicate key",
      month("2020-12", "  children-in-care:\n    value: 664\n    value: 665\n"),
      [
        "2020-12.yaml:5:5 indicator children-in-care, value: duplicate key: the same field is given twice (found value again, first given on line 4)\n" +
          "  hint: keep one of the two entries and delete the other",
      ],
    ],
    [
      "a figure that is both a value and missing",
      month("2020-12", "  children-in-care:\n    value: 664\n    missing: lost\n"),
      [
        "2020-12.yaml:5:14 indicator children-in-care, missing: give only one of value, missing or suppressed (this entry has value and missing)\n" +
          "  hint: a figure is either known (value), not available (missing: reason) or withheld (suppressed: marker)",
      ],
    ],
    [
      "a likely reading without a note",
      month("2020-12", "  children-in-care:\n    value: 664\n    reading: likely\n"),
      [
        "2020-12.yaml:5:14 indicator children-in-care, reading: a likely reading needs a note\n" +
          "  hint: add note: saying how the figure was read from the source",
      ],
    ],
    [
      "a breakdown that does not add up to its total",
      month(
        "2020-12",
        "  children-in-care:\n    value: 664\n  legal-status:\n    breakdown:\n      full-care-order: 375\n" +
          "      interim-care-order: 117\n      voluntary-agreement: 110\n      placement-order: 56\n      other: 5\n",
      ),
      [
        "2020-12.yaml:7:7 indicator legal-status, breakdown: the legal status figures do not add up to children-in-care (expected a total of 664, found 663)\n" +
          "  hint: check each category against the source; every child is counted in exactly one",
      ],
    ],
    [
      "a series period after the month of the file",
      month(
        "2020-12",
        '  adopted:\n    value: 20\n    series:\n      - { period: "2020/21 Q4", value: 15 }\n',
      ),
      [
        "2020-12.yaml:6:19 indicator adopted, series entry 1 (2020/21 Q4), period: period ends after the month this file reports (expected a period ending in 2020-12 or earlier, found 2020/21 Q4)\n" +
          "  hint: a month's file can only report figures up to its own month",
      ],
    ],
    [
      "a correction without a reason",
      'period: "2020-12"\nindicators:\n  children-in-care:\n    value: 664\ncorrections:\n' +
        '  - { date: "2021-02-01", indicator: children-in-care, from: 660, to: 664 }\n',
      [
        '2020-12.yaml:6:5 corrections, entry 1, reason: missing required field "reason"\n  hint: add "reason:" here',
      ],
    ],
    [
      "an alias to no anchor",
      month("2020-12", "  children-in-care:\n    value: *nope\n"),
      [
        "2020-12.yaml:4:12 indicator children-in-care, value: alias *nope refers to no anchor\n" +
          "  hint: define &nope on an earlier value, or write the value out here",
      ],
    ],
    [
      "an explicit YAML tag",
      month("2020-12", "  children-in-care:\n    value: !!float 664\n"),
      [
        "2020-12.yaml:4:20 indicator children-in-care, value: explicit YAML tag not allowed (found !!float)\n" +
          "  hint: remove the tag and write the value plainly: a number, or text in quotes",
      ],
    ],
    [
      "a second YAML document",
      month("2020-12", "  children-in-care:\n    value: 664\n---\nperiod: x\n"),
      [
        "2020-12.yaml:5:1 more than one YAML document in the file\n" +
          "  hint: a data file holds one document: remove the --- line and move what follows into the file it belongs to",
      ],
    ],
    [
      "a control character in text",
      month("2020-12", '  children-in-care:\n    value: 664\n    note: "a\\u0001b"\n'),
      [
        "2020-12.yaml:5:11 indicator children-in-care, note: control character U+0001 in text\n" +
          "  hint: retype the text or delete the invisible character; it often comes from copying out of another program",
      ],
    ],
    [
      "a series that contradicts the month's own figure",
      month(
        "2020-12",
        '  children-in-care:\n    value: 664\n    previous: 650\n    series:\n      - { period: "2020-11", value: 640 }\n      - { period: "2020-12", value: 600 }\n',
      ),
      [
        "2020-12.yaml:7:9 indicator children-in-care, series entry 1 (2020-11): series entry for 2020-11 disagrees with the previous figure (expected 650, found 640)\n" +
          "  hint: give the figure once, or make the two agree",
        "2020-12.yaml:8:9 indicator children-in-care, series entry 2 (2020-12): series entry for 2020-12 disagrees with the figure for the month (expected 664, found 600)\n" +
          "  hint: give the figure once, or make the two agree",
      ],
    ],
    [
      "a figure written as a bare number",
      month("2020-12", "  children-in-care: 664\n"),
      [
        "2020-12.yaml:3:21 indicator children-in-care: wrong type of value (expected a group of fields, found 664)\n" +
          "  hint: write the figure as value: 664",
      ],
    ],
    [
      "a breakdown figure in quotes",
      month("2020-12", '  legal-status:\n    breakdown:\n      other: "6"\n'),
      [
        '2020-12.yaml:5:14 indicator legal-status, breakdown other: wrong type of value (expected a number, or an entry with value, missing or suppressed, found text "6")\n' +
          "  hint: remove the quotes around 6",
      ],
    ],
    [
      "a suppressed figure with its parts",
      month(
        "2020-12",
        "  dental-checks:\n    suppressed: c\n    numerator: 3\n    denominator: 4\n",
      ),
      [
        "2020-12.yaml:5:16 indicator dental-checks, numerator: a suppressed figure cannot give its numerator\n" +
          "  hint: remove it: the parts of a withheld figure would reveal it, and a missing figure has none",
        "2020-12.yaml:6:18 indicator dental-checks, denominator: a suppressed figure cannot give its denominator\n" +
          "  hint: remove it: the parts of a withheld figure would reveal it, and a missing figure has none",
      ],
    ],
    [
      "a figure written as .nan",
      month("2020-12", "  children-in-care:\n    value: .nan\n"),
      [
        "2020-12.yaml:4:12 indicator children-in-care, value: wrong type of value (expected a number, found NaN)\n" +
          "  hint: write a finite number: .nan, .inf and numbers too large to hold are not figures",
      ],
    ],
    [
      "a figure too large to hold",
      month("2020-12", "  children-in-care:\n    value: 1e400\n"),
      [
        "2020-12.yaml:4:12 indicator children-in-care, value: wrong type of value (expected a number, found Infinity)\n" +
          "  hint: write a finite number: .nan, .inf and numbers too large to hold are not figures",
      ],
    ],
    [
      "a list in place of a figure",
      month("2020-12", "  children-in-care:\n    value: [664, 665]\n"),
      [
        "2020-12.yaml:4:12 indicator children-in-care, value: wrong type of value (expected a number, found a list)\n" +
          "  hint: write one number, not a list",
      ],
    ],
    [
      "a fractional numerator",
      month("2020-12", "  dental-checks:\n    value: 50\n    numerator: 1.5\n    denominator: 3\n"),
      [
        "2020-12.yaml:5:16 indicator dental-checks, numerator: the numerator must be a whole number (expected a whole number of children, found 1.5)\n  hint: check the numerator against the source: it counts children",
      ],
    ],
    [
      "a breakdown that reveals a suppressed total",
      month(
        "2020-12",
        "  children-in-care:\n    suppressed: c\n  legal-status:\n    breakdown:\n      full-care-order: 375\n" +
          "      interim-care-order: 117\n      voluntary-agreement: 110\n      placement-order: 56\n      other: 6\n",
      ),
      [
        "2020-12.yaml:7:7 indicator legal-status, breakdown: every legal status figure is given, which reveals the suppressed children-in-care\n" +
          "  hint: suppress at least two categories too, or publish the total",
      ],
    ],
    [
      "a correction that changes nothing, dated too early",
      'period: "2020-12"\nindicators:\n  children-in-care:\n    value: 664\ncorrections:\n' +
        '  - { date: "2019-01-10", indicator: children-in-care, from: 664, to: 664, reason: typo }\n',
      [
        "2020-12.yaml:6:71 corrections, entry 1, to: the correction changes nothing (found from and to are both 664)\n" +
          "  hint: give the figure as first published in from, and the corrected one in to",
        "2020-12.yaml:6:13 corrections, entry 1, date: correction dated before the month it corrects (expected a date in 2020-12 or later, found 2019-01-10)",
      ],
    ],
    [
      "a correction that disagrees with the file",
      'period: "2020-12"\nindicators:\n  children-in-care:\n    value: 664\ncorrections:\n' +
        '  - { date: "2021-01-10", indicator: children-in-care, from: 660, to: 665, reason: typo }\n',
      [
        "2020-12.yaml:6:71 corrections, entry 1, to: the corrected figure is not the one this file gives (expected 664, found 665)\n" +
          "  hint: a correction's 'to' must equal the figure in the file; change both together",
      ],
    ],
    [
      "a publication date the calendar lacks",
      'period: "2020-12"\npublished: "2021-02-30"\nindicators:\n  children-in-care:\n    value: 664\n',
      [
        '2020-12.yaml:2:12 published: no such date (expected a date written YYYY-MM-DD, found text "2021-02-30")\n' +
          "  hint: check the day and the month: that month has fewer days",
      ],
    ],
  ])("reports %s", (_case, text, expected) => {
    const { result, lines } = problemsFor({ "2020-12.yaml": text });
    expect(lines).toEqual(expected);
    expect(result.dataset).toBeUndefined();
  });

  it("reports an empty catalogue with a hint", () => {
    const { lines } = problemsFor({
      "catalogue.yaml": "",
      "2020-12.yaml": readFileSync(new URL("../data/2020-12.yaml", import.meta.url), "utf8"),
    });
    expect(lines).toEqual([
      "catalogue.yaml:1:1 wrong type of value (expected a group of fields, found nothing (an empty value))\n" +
        "  hint: the file is empty: fill it in as docs/analysts.md describes",
    ]);
  });

  it.each([
    ["2021-04-31", "check the day and the month: that month has fewer days"],
    ["2021-13-01", "months run from 01 to 12"],
    ["2021-01-00", "days start at 01"],
  ])("names what is wrong with the date %s", (date, hint) => {
    const text = `period: "2020-12"\npublished: "${date}"\nindicators:\n  children-in-care:\n    value: 664\n`;
    const { lines } = problemsFor({ "2020-12.yaml": text });
    expect(lines).toEqual([
      `2020-12.yaml:2:12 published: no such date (expected a date written YYYY-MM-DD, found text "${date}")\n  hint: ${hint}`,
    ]);
  });

  it("lists a thousand problems of a file, then how many more", () => {
    const text = `period: "2020-12"\nindicators: {}\n` + 'comment: "x"\n'.repeat(130_000);
    const { lines } = problemsFor({ "2020-12.yaml": text });
    expect(lines.filter((line) => line.includes("duplicate key"))).toHaveLength(999);
    expect(lines).toContain(
      "2020-12.yaml:1003:1 129000 more problems in this file, not listed\n" +
        "  hint: fix the problems listed, then check the file again",
    );
  });

  it("reports an id too long for a page address", () => {
    const catalogue = readFileSync(new URL("../data/catalogue.yaml", import.meta.url), "utf8");
    const id = "a".repeat(81);
    const { lines } = problemsFor({
      "catalogue.yaml": catalogue.replace(/- id: [a-z-]+/, `- id: ${id}`),
      "2020-12.yaml": readFileSync(new URL("../data/2020-12.yaml", import.meta.url), "utf8"),
    });
    expect(lines).toContainEqual(
      expect.stringContaining(
        `id: text too long (expected at most 80 characters, found 81 characters)\n  hint: shorten it`,
      ),
    );
  });

  it("lists each section once when the catalogue repeats one", () => {
    const catalogue = parse(
      readFileSync(new URL("../data/catalogue.yaml", import.meta.url), "utf8"),
    ) as { sections: { id: string }[]; indicators: { section: string }[] };
    catalogue.sections.push({ ...catalogue.sections[0]! });
    catalogue.indicators[0]!.section = "zzzz-unknown";
    const { lines } = problemsFor({
      "catalogue.yaml": stringify(catalogue),
      "2020-12.yaml": readFileSync(new URL("../data/2020-12.yaml", import.meta.url), "utf8"),
    });
    const hint = lines.find((line) => line.includes('unknown section "zzzz-unknown"'));
    const listed = hint!.split("the sections are ")[1]!.split(", ");
    expect(listed).toEqual([...new Set(listed)]);
    expect(listed).toEqual(catalogue.sections.slice(0, -1).map((section) => section.id));
  });

  it("shows control characters in a field name as codes", () => {
    const problem = {
      severity: "error" as const,
      file: "2020-12.yaml",
      line: 3,
      column: 1,
      field: "a\u0000b\u001b[31m",
      message: "control character U+0000",
    };
    expect(formatProblem(problem)).toBe(
      "2020-12.yaml:3:1 a\\u0000b\\u001b[31m: control character U+0000",
    );
  });

  it("reports every problem in a file, not just the first", () => {
    const text = month(
      "2020-12",
      '  children-in-care:\n    value: "1,234"\n  dental-checks:\n    value: 130\n  chidren-in-care:\n    value: 1\n',
    );
    const { lines } = problemsFor({ "2020-12.yaml": text });
    expect(lines.map((line) => line.split(" ")[0])).toEqual([
      "2020-12.yaml:4:12",
      "2020-12.yaml:6:12",
      "2020-12.yaml:7:3",
    ]);
  });

  it("reports two files for the same month", () => {
    const text = month("2020-12", "  children-in-care:\n    value: 664\n");
    const { lines } = problemsFor({
      "2020-12.yaml": text,
      "2020-12.json": '{"period": "2020-12", "indicators": {}}',
    });
    expect(lines).toContain(
      "2020-12.yaml:1:1 a second file for 2020-12\n  hint: 2020-12.json already holds this month; keep one of the two",
    );
  });
});

describe("accepted input", () => {
  const good = month("2020-12", "  children-in-care:\n    value: 664\n    note: read as 664\n");

  it.each([
    ["YAML", "2020-12.yaml", good],
    ["YAML with a byte-order mark", "2020-12.yaml", `\uFEFF${good}`],
    ["YAML with CRLF line ends", "2020-12.yaml", good.replaceAll("\n", "\r\n")],
    [
      "JSON",
      "2020-12.json",
      JSON.stringify({ period: "2020-12", indicators: { "children-in-care": { value: 664 } } }),
    ],
  ])("reads %s", (_case, name, text) => {
    const { result, lines } = problemsFor({ [name]: text });
    expect(lines).toEqual([]);
    const figure = result.dataset?.months[0]?.indicators.get("children-in-care")?.current;
    expect(figure).toMatchObject({ kind: "value", value: 664 });
  });

  it("keeps dates and periods as strings", () => {
    const text = 'period: "2020-12"\npublished: 2021-01-15\nindicators: {}\n';
    const { result } = problemsFor({ "2020-12.yaml": text });
    expect(result.dataset?.months[0]?.published).toBe("2021-01-15");
  });
});

describe("data folder errors", () => {
  const goodMonth = 'period: "2020-12"\nindicators:\n  children-in-care: { value: 664 }\n';

  it("reports a data folder that does not exist", () => {
    const result = loadDataset("/nonexistent/scorecard-data");
    expect(result.problems.map(formatProblem)).toEqual([
      "/nonexistent/scorecard-data:1:1 data folder not found\n" +
        "  hint: set SCORECARD_DATA to the folder that holds catalogue.yaml and the month files",
    ]);
  });

  it("reports a folder without month files", () => {
    const { lines } = problemsFor({});
    expect(lines).toEqual([
      expect.stringMatching(
        /:1:1 no month files in the data folder\n  hint: add a month file named by its period/,
      ),
    ]);
  });

  it.each([
    [
      "an upper-case extension",
      { "2020-11.YAML": goodMonth },
      "2020-11.YAML:1:1 data file extension is not lower case\n  hint: rename the file to 2020-11.yaml",
    ],
    [
      "invalid UTF-8",
      {
        "2020-11.yaml": Buffer.from(
          'period: "2020-11"\nindicators:\n  children-in-care: { value: 650, note: "caf\xe9" }\n',
          "latin1",
        ),
      },
      "2020-11.yaml:3:45 the file is not valid UTF-8 text\n  hint: save the file as UTF-8; spreadsheets and some editors offer it under Save As",
    ],
    [
      "a month file with only a comment",
      { "2020-11.yaml": "# to do\n" },
      "2020-11.yaml:1:1 the file is empty (expected the file's fields, such as period: and indicators: in a month file, found nothing)\n  hint: fill the file in (npm run new-month writes a month file to fill in), or delete it",
    ],
    [
      "JSON with a trailing comma",
      { "2020-11.json": '{"period": "2020-11",\n "indicators": {},\n}' },
      "2020-11.json:3:1 invalid JSON: Expected double-quoted property name\n  hint: JSON allows no comments, trailing commas or single quotes; or name the file .yaml",
    ],
  ])("reports %s", (_case, files, expected) => {
    const { lines } = problemsFor({ "2020-12.yaml": goodMonth, ...files });
    expect(lines).toEqual([expected]);
  });

  const MOVE_IT = "move it out of the data folder, or put the data file in its place";

  it.each([
    ["a folder", (path: string) => mkdirSync(path), "it is a folder, not a file"],
    // Opening a named pipe would wait for a writer forever.
    ["a named pipe", (path: string) => execFileSync("mkfifo", [path]), "it is not a plain file"],
  ])("reports a month file that is %s", (_case, make, reason) => {
    const directory = makeDataFolder({ "2020-12.yaml": goodMonth });
    make(join(directory, "2020-11.yaml"));
    const lines = loadDataset(directory).problems.map((problem) =>
      formatProblem(problem).replaceAll(`${directory}/`, ""),
    );
    expect(lines).toEqual([`2020-11.yaml:1:1 cannot read the file: ${reason}\n  hint: ${MOVE_IT}`]);
  });

  it.each([
    ["a folder", (path: string) => mkdirSync(path), "it is a folder, not a file", MOVE_IT],
    [
      "a named pipe",
      (path: string) => execFileSync("mkfifo", [path]),
      "it is not a plain file",
      MOVE_IT,
    ],
    [
      "a link to itself",
      (path: string) => symlinkSync(path, path),
      "its links form a loop",
      "check the file's permissions and that it is a plain file",
    ],
    [
      "a broken link",
      (path: string) => symlinkSync(join(path, "..", "missing.json"), path),
      "it does not exist (a broken link?)",
      "check the file's permissions and that it is a plain file",
    ],
  ])("reports a comparators file that is %s", (_case, make, reason, hint) => {
    const directory = makeDataFolder({ "2020-12.yaml": goodMonth });
    make(join(directory, "comparators.json"));
    const lines = loadDataset(directory).problems.map((problem) =>
      formatProblem(problem).replaceAll(`${directory}/`, ""),
    );
    expect(lines).toEqual([
      `comparators.json:1:1 cannot read the file: ${reason}\n  hint: ${hint}`,
    ]);
  });
});
