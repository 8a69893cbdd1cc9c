import type { Problem } from "../data/problems.ts";
import type { SuppressionMarker } from "../model/types.ts";
import { fieldColumn, type CsvRow, type CsvTable } from "./csv-table.ts";
import type { CellJson } from "./types.ts";

export const MARKERS: readonly SuppressionMarker[] = ["c", "k", "low", "u", "x", "z"];

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A field of one row, located so that a problem with its text can point at it. */
export interface FieldAt {
  table: CsvTable;
  row: CsvRow;
  /** The field's index in the row. */
  index: number;
}

export type ParsedCell =
  { kind: "number"; value: number } | { kind: "suppressed"; marker: SuppressionMarker };

/**
 * Reads a published cell: a plain number, or one of the department's markers kept as it is.
 * Anything else, an empty cell included, is a problem, because reading it as zero would invent a
 * figure.
 */
export function parseCell(field: FieldAt, problems: Problem[]): ParsedCell | undefined {
  const text = field.row.fields[field.index] ?? "";
  if (NUMBER.test(text)) return { kind: "number", value: Number(text) };
  if ((MARKERS as readonly string[]).includes(text)) {
    return { kind: "suppressed", marker: text as SuppressionMarker };
  }
  const trimmed = text.trim();
  problems.push({
    severity: "error",
    file: field.table.file,
    line: field.row.line,
    column: fieldColumn(field.row, field.index),
    field: field.table.header[field.index] ?? `field ${field.index + 1}`,
    message: text === "" ? "empty cell" : "invalid value",
    expected: `a number or one of the markers ${MARKERS.join(", ")}`,
    found: text === "" ? "nothing" : `text "${text}"`,
    hint:
      trimmed !== text && (NUMBER.test(trimmed) || MARKERS.includes(trimmed as SuppressionMarker))
        ? `remove the spaces around "${trimmed}"`
        : "the published tables mark a figure that is not given with a marker; check that the file is the published one",
  });
  return undefined;
}

/** Writes a parsed cell in the file's vocabulary. */
export function toCellJson(cell: ParsedCell): CellJson {
  return cell.kind === "number" ? cell.value : { suppressed: cell.marker };
}
