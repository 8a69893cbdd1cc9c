import type { Indicator, Observation, Reading, SuppressionMarker } from "../model/types.ts";
import type { Problem } from "./problems.ts";
import type { PathSegment } from "./source-document.ts";

/** An observation as written in a month file, after the schema has checked its shape. */
export interface RawObservationFields {
  value?: number;
  numerator?: number;
  denominator?: number;
  missing?: string;
  suppressed?: SuppressionMarker;
  note?: string;
  reading?: Reading;
}

export type RawObservation = number | RawObservationFields;

/** Reports a problem at a path; the caller supplies file, position and field name. */
export type ReportProblem = (
  path: readonly PathSegment[],
  problem: Pick<Problem, "message" | "expected" | "found" | "hint"> & {
    severity?: Problem["severity"];
    /** Point at the key that names the value rather than at the value. */
    atKey?: boolean;
  },
) => void;

/**
 * Turns a written observation into an Observation and reports what the schema cannot check.
 * An entry gives exactly one of value, missing or suppressed, and a likely reading has a note.
 * A value lies within its unit's range, and a percentage agrees with its numerator and denominator.
 * Returns undefined when the entry gives no figure at all and `optional` is set.
 */
export function readObservation(
  raw: RawObservation,
  indicator: Indicator,
  path: readonly PathSegment[],
  report: ReportProblem,
  optional = false,
): Observation | undefined {
  const fields: RawObservationFields = typeof raw === "number" ? { value: raw } : raw;
  const given = (["value", "missing", "suppressed"] as const).filter(
    (key) => fields[key] !== undefined,
  );

  if (given.length > 1) {
    report([...path, given[1]!], {
      message: `give only one of value, missing or suppressed (this entry has ${given.join(" and ")})`,
      hint: "a figure is either known (value), not available (missing: reason) or withheld (suppressed: marker)",
    });
    return undefined;
  }
  if (given.length === 0) {
    if (!optional) {
      report(path, {
        message: "no figure given",
        expected: "value, missing or suppressed",
        hint: "write value: <number>, or missing: <reason>, or suppressed: <marker>",
      });
    }
    return undefined;
  }
  if (fields.reading === "likely" && !fields.note) {
    report([...path, "reading"], {
      message: "a likely reading needs a note",
      hint: "add note: saying how the figure was read from the source",
    });
  }

  if (fields.missing !== undefined || fields.suppressed !== undefined) {
    const kind = fields.missing !== undefined ? "missing" : "suppressed";
    for (const part of ["numerator", "denominator"] as const) {
      if (fields[part] === undefined) continue;
      report([...path, part], {
        message: `a ${kind} figure cannot give its ${part}`,
        hint: "remove it: the parts of a withheld figure would reveal it, and a missing figure has none",
      });
    }
  }
  if (fields.missing !== undefined)
    return withNote({ kind: "missing", reason: fields.missing }, fields.note);
  if (fields.suppressed !== undefined) {
    return withNote({ kind: "suppressed", marker: fields.suppressed }, fields.note);
  }

  const value = fields.value!;
  const valuePath = typeof raw === "number" ? path : [...path, "value"];
  checkRange(value, indicator, valuePath, report);
  checkFraction(fields, indicator, path, report);

  const observation: Observation = { kind: "value", value };
  if (fields.numerator !== undefined) observation.numerator = fields.numerator;
  if (fields.denominator !== undefined) observation.denominator = fields.denominator;
  if (fields.reading !== undefined) observation.reading = fields.reading;
  return withNote(observation, fields.note);
}

function withNote<T extends Observation>(observation: T, note: string | undefined): T {
  if (note !== undefined) observation.note = note;
  return observation;
}

function checkRange(
  value: number,
  indicator: Indicator,
  path: readonly PathSegment[],
  report: ReportProblem,
): void {
  if (indicator.unit === "percent" && (value < 0 || value > 100)) {
    report(path, {
      message: "percentage out of range",
      expected: "a number from 0 to 100",
      found: String(value),
      hint: "write percentages as numbers of percent: 98.5 for 98.5%, not 0.985 or 985",
    });
  } else if (value < 0) {
    report(path, {
      message: "negative figure",
      expected: `a ${indicator.unit} of 0 or more`,
      found: String(value),
      hint: "check the figure and its sign against the source",
    });
  } else if (indicator.unit === "count" && !Number.isInteger(value) && indicator.decimals === 0) {
    report(path, {
      message: "a count must be a whole number",
      expected: "a whole number",
      found: String(value),
      hint: "check the figure against the source: a count of children has no fraction",
    });
  }
}

/** Tolerates the rounding of a percentage printed to the indicator's decimal places. */
function checkFraction(
  fields: RawObservationFields,
  indicator: Indicator,
  path: readonly PathSegment[],
  report: ReportProblem,
): void {
  const { numerator, denominator, value } = fields;
  const parts = [
    ["numerator", numerator],
    ["denominator", denominator],
  ] as const;
  for (const [part, count] of parts) {
    if (count !== undefined && !Number.isInteger(count)) {
      report([...path, part], {
        message: `the ${part} must be a whole number`,
        expected: "a whole number of children",
        found: String(count),
        hint: `check the ${part} against the source: it counts children`,
      });
    }
  }
  if (numerator === undefined || denominator === undefined || value === undefined) return;
  if (numerator > denominator) {
    report([...path, "numerator"], {
      message: "numerator is larger than the denominator",
      expected: `at most ${denominator}`,
      found: String(numerator),
    });
    return;
  }
  if (indicator.unit !== "percent") return;
  const computed = (100 * numerator) / denominator;
  const allowed = 0.5 * 10 ** -indicator.decimals + 1e-9;
  if (Math.abs(computed - value) > allowed) {
    report([...path, "value"], {
      message: "percentage does not agree with its numerator and denominator",
      expected: `${computed.toFixed(indicator.decimals)} (${numerator} of ${denominator})`,
      found: String(value),
      hint: "check the three figures against the source; one of them was probably mistyped",
    });
  }
}
