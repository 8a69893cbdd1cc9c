import { describe, expect, it } from "vitest";
import { problemsFor } from "./support/data-folder.ts";

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
        "2020-12.yaml:5:5 duplicate key: the same field is given twice\n" +
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
  ])("reports %s", (_case, text, expected) => {
    const { result, lines } = problemsFor({ "2020-12.yaml": text });
    expect(lines).toEqual(expected);
    expect(result.dataset).toBeUndefined();
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
