import type { Indicator, SuppressionMarker } from "../model/types.ts";

/** A statistical marker as a spreadsheet gives it: a suppression marker, or r for revised. */
export type Marker = SuppressionMarker | "r";

/** The markers a cell may carry, with what each means, as docs/analysts.md lists them. */
export const MARKER_MEANINGS: Record<Marker, string> = {
  c: "confidential: withheld so that no child can be identified",
  k: "a small number rounded",
  low: "rounds to zero, or too small to show",
  u: "low reliability",
  x: "not available",
  z: "not applicable",
  r: "revised: the figure is kept and its note says it was revised",
};

const MARKERS = Object.keys(MARKER_MEANINGS) as Marker[];

/** A problem in one cell, before the row and column are known. */
export interface CellProblem {
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (problem: CellProblem): CellResult<never> => ({ ok: false, problem });

/**
 * Reads a marker written as [c] or c, in any case. Returns undefined for text that is not a
 * marker, so that the caller can try reading it as a number.
 */
export function readMarker(text: string): Marker | undefined {
  const bare = /^\[(.*)\]$/.exec(text)?.[1] ?? text;
  const marker = bare.trim().toLowerCase();
  return MARKERS.find((known) => known === marker);
}

/** Reads the marker column: empty, or one marker. */
export function readMarkerCell(text: string): CellResult<Marker | undefined> {
  if (text === "") return ok(undefined);
  const marker = readMarker(text);
  if (marker) return ok(marker);
  return fail(unknownMarkerProblem(text));
}

/** Describes a marker that is not one of the known ones, listing those that are. */
export function unknownMarkerProblem(text: string): CellProblem {
  return {
    message: "unknown statistical marker",
    expected: `one of ${MARKERS.map((known) => `[${known}]`).join(", ")}`,
    found: quote(text),
    hint: "the markers and their meanings are listed in docs/analysts.md",
  };
}

export type NumberColumn = "value" | "numerator" | "denominator";

/**
 * Reads a number from a cell exactly as written, never guessing. It accepts digits with an
 * optional decimal point ("1234.5") and commas between every group of three digits ("1,234.5").
 * A leading minus sign is read, so that a negative figure is reported as negative rather than
 * unreadable. The value column of a percentage indicator may end in a percent sign ("98.5%").
 * Anything else, such as "1.234,5", "12 3", "n/a" or "about 40", is a problem. An empty cell
 * gives undefined.
 */
export function readNumberCell(
  text: string,
  column: NumberColumn,
  indicator: Indicator,
): CellResult<number | undefined> {
  if (text === "") return ok(undefined);
  let digits = text;

  if (digits.endsWith("%")) {
    if (column !== "value" || indicator.unit !== "percent") {
      const where = column === "value" ? `a ${indicator.unit} indicator` : `the ${column}`;
      return fail({
        message: `percent sign on ${where}`,
        expected: column === "value" ? `a ${indicator.unit}` : "a number of children or events",
        found: quote(text),
        hint:
          column === "value"
            ? `${indicator.id} is measured in ${indicator.unit === "count" ? "numbers" : indicator.unit}, not percent: check the column and the row`
            : `the ${column} counts children or events; the percentage goes in the value column`,
      });
    }
    digits = digits.slice(0, -1).trimEnd();
  }

  const negative = digits.startsWith("-");
  if (negative) digits = digits.slice(1);

  if (/^\d+(\.\d+)?$/.test(digits)) {
    if (indicator.decimals === 0 && column === "value" && /^\d{1,3}(\.\d{3})+$/.test(digits)) {
      return fail({
        message: "ambiguous number: the point may separate thousands",
        expected: `a whole number for ${indicator.id}`,
        found: quote(text),
        hint: `write ${digits.replaceAll(".", "")} if the point separates thousands, or check the figure`,
      });
    }
    return ok(toNumber(digits, negative));
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits))
    return ok(toNumber(digits.replaceAll(",", ""), negative));

  return fail(describeUnreadable(text, digits));
}

function toNumber(digits: string, negative: boolean): number {
  const value = Number(digits);
  return negative ? -value : value;
}

function describeUnreadable(text: string, digits: string): CellProblem {
  const found = quote(text);
  if (/^[\d.,]+$/.test(digits) && digits.includes(",")) {
    return {
      message:
        "ambiguous number: the comma may be a decimal comma or a misplaced thousands separator",
      expected: "a number written as 1234.5 or 1,234.5",
      found,
      hint: "write decimals with a point, and commas only between groups of three digits",
    };
  }
  if (/\d[\s\u00a0\u202f]+\d/.test(digits)) {
    return {
      message: "ambiguous number: spaces inside the number",
      expected: "a number written as 1234.5 or 1,234.5",
      found,
      hint: "remove the space if it separates thousands, or check the cell for two figures run together",
    };
  }
  return {
    message: "not a number",
    expected: "a number, or a statistical marker such as [x]",
    found,
    hint: "write the figure in digits; when it is not available, write a marker such as [x] instead of text",
  };
}

function quote(text: string): string {
  return `"${text}"`;
}
