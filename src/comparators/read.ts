import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeField } from "../data/field-names.ts";
import { countErrors, type Problem } from "../data/problems.ts";
import { checkAgainstSchema } from "../data/schema-validation.ts";
import { parseSourceDocument, type PathSegment } from "../data/source-document.ts";
import type { Observation } from "../model/types.ts";
import { displayPath } from "../data/display-path.ts";
import { readComparatorsContext, type ComparatorsContext } from "./data-folder.ts";
import type {
  CellJson,
  ComparatorMeasure,
  Comparators,
  ComparatorsJson,
  ComparatorYear,
  ExclusionJson,
  MeasureJson,
  NeighbourExclusion,
  NeighbourSummaryJson,
} from "./types.ts";

export const COMPARATORS_FILE = "comparators.json";

export interface ComparatorsReadResult {
  /** Present only when the file exists and has no error. */
  comparators?: Comparators;
  problems: Problem[];
}

/**
 * Reads comparators.json from a data folder and checks it against its schema, against itself and
 * against council.yaml and catalogue.yaml. A folder without the file has no comparators and no
 * problem, because comparators are optional.
 */
export function readComparators(directory: string): ComparatorsReadResult {
  const path = join(directory, COMPARATORS_FILE);
  if (!existsSync(path)) return { problems: [] };
  return parseComparators(
    readFileSync(path, "utf8"),
    displayPath(path),
    readComparatorsContext(directory),
  );
}

/** Checks comparators JSON text and returns it as typed data. `file` names the text in messages. */
export function parseComparators(
  text: string,
  file: string,
  context: ComparatorsContext = {},
): ComparatorsReadResult {
  const document = parseSourceDocument(file, text);
  if (document.problems.length > 0 || document.data === undefined)
    return { problems: document.problems };
  const schemaCheck = checkAgainstSchema(document, "comparators");
  if (schemaCheck.problems.length > 0) return { problems: schemaCheck.problems };

  const data = document.data as ComparatorsJson;
  const problems: Problem[] = [];
  const report = (
    path: PathSegment[],
    details: Pick<Problem, "message" | "expected" | "found" | "hint">,
  ) =>
    problems.push({
      severity: "error",
      file,
      ...document.locate(path),
      field: describeField(path, data),
      ...details,
    });

  checkAgainstContext(data, context, report);
  reportRepeatedMeasures(data, report);
  const neighbourCount = data.neighbourModel.neighbours.length;
  const measures = data.measures.map((measure, index) =>
    readMeasure(measure, ["measures", index], neighbourCount, report),
  );

  if (countErrors(problems) > 0) return { problems };
  return {
    comparators: {
      file,
      council: data.council,
      source: data.source,
      neighbourModel: data.neighbourModel,
      measures,
    },
    problems,
  };
}

function reportRepeatedMeasures(data: ComparatorsJson, report: Report): void {
  const seenIds = new Set<string>();
  data.measures.forEach((measure, index) => {
    if (seenIds.has(measure.id)) {
      report(["measures", index, "id"], {
        message: `measure "${measure.id}" is given twice`,
        hint: "keep one of the two",
      });
    }
    seenIds.add(measure.id);
  });
}

function readMeasure(
  measure: MeasureJson,
  path: PathSegment[],
  neighbourCount: number,
  report: Report,
): ComparatorMeasure {
  let previousYear = "";
  const years = measure.years.map((entry, yearIndex): ComparatorYear => {
    const yearPath = [...path, "years", yearIndex];
    if (entry.year <= previousYear) {
      report([...yearPath, "year"], {
        message: "years out of order",
        expected: `a year after ${previousYear}`,
        found: entry.year,
        hint: "list each year once, oldest first",
      });
    }
    previousYear = entry.year;
    const cell = (name: "council" | "england" | "region") =>
      toObservation(entry[name], [...yearPath, name], report);
    return {
      year: entry.year,
      date: entry.date,
      council: cell("council"),
      england: cell("england"),
      region: cell("region"),
      neighbours: readSummary(
        entry.neighbours,
        neighbourCount,
        [...yearPath, "neighbours"],
        report,
      ),
    };
  });
  return { ...measure, years };
}

type Report = (
  path: PathSegment[],
  details: Pick<Problem, "message" | "expected" | "found" | "hint">,
) => void;

function checkAgainstContext(
  data: ComparatorsJson,
  context: ComparatorsContext,
  report: Report,
): void {
  if (context.councilCode !== undefined && context.councilCode !== data.council.code) {
    report(["council", "code"], {
      message: `comparators are for another council`,
      expected: `code "${context.councilCode}", as in ${context.councilFile ?? "council.yaml"}`,
      found: `"${data.council.code}" (${data.council.name})`,
      hint: "run npm run import-comparators -- <folder of published tables> to import the configured council's figures",
    });
  }
  if (context.indicatorIds === undefined) return;
  data.measures.forEach((measure, index) => {
    if (context.indicatorIds!.includes(measure.indicator)) return;
    report(["measures", index, "indicator"], {
      message: `unknown indicator "${measure.indicator}"`,
      expected: "the id of an indicator in catalogue.yaml",
      found: `"${measure.indicator}"`,
      hint: "add the indicator to the catalogue, or change the measure's indicator in src/comparators/measures.ts and import again",
    });
  });
}

function readSummary(
  summary: NeighbourSummaryJson,
  neighbourCount: number,
  path: PathSegment[],
  report: Report,
): ComparatorYear["neighbours"] {
  if (summary.values.length !== neighbourCount) {
    report([...path, "values"], {
      message: "one value is needed for each neighbour",
      expected: `${neighbourCount} values, as the neighbour list has`,
      found: `${summary.values.length}`,
    });
  }
  if (summary.count + summary.excluded.length !== neighbourCount) {
    report([...path, "count"], {
      message: "neighbours counted and excluded do not add up to the neighbour list",
      expected: `${neighbourCount - summary.excluded.length} (the ${neighbourCount} neighbours less ${summary.excluded.length} excluded)`,
      found: `${summary.count}`,
    });
  }
  const statistics = [summary.mean, summary.min, summary.max];
  if (summary.count > 0 && statistics.some((value) => value === undefined)) {
    report(path, {
      message: "mean, min and max are needed when count is above 0",
      hint: "import the comparators again",
    });
  }
  if (summary.count === 0 && statistics.some((value) => value !== undefined)) {
    report([...path, "mean"], {
      message: "no mean, min or max when no neighbour has a value",
      hint: "a summary of no values is missing, never zero",
    });
  }
  const { mean, min, max } = summary;
  if (
    mean !== undefined &&
    min !== undefined &&
    max !== undefined &&
    !(min <= mean && mean <= max)
  ) {
    report([...path, "mean"], {
      message: "the mean is outside the range of the values",
      expected: `from ${min} to ${max}`,
      found: String(mean),
    });
  }
  const values = summary.values.map((cell, index) =>
    toObservation(cell, [...path, "values", index], report),
  );
  const excluded = summary.excluded.map((entry, index) =>
    toExclusion(entry, [...path, "excluded", index], report),
  );
  return {
    count: summary.count,
    ...(mean !== undefined ? { mean } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    values,
    excluded: excluded.filter((entry) => entry !== undefined),
  };
}

/** Turns a cell into an Observation. An entry must give exactly one of value, missing or suppressed. */
function toObservation(cell: CellJson, path: PathSegment[], report: Report): Observation {
  if (typeof cell === "number") return { kind: "value", value: cell };
  const given = (["value", "missing", "suppressed"] as const).filter((key) => key in cell);
  if (given.length !== 1) {
    report(path, {
      message: "give exactly one of value, missing or suppressed",
      found: given.length === 0 ? "none of them" : given.join(" and "),
    });
    return { kind: "missing", reason: "the entry is invalid" };
  }
  if ("missing" in cell) return { kind: "missing", reason: cell.missing };
  if ("suppressed" in cell) return { kind: "suppressed", marker: cell.suppressed };
  const observation: Observation = { kind: "value", value: cell.value };
  if (cell.numerator !== undefined) observation.numerator = cell.numerator;
  if (cell.denominator !== undefined) observation.denominator = cell.denominator;
  if (cell.note !== undefined) observation.note = cell.note;
  return observation;
}

function toExclusion(
  entry: ExclusionJson,
  path: PathSegment[],
  report: Report,
): NeighbourExclusion | undefined {
  if ("suppressed" in entry && !("missing" in entry)) {
    return { code: entry.code, observation: { kind: "suppressed", marker: entry.suppressed } };
  }
  if ("missing" in entry && !("suppressed" in entry)) {
    return { code: entry.code, observation: { kind: "missing", reason: entry.missing } };
  }
  report(path, { message: "an excluded neighbour needs exactly one of suppressed or missing" });
  return undefined;
}
