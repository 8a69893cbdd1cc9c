import { CsvError, parse } from "csv-parse/sync";
import { closestMatch } from "../data/closest-match.ts";
import { readObservation } from "../data/observations.ts";
import type { Problem } from "../data/problems.ts";
import { isMonth, lastMonthOf, periodKind } from "../model/period.ts";
import type { Catalogue, Indicator, SuppressionMarker } from "../model/types.ts";
import {
  readMarker,
  readMarkerCell,
  readNumberCell,
  unknownMarkerProblem,
  type CellProblem,
  type CellResult,
  type Marker,
  type NumberColumn,
} from "./csv-cells.ts";

export const CSV_COLUMNS = [
  "indicator",
  "period",
  "category",
  "value",
  "numerator",
  "denominator",
  "marker",
  "note",
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ["indicator", "period", "value"];

/** The category that marks a year-to-date indicator's figure for one month alone. */
export const IN_MONTH_CATEGORY = "in-month";

export type ImportedFigure =
  | { kind: "value"; value: number; numerator?: number; denominator?: number; revised: boolean }
  | { kind: "suppressed"; marker: SuppressionMarker };

/** One figure read from a CSV row, and where it goes in the month file. */
export interface ImportRow {
  /** The CSV line the row starts on, for messages. */
  line: number;
  indicator: Indicator;
  period: string;
  /** A breakdown category id; undefined for the indicator's own figure. */
  category?: string;
  /** Set for a year-to-date indicator's figure for one month alone, which goes in its series. */
  inMonth: boolean;
  figure: ImportedFigure;
  note?: string;
}

export interface CsvReadResult {
  rows: ImportRow[];
  problems: Problem[];
  /** The month imported: the --month option, else the latest month in the period column. */
  month?: string;
}

interface Cells {
  line: number;
  get(column: Column): string;
  report(column: Column, problem: CellProblem, indicator?: string): void;
}

/**
 * Reads a CSV file exported from a spreadsheet: a header row naming the columns, then one row
 * for each indicator, period and breakdown category. Every bad cell in the file is reported
 * with its line and column; rows are returned only for cells that could be read.
 */
export function readFiguresCsv(
  file: string,
  text: string,
  catalogue: Catalogue,
  requestedMonth?: string,
): CsvReadResult {
  const problems: Problem[] = [];
  const records = parseRecords(file, text, problems);
  if (!records) return { rows: [], problems };

  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  if (headerIndex < 0) {
    problems.push(
      lineProblem(
        file,
        1,
        "the file has no header row",
        `a first row naming the columns ${CSV_COLUMNS.join(", ")}`,
      ),
    );
    return { rows: [], problems };
  }
  const header = records[headerIndex]!;
  const columns = readHeader(file, header.line, header.cells, problems);
  if (!columns) return { rows: [], problems };

  const indicatorsById = new Map(
    catalogue.indicators.map((indicator) => [indicator.id, indicator]),
  );
  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.cells)) continue;
    if (record.cells.length !== header.cells.length) {
      problems.push(
        lineProblem(
          file,
          record.line,
          `the row has ${cellCount(record.cells.length)} but the header has ${header.cells.length}`,
          cellCount(header.cells.length),
          "check for a comma inside a cell that is not in quotes",
        ),
      );
      continue;
    }
    const cells = cellsOf(file, record.line, record.cells, columns, problems);
    const row = readRow(cells, indicatorsById);
    if (!row) continue;
    const key = `${row.indicator.id}|${row.period}|${row.category ?? ""}|${row.inMonth}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      cells.report(
        "indicator",
        {
          message: "the same figure is given twice",
          found: `${row.indicator.id}, ${row.period}${row.category ? `, ${row.category}` : ""}`,
          hint: `line ${first} gives it already; keep one of the two rows`,
        },
        row.indicator.id,
      );
      continue;
    }
    firstLineOf.set(key, record.line);
    rows.push(row);
  }

  const month = chooseMonth(file, rows, requestedMonth, problems);
  if (month) checkPeriods(file, rows, month, columns, problems);
  return { rows, problems, ...(month ? { month } : {}) };
}

interface CsvRecord {
  line: number;
  cells: string[];
}

function parseRecords(file: string, text: string, problems: Problem[]): CsvRecord[] | undefined {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      bom: true,
      raw: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    problems.push(
      lineProblem(
        file,
        line,
        `invalid CSV: ${error.message}`,
        undefined,
        "a cell that starts with a quote must end with one",
      ),
    );
    return undefined;
  }
  // csv-parse gives each record's raw text with the first character of its line end, so counting
  // line breaks in it gives the line the next record starts on, even after a cell with a line break.
  let line = 1;
  return parsed.map(({ record, raw }) => {
    const start = line;
    line += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    return { line: start, cells: record.map((cell) => cell.trim()) };
  });
}

function readHeader(
  file: string,
  line: number,
  cells: string[],
  problems: Problem[],
): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  const before = problems.length;
  cells.forEach((cell, index) => {
    const name = cell.toLowerCase();
    const column = CSV_COLUMNS.find((known) => known === name);
    const at = { file, line, column: index + 1, field: `header, column ${columnLetter(index)}` };
    if (!column) {
      const suggestion = closestMatch(name, CSV_COLUMNS);
      problems.push({
        severity: "error",
        ...at,
        message: "unknown column",
        found: `"${cell}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `the columns are ${CSV_COLUMNS.join(", ")}`,
      });
    } else if (columns.has(column)) {
      problems.push({
        severity: "error",
        ...at,
        message: `the column "${column}" is given twice`,
        hint: "delete one of them",
      });
    } else {
      columns.set(column, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) {
      problems.push(
        lineProblem(
          file,
          line,
          `missing column "${column}"`,
          `the columns ${CSV_COLUMNS.join(", ")}`,
        ),
      );
    }
  }
  return problems.length === before ? columns : undefined;
}

function cellsOf(
  file: string,
  line: number,
  record: string[],
  columns: Map<Column, number>,
  problems: Problem[],
): Cells {
  return {
    line,
    get: (column) => {
      const index = columns.get(column);
      return index === undefined ? "" : record[index]!;
    },
    report: (column, problem, indicator) => {
      const index = columns.get(column) ?? 0;
      const subject = indicator ? `indicator ${indicator}, ` : "";
      problems.push({
        severity: "error",
        file,
        line,
        column: index + 1,
        field: `${subject}${column} (column ${columnLetter(index)})`,
        ...problem,
      });
    },
  };
}

/** Reads one row, reporting every bad cell in it. Returns undefined when any cell is bad. */
function readRow(
  cells: Cells,
  indicatorsById: ReadonlyMap<string, Indicator>,
): ImportRow | undefined {
  const id = cells.get("indicator");
  const indicator = indicatorsById.get(id);
  const period = cells.get("period");
  if (!indicator) {
    // The other cells depend on the indicator's unit and breakdown; only the period can be checked.
    if (!periodKind(period)) cells.report("period", describeBadPeriod(period));
    const suggestion = id ? closestMatch(id, indicatorsById.keys()) : undefined;
    cells.report("indicator", {
      message: id ? `unknown indicator "${id}"` : "no indicator given",
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : "write an indicator id from the catalogue",
    });
    return undefined;
  }
  let good = true;
  const report = (column: Column, problem: CellProblem) => {
    cells.report(column, problem, indicator.id);
    good = false;
  };

  if (!periodKind(period)) report("period", describeBadPeriod(period));

  const { category, inMonth } = readCategory(cells.get("category"), indicator, report);
  const figure = readFigure(cells, indicator, report);
  const note = cells.get("note");
  if (!good || !figure) return undefined;
  const row: ImportRow = { line: cells.line, indicator, period, inMonth, figure };
  if (category !== undefined) row.category = category;
  if (note !== "") row.note = note;
  return row;
}

function describeBadPeriod(period: string): CellProblem {
  if (period === "") {
    return { message: "no period given", expected: "a month written YYYY-MM, such as 2021-01" };
  }
  return {
    message: "invalid period",
    expected: "a month (2021-01), a financial quarter (2020/21 Q3) or a financial year (2020/21)",
    found: `"${period}"`,
    hint: "a spreadsheet may turn 2021-01 into a date: format the period column as text, then type the period again",
  };
}

function readCategory(
  text: string,
  indicator: Indicator,
  report: (column: Column, problem: CellProblem) => void,
): { category?: string; inMonth: boolean } {
  if (text === "") return { inMonth: false };
  if (text.toLowerCase() === IN_MONTH_CATEGORY && indicator.cadence === "year-to-date") {
    return { inMonth: true };
  }
  const categories = indicator.breakdown?.categories ?? [];
  // A category may be named by its id or by its label exactly as the catalogue gives it.
  const lower = text.toLowerCase();
  const category = categories.find(
    (known) => known.id === text || known.label.toLowerCase() === lower,
  );
  if (category) return { category: category.id, inMonth: false };

  if (categories.length === 0) {
    const inMonth =
      indicator.cadence === "year-to-date"
        ? `; write ${IN_MONTH_CATEGORY} for one month's own figure`
        : "";
    report("category", {
      message: `${indicator.id} has no breakdown`,
      found: `"${text}"`,
      hint: `leave the category empty for the indicator's own figure${inMonth}`,
    });
  } else {
    const suggestion = closestMatch(
      text,
      categories.map((known) => known.id),
    );
    report("category", {
      message: `unknown ${indicator.breakdown!.label} "${text}"`,
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : `the categories are ${categories.map((known) => known.id).join(", ")}`,
    });
  }
  return { inMonth: false };
}

/**
 * Reads the figure of a row from its value, numerator, denominator and marker cells. A marker may
 * stand in the marker column or in the value cell; a revised value may be written "123 [r]".
 */
function readFigure(
  cells: Cells,
  indicator: Indicator,
  report: (column: Column, problem: CellProblem) => void,
): ImportedFigure | undefined {
  let valueText = cells.get("value");
  let valueMarker = readMarker(valueText);
  const revisedValue = /^(.*\S)\s*\[r\]$/i.exec(valueText);
  // Text in square brackets is meant as a marker, so it is named as one rather than as a number.
  const unknownMarker = /\[[^\]]*\]$/.exec(valueText)?.[0];
  if (valueMarker) {
    valueText = "";
  } else if (revisedValue) {
    valueText = revisedValue[1]!;
    valueMarker = "r";
  } else if (unknownMarker) {
    report("value", unknownMarkerProblem(unknownMarker));
  }

  const markerCell = readMarkerCell(cells.get("marker"));
  if (!markerCell.ok) report("marker", markerCell.problem);
  const columnMarker = markerCell.ok ? markerCell.value : undefined;
  if (valueMarker && columnMarker && valueMarker !== columnMarker) {
    report("marker", {
      message: "two different markers for one figure",
      found: `[${valueMarker}] in the value column and [${columnMarker}] in the marker column`,
      hint: "keep the one that applies",
    });
    return undefined;
  }
  const marker: Marker | undefined = valueMarker ?? columnMarker;

  const numbers = (["value", "numerator", "denominator"] as const).map((column) => {
    if (column === "value" && unknownMarker && !valueMarker) return undefined;
    const text = column === "value" ? valueText : cells.get(column);
    const result: CellResult<number | undefined> = readNumberCell(text, column, indicator);
    if (!result.ok) report(column, result.problem);
    return result.ok ? result.value : undefined;
  });
  const [value, numerator, denominator] = numbers;
  if (indicator.unit !== "percent") {
    for (const column of ["numerator", "denominator"] as const) {
      if (cells.get(column) === "") continue;
      report(column, {
        message: `a ${indicator.unit} has no ${column}`,
        found: `"${cells.get(column)}"`,
        hint: 'check for a number with a comma that is not in quotes: 1,234 is written "1,234" in a CSV file',
      });
    }
  }

  if (marker && marker !== "r") {
    const withheld = {
      value: valueText,
      numerator: cells.get("numerator"),
      denominator: cells.get("denominator"),
    };
    for (const column of ["value", "numerator", "denominator"] as const) {
      if (withheld[column] !== "") {
        report(column, {
          message: `a suppressed figure [${marker}] has no ${column}`,
          found: `"${withheld[column]}"`,
          hint: `give the figure or the marker [${marker}], not both`,
        });
      }
    }
    return { kind: "suppressed", marker };
  }
  if (value === undefined) {
    if (valueText === "") {
      report("value", {
        message:
          marker === "r" ? "a revised figure [r] needs its value" : "no figure and no marker",
        expected: "a number, or a marker such as [x] for a figure not available",
        hint: "an empty cell is never read as 0: write 0 when the figure is zero",
      });
    }
    return undefined;
  }

  let good = true;
  readObservation(
    {
      value,
      ...(numerator !== undefined ? { numerator } : {}),
      ...(denominator !== undefined ? { denominator } : {}),
    },
    indicator,
    [],
    (path, problem) => {
      const last = path[path.length - 1];
      const column: NumberColumn = last === "numerator" || last === "denominator" ? last : "value";
      const { severity: _severity, atKey: _atKey, ...details } = problem;
      report(column, details);
      good = false;
    },
  );
  if (!good) return undefined;
  const figure: ImportedFigure = { kind: "value", value, revised: marker === "r" };
  if (numerator !== undefined) figure.numerator = numerator;
  if (denominator !== undefined) figure.denominator = denominator;
  return figure;
}

function chooseMonth(
  file: string,
  rows: readonly ImportRow[],
  requestedMonth: string | undefined,
  problems: Problem[],
): string | undefined {
  if (requestedMonth !== undefined) {
    if (isMonth(requestedMonth)) return requestedMonth;
    problems.push(
      lineProblem(
        file,
        1,
        `invalid --month "${requestedMonth}"`,
        "a month written YYYY-MM, such as 2021-01",
      ),
    );
    return undefined;
  }
  const months = rows
    .map((row) => row.period)
    .filter(isMonth)
    .sort();
  const latest = months[months.length - 1];
  if (!latest && rows.length > 0) {
    problems.push(
      lineProblem(
        file,
        1,
        "no row is for a month, so the month to import is unknown",
        undefined,
        "give the month as --month YYYY-MM",
      ),
    );
  }
  return latest;
}

/** Checks each row's period against the month imported, now that the month is known. */
function checkPeriods(
  file: string,
  rows: ImportRow[],
  month: string,
  columns: Map<Column, number>,
  problems: Problem[],
): void {
  const report = (row: ImportRow, column: Column, problem: CellProblem) => {
    const index = columns.get(column) ?? 0;
    problems.push({
      severity: "error",
      file,
      line: row.line,
      column: index + 1,
      field: `indicator ${row.indicator.id}, ${column} (column ${columnLetter(index)})`,
      ...problem,
    });
  };
  for (const row of rows) {
    if (lastMonthOf(row.period) > month) {
      report(row, "period", {
        message: "period ends after the month being imported",
        expected: `a period ending in ${month} or earlier`,
        found: `"${row.period}"`,
        hint: "import each month's figures into that month's file; give --month when the file holds a later month",
      });
    } else if (row.period !== month && row.category !== undefined) {
      report(row, "category", {
        message: "a breakdown is kept only for the month being imported",
        expected: `period ${month}, or an empty category`,
        found: `period ${row.period} with category "${row.category}"`,
        hint: "earlier periods are kept in the series, which has no breakdown",
      });
    }
  }
}

function lineProblem(
  file: string,
  line: number,
  message: string,
  expected?: string,
  hint?: string,
): Problem {
  const problem: Problem = { severity: "error", file, line, column: 1, field: "", message };
  if (expected) problem.expected = expected;
  if (hint) problem.hint = hint;
  return problem;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === "");
}

/** Returns a spreadsheet column letter for a 0-based index: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let number = index + 1; number > 0; number = Math.floor((number - 1) / 26)) {
    letters = String.fromCharCode(65 + ((number - 1) % 26)) + letters;
  }
  return letters;
}

function cellCount(count: number): string {
  return `${count} ${count === 1 ? "cell" : "cells"}`;
}
