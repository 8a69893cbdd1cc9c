import { closestMatch } from "../data/closest-match.ts";
import type { Problem } from "../data/problems.ts";
import { roundTo } from "../rules/rounding.ts";
import { parseCell, toCellJson, type ParsedCell } from "./cells.ts";
import { fieldColumn, headerColumn, type CsvRow, type CsvTable } from "./csv-table.ts";
import { columnIndexes, GEOGRAPHY_COLUMNS, LEVELS } from "./layouts.ts";
import type { KnownShare, MeasureDefinition } from "./measures.ts";
import type { CellJson } from "./types.ts";

/** England, one region by name, or one council by its old_la_code. */
export type Place =
  { level: "england" } | { level: "region"; name: string } | { level: "council"; code: string };

/** A measure's cell for one place and year, with the table rows it was read from. */
export interface ExtractedCell {
  cell: CellJson;
  /** Lines of the rows read, so that one joint row shared by two councils is counted once. */
  lines: number[];
}

export interface MeasureCells {
  /** Every time_period that has rows for the measure, oldest first. */
  years: string[];
  cellFor(year: string, place: Place): ExtractedCell;
}

export const NOT_PUBLISHED = "no row in the published table for this year";
const UNREADABLE = "the published cell could not be read";

/** Codes of a row published jointly for two councils are written "314 / 318". */
const JOINT_CODE_SEPARATOR = " / ";

const YEAR = /^\d{4}$/;

/** Returns every council code the table has a row for, joint rows counting for each council. */
export function councilCodes(table: CsvTable): Set<string> {
  const { old_la_code, geographic_level } = columnIndexes(table, [
    "old_la_code",
    "geographic_level",
  ]);
  const codes = new Set<string>();
  for (const row of table.rows) {
    if (row.fields[geographic_level] !== LEVELS.council) continue;
    for (const code of splitCodes(row.fields[old_la_code] ?? "")) codes.add(code);
  }
  return codes;
}

/**
 * Selects a measure's rows from its table and returns its cells by year and place. The table's
 * columns must already be checked. Problems with the selected rows are added to `problems`: an
 * unknown category, a badly written year, two rows for one place and year, or an unreadable cell.
 */
export function extractMeasure(
  table: CsvTable,
  measure: MeasureDefinition,
  problems: Problem[],
): MeasureCells {
  const share = measure.knownShare;
  reportUnknownCategories(table, measure, problems);
  const { rowsByKey, years } = indexRows(table, measure, problems);
  const geography = columnIndexes(table, GEOGRAPHY_COLUMNS);
  const valueIndex = table.header.indexOf(measure.column);

  const reportedDuplicates = new Set<CsvRow>();
  const singleRow = (year: string, place: Place, category: string): CsvRow | undefined => {
    const rows = rowsByKey.get(rowKey(year, placeKeyOf(place), category));
    for (const duplicate of rows?.slice(1) ?? []) {
      if (reportedDuplicates.has(duplicate)) continue;
      reportedDuplicates.add(duplicate);
      problems.push(duplicateRow(table, duplicate, rows![0]!, measure));
    }
    return rows?.[0];
  };
  const read = (row: CsvRow) => parseCell({ table, row, index: valueIndex }, problems);

  const publishedCell = (year: string, place: Place): ExtractedCell => {
    const row = singleRow(year, place, "");
    if (!row) return { cell: { missing: NOT_PUBLISHED }, lines: [] };
    const parsed = read(row);
    if (!parsed) return { cell: { missing: UNREADABLE }, lines: [row.line] };
    const jointNote = jointReturnNote(row, geography);
    const cell =
      parsed.kind === "number" && jointNote
        ? { value: parsed.value, note: jointNote }
        : toCellJson(parsed);
    return { cell, lines: [row.line] };
  };

  const workedOutCell = (year: string, place: Place, known: KnownShare): ExtractedCell => {
    const totalRow = singleRow(year, place, known.total);
    const notKnownRow = singleRow(year, place, known.notKnown);
    if (!totalRow || !notKnownRow) return { cell: { missing: NOT_PUBLISHED }, lines: [] };
    const lines = [totalRow.line, notKnownRow.line];
    const total = read(totalRow);
    const notKnown = read(notKnownRow);
    if (!total || !notKnown) return { cell: { missing: UNREADABLE }, lines };
    const notKnownField = { table, row: notKnownRow, index: valueIndex };
    return {
      cell: knownShareCell(total, notKnown, measure.decimals, notKnownField, problems),
      lines,
    };
  };

  return {
    years,
    cellFor: (year, place) =>
      share ? workedOutCell(year, place, share) : publishedCell(year, place),
  };
}

/** Groups the measure's rows by year, place and category, and lists its years, oldest first. */
function indexRows(
  table: CsvTable,
  measure: MeasureDefinition,
  problems: Problem[],
): { rowsByKey: Map<string, CsvRow[]>; years: string[] } {
  const share = measure.knownShare;
  const categories = share ? [share.total, share.notKnown] : [];
  const geography = columnIndexes(table, GEOGRAPHY_COLUMNS);
  const filterIndexes = Object.entries(measure.rows).map(
    ([column, value]) => [table.header.indexOf(column), value] as const,
  );
  const categoryIndex = share ? table.header.indexOf(share.categoryColumn) : -1;

  const rowsByKey = new Map<string, CsvRow[]>();
  const years = new Set<string>();
  for (const row of table.rows) {
    if (!filterIndexes.every(([index, value]) => row.fields[index] === value)) continue;
    const category = share ? row.fields[categoryIndex]! : "";
    if (share && !categories.includes(category)) continue;
    const year = row.fields[geography.time_period]!;
    if (!YEAR.test(year)) {
      problems.push(badYear(table, row, geography.time_period));
      continue;
    }
    years.add(year);
    for (const placeKey of placeKeysOf(row, geography)) {
      const key = rowKey(year, placeKey, category);
      const list = rowsByKey.get(key);
      if (list) list.push(row);
      else rowsByKey.set(key, [row]);
    }
  }
  return { rowsByKey, years: [...years].sort() };
}

/**
 * Returns the percentage of a total whose category is known. A suppressed part makes the result
 * suppressed with the same marker, because the figure cannot be worked out without it.
 */
function knownShareCell(
  total: ParsedCell,
  notKnown: ParsedCell,
  decimals: number,
  notKnownField: { table: CsvTable; row: CsvRow; index: number },
  problems: Problem[],
): CellJson {
  if (total.kind === "suppressed") return { suppressed: total.marker };
  if (notKnown.kind === "suppressed") return { suppressed: notKnown.marker };
  if (total.value === 0) return { missing: "the published total is 0, so there is no percentage" };
  if (notKnown.value > total.value) {
    const { table, row, index } = notKnownField;
    problems.push({
      severity: "error",
      file: table.file,
      line: row.line,
      column: fieldColumn(row, index),
      field: table.header[index]!,
      message: "the count whose information is not known is larger than the total",
      expected: `at most ${total.value}`,
      found: String(notKnown.value),
      hint: "check that the file is the published table",
    });
    return { missing: "the published counts do not agree" };
  }
  const known = total.value - notKnown.value;
  return {
    value: roundTo((100 * known) / total.value, decimals),
    numerator: known,
    denominator: total.value,
  };
}

function reportUnknownCategories(
  table: CsvTable,
  measure: MeasureDefinition,
  problems: Problem[],
): void {
  const required: [string, string][] = Object.entries(measure.rows);
  const share = measure.knownShare;
  if (share) {
    required.push([share.categoryColumn, share.total], [share.categoryColumn, share.notKnown]);
  }
  for (const [column, value] of required) {
    const index = table.header.indexOf(column);
    const published = new Set(table.rows.map((row) => row.fields[index] ?? ""));
    if (published.has(value)) continue;
    const suggestion = closestMatch(value, published);
    const listed = [...published].slice(0, 6).map((text) => `"${text}"`);
    if (published.size > listed.length) listed.push("…");
    problems.push({
      severity: "error",
      file: table.file,
      line: 1,
      column: headerColumn(table, index),
      field: column,
      message: `no rows with ${column} "${value}"`,
      expected: `rows whose ${column} is "${value}"`,
      found: `${published.size} other values`,
      hint: suggestion
        ? `the category may have been renamed to "${suggestion}": if so, update src/comparators/measures.ts`
        : `the published values are ${listed.join(", ")}`,
    });
  }
}

function placeKeysOf(
  row: CsvRow,
  geography: Record<(typeof GEOGRAPHY_COLUMNS)[number], number>,
): string[] {
  switch (row.fields[geography.geographic_level]) {
    case LEVELS.england:
      return [placeKeyOf({ level: "england" })];
    case LEVELS.region:
      return [placeKeyOf({ level: "region", name: row.fields[geography.region_name] ?? "" })];
    case LEVELS.council:
      return splitCodes(row.fields[geography.old_la_code] ?? "").map((code) =>
        placeKeyOf({ level: "council", code }),
      );
    default:
      return [];
  }
}

function placeKeyOf(place: Place): string {
  switch (place.level) {
    case "england":
      return "england";
    case "region":
      return `region:${place.name}`;
    case "council":
      return `council:${place.code}`;
  }
}

function rowKey(year: string, placeKey: string, category: string): string {
  return `${year}\u0000${placeKey}\u0000${category}`;
}

function splitCodes(text: string): string[] {
  return text
    .split(JOINT_CODE_SEPARATOR)
    .map((code) => code.trim())
    .filter((code) => code !== "");
}

function jointReturnNote(
  row: CsvRow,
  geography: Record<(typeof GEOGRAPHY_COLUMNS)[number], number>,
): string | undefined {
  const codes = row.fields[geography.old_la_code] ?? "";
  if (!codes.includes(JOINT_CODE_SEPARATOR)) return undefined;
  return `Published as one joint figure for ${row.fields[geography.la_name]} (${codes}).`;
}

function badYear(table: CsvTable, row: CsvRow, index: number): Problem {
  return {
    severity: "error",
    file: table.file,
    line: row.line,
    column: fieldColumn(row, index),
    field: "time_period",
    message: "badly formed year",
    expected: "a four-digit year, such as 2021",
    found: `text "${row.fields[index]}"`,
    hint: "check that the file is the published table",
  };
}

function duplicateRow(
  table: CsvTable,
  duplicate: CsvRow,
  first: CsvRow,
  measure: MeasureDefinition,
): Problem {
  return {
    severity: "error",
    file: table.file,
    line: duplicate.line,
    column: 1,
    field: `measure ${measure.id}`,
    message: "a second row for the same year and place",
    found: `line ${first.line} and line ${duplicate.line}`,
    hint: "keep one of the two rows; a table with both cannot say which figure is right",
  };
}
