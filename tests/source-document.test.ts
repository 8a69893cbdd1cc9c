import { describe, expect, it } from "vitest";
import { withEnvironmentCopy } from "../src/data/environment-copy.ts";
import { formatProblem } from "../src/data/problems.ts";
import { parseSourceDocument } from "../src/data/source-document.ts";

/** Parses YAML lines and returns their problems formatted as the analyst reads them. */
function problemLines(lines: string[]): string[] {
  return parseSourceDocument("f.yaml", lines.join("\n") + "\n").problems.map(formatProblem);
}

describe("parseSourceDocument node checks", () => {
  it("reports every check in nested sequences of maps", () => {
    const lines = problemLines([
      'period: "2020-12"',
      "indicators:",
      "  adopted:",
      "    series:",
      '      - { period: "2020-10", value: *earlier }',
      '      - { period: "2020-11", value: !!float 15, note: "a\\u0007b" }',
      '      - period: "2020-12"',
      "        note: no",
      "        rows:",
      "          - [1, on]",
      "          - { flag: Off, cell: !!str 3 }",
      '    "key\\u0001": 1',
    ]);
    // Grouped by check (ambiguous words, tags, control characters, aliases), each in file order.
    expect(lines).toEqual([
      "f.yaml:8:15 indicator adopted, series entry 3, note: ambiguous unquoted no (expected text in quotes, or true or false, found no without quotes)\n" +
        '  hint: older YAML reads no as a yes/no value; write "no" in quotes if you mean the word',
      "f.yaml:10:17 indicator adopted, series entry 3, rows, entry 1, entry 2: ambiguous unquoted on (expected text in quotes, or true or false, found on without quotes)\n" +
        '  hint: older YAML reads on as a yes/no value; write "on" in quotes if you mean the word',
      "f.yaml:11:21 indicator adopted, series entry 3, rows, entry 2, flag: ambiguous unquoted Off (expected text in quotes, or true or false, found Off without quotes)\n" +
        '  hint: older YAML reads Off as a yes/no value; write "Off" in quotes if you mean the word',
      "f.yaml:6:45 indicator adopted, series entry 2, value: explicit YAML tag not allowed (found !!float)\n" +
        "  hint: remove the tag and write the value plainly: a number, or text in quotes",
      "f.yaml:11:38 indicator adopted, series entry 3, rows, entry 2, cell: explicit YAML tag not allowed (found !!str)\n" +
        "  hint: remove the tag and write the value plainly: a number, or text in quotes",
      "f.yaml:6:55 indicator adopted, series entry 2, note: control character U+0007 in text\n" +
        "  hint: retype the text or delete the invisible character; it often comes from copying out of another program",
      "f.yaml:12:5 indicator adopted, key\\u0001: control character U+0001 in text\n" +
        "  hint: retype the text or delete the invisible character; it often comes from copying out of another program",
      "f.yaml:5:37 indicator adopted, series entry 1, value: alias *earlier refers to no anchor\n" +
        "  hint: define &earlier on an earlier value, or write the value out here",
    ]);
  });

  it("keeps every field of each problem", () => {
    const document = parseSourceDocument("f.yaml", "rows:\n  - { note: yes, cell: !!int 3 }\n");
    expect(document.problems).toEqual([
      {
        severity: "error",
        file: "f.yaml",
        line: 2,
        column: 13,
        field: "rows, entry 1, note",
        message: "ambiguous unquoted yes",
        expected: "text in quotes, or true or false",
        found: "yes without quotes",
        hint: 'older YAML reads yes as a yes/no value; write "yes" in quotes if you mean the word',
      },
      {
        severity: "error",
        file: "f.yaml",
        line: 2,
        column: 30,
        field: "rows, entry 1, cell",
        message: "explicit YAML tag not allowed",
        found: "!!int",
        hint: "remove the tag and write the value plainly: a number, or text in quotes",
      },
    ]);
    expect(document.data).toBeUndefined();
  });

  it("accepts ambiguous words as keys", () => {
    const lines = problemLines(["yes: 1", "rows:", "  - { on: 2, No: 3 }", "  - Off: 4"]);
    expect(lines).toEqual([]);
  });

  it("resolves aliases to earlier anchors only", () => {
    const lines = problemLines(["a: &x [1]", "b: *y", "c: &y 2", "d: *y", "e: &x 3", "f: *x"]);
    expect(lines).toEqual([
      "f.yaml:2:4 b: alias *y refers to no anchor\n" +
        "  hint: define &y on an earlier value, or write the value out here",
    ]);
  });

  it.each([
    ["a list", ["a: &x [1, *x]"], "f.yaml:1:11 a, entry 2: alias *x"],
    ["a map", ["a: &x", "  b: 1", "  c: *x"], "f.yaml:3:6 a, c: alias *x"],
    ["a nested map", ["a: &x", "  b:", "    - c: *x"], "f.yaml:3:10 a, b, entry 1, c: alias *x"],
  ])("rejects an alias inside its anchored %s", (_, yaml, start) => {
    const document = parseSourceDocument("f.yaml", yaml.join("\n") + "\n");
    expect(document.problems.map(formatProblem)).toEqual([
      `${start} is inside the value it repeats\n` +
        "  hint: a value cannot contain itself: write out what you meant here instead of *x",
    ]);
    // A value that contains itself never reaches the checks that follow parsing.
    expect(document.data).toBeUndefined();
  });

  it("rejects a key written as a list or map", () => {
    const document = parseSourceDocument("f.yaml", "rows:\n  ? [a, b]\n  : 1\n  ? {c: d}\n  : 2\n");
    expect(document.problems.map(formatProblem)).toEqual([
      "f.yaml:2:5 rows: key written as a list (expected a field name in plain text)\n" +
        "  hint: remove the ? before the key, or the brackets around it, and write the field's name",
      "f.yaml:4:5 rows: key written as a map (expected a field name in plain text)\n" +
        "  hint: remove the ? before the key, or the brackets around it, and write the field's name",
    ]);
    expect(document.data).toBeUndefined();
  });

  it("rejects keys that become the same field", () => {
    const lines = problemLines([
      "indicators:",
      "  &id adopted: { value: 3 }",
      "  *id : { value: 1 }",
      "  other:",
      "    1: a",
      '    "1": b',
      "    null: c",
      '    "": d',
    ]);
    expect(lines.map((line) => line.split("\n")[0])).toEqual([
      'f.yaml:6:5 indicator other, 1: duplicate key: the same field is given twice (found "1", the same field as 1 on line 5)',
      'f.yaml:8:5 indicator other, : duplicate key: the same field is given twice (found "", the same field as null on line 7)',
      "f.yaml:3:3 indicators: duplicate key: the same field is given twice (found *id, the same field as adopted on line 2)",
    ]);
  });

  it("names a key given twice in JSON and its first line", () => {
    const text = '{"period": "2020-12",\n "period": "2020-12",\n "indicators": {}}\n';
    expect(parseSourceDocument("f.json", text).problems.map(formatProblem)).toEqual([
      'f.json:2:2 period: duplicate key: the same field is given twice (found "period" again, first given on line 1)\n' +
        "  hint: keep one of the two entries and delete the other",
    ]);
  });

  it("rejects a merge key", () => {
    const document = parseSourceDocument("f.yaml", "base: &b { value: 1 }\nrow:\n  <<: *b\n");
    expect(document.problems.map(formatProblem)).toEqual([
      "f.yaml:3:3 row: merge key << not supported (expected each field written out)\n" +
        "  hint: write the fields out here instead of merging them in from elsewhere",
    ]);
  });

  it("locates a repeated key at the copy the data keep", () => {
    const document = parseSourceDocument("f.yaml", "row:\n  value: 664\n  value: lots\n");
    expect(document.data).toEqual({ row: { value: "lots" } });
    expect(document.locate(["row", "value"])).toEqual({ line: 3, column: 10 });
    expect(document.locateKey(["row", "value"])).toEqual({ line: 3, column: 3 });
  });

  it("rejects characters a feed cannot carry, but not emoji", () => {
    const lines = problemLines([
      "rows:",
      '  - "a\\uFFFE b"',
      '  - "c\\uD800 d"',
      '  - "ok \\U0001F600"',
    ]);
    expect(lines.map((line) => line.split("\n")[0])).toEqual([
      "f.yaml:2:5 rows, entry 1: character U+FFFE in text, which web pages and feeds cannot carry",
      "f.yaml:3:5 rows, entry 2: character U+D800 in text, which web pages and feeds cannot carry",
    ]);
  });

  it("locates keys that are not text by their name in the data", () => {
    const document = parseSourceDocument(
      "f.yaml",
      "rows:\n  a: 0\n  1: {v: 1}\n  null: 2\n  true: 3\n",
    );
    expect(document.data).toEqual({ rows: { a: 0, "1": { v: 1 }, "": 2, true: 3 } });
    expect(document.locateKey(["rows", "1"])).toEqual({ line: 3, column: 3 });
    expect(document.locate(["rows", "1", "v"])).toEqual({ line: 3, column: 10 });
    expect(document.locateKey(["rows", ""])).toEqual({ line: 4, column: 3 });
    expect(document.locateKey(["rows", "true"])).toEqual({ line: 5, column: 3 });
  });

  it("reports a collection's tag before inner tags", () => {
    const lines = problemLines(["!!map", "sections: [!!seq [1], !!str x]"]);
    expect(lines.map((line) => line.split(" (")[0])).toEqual([
      "f.yaml:2:1 explicit YAML tag not allowed",
      "f.yaml:2:18 section 1: explicit YAML tag not allowed",
      "f.yaml:2:29 section 2: explicit YAML tag not allowed",
    ]);
  });

  it("places too many aliases at the first alias", () => {
    const lines = problemLines([
      "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ]);
    expect(lines).toEqual([
      "f.yaml:2:8 aliases expand to too many values (Excessive alias count indicates a resource exhaustion attack)\n" +
        "  hint: write the values out instead of repeating aliases of aliases",
    ]);
  });
});

describe("withEnvironmentCopy", () => {
  it("restores the real environment after parsing", () => {
    const environment = process.env;
    parseSourceDocument("f.yaml", "a: 1\n");
    expect(process.env).toBe(environment);
  });

  it("restores the real environment when run throws", () => {
    const environment = process.env;
    const fail = () =>
      withEnvironmentCopy(() => {
        throw new Error("parse failed");
      });
    expect(fail).toThrow("parse failed");
    expect(process.env).toBe(environment);
    // Node's own environment object stores every value as text, but a plain object keeps a number.
    process.env.SCORECARD_TEST_VARIABLE = 1 as unknown as string;
    expect(process.env.SCORECARD_TEST_VARIABLE).toBe("1");
    delete process.env.SCORECARD_TEST_VARIABLE;
  });

  it("gives run a plain copy of the environment", () => {
    const environment = process.env;
    const seen = withEnvironmentCopy(() => process.env);
    expect(seen).not.toBe(environment);
    expect(seen).toEqual({ ...environment });
    expect(Object.getPrototypeOf(seen)).toBe(Object.prototype);
  });

  it("returns what run returns", () => {
    expect(withEnvironmentCopy(() => 42)).toBe(42);
  });
});
