import { readFileSync } from "node:fs";
import { CsvError, parse } from "csv-parse/sync";
import type { Problem } from "../data/problems.ts";

/** One data row of a CSV table, with where it came from so that problems can point at it. */
export interface CsvRow {
  /** 1-based line of the row in the file. */
  line: number;
  /** The row's text as written, used to find the character column of a field. */
  raw: string;
  fields: string[];
}

export interface CsvTable {
  /** The file as shown in messages. */
  file: string;
  /** The file's own name, without its folder. */
  name: string;
  header: string[];
  /** The header row as written, for locating a heading. */
  headerRaw: string;
  rows: CsvRow[];
}

export interface CsvReadResult {
  table?: CsvTable;
  problems: Problem[];
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Reads a CSV file in the published layout: a header row, comma-separated fields, double quotes
 * around fields that contain commas, and sometimes a byte-order mark before the first header.
 */
export function readCsvTable(path: string, file: string): CsvReadResult {
  const name = path.split(/[\\/]/).pop() ?? path;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { problems: [readProblem(file, name, error)] };
  }
  return parseCsvTable(text, file, name);
}

/** Parses CSV text. `file` names the text in messages and `name` is its own file name. */
export function parseCsvTable(text: string, file: string, name: string): CsvReadResult {
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === "number" && error.lines > 0 ? error.lines : 1;
      return {
        problems: [
          fileProblem(
            file,
            line,
            1,
            `invalid CSV: ${error.message}`,
            "check the quotes and the number of fields on this line",
          ),
        ],
      };
    }
    throw error;
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) {
    return {
      problems: [fileProblem(file, 1, 1, "empty table", "expected a header row and data rows")],
    };
  }
  const header = headerRecord.record;
  const rows = dataRecords.map((entry) => ({
    line: entry.info.lines,
    raw: entry.raw,
    fields: entry.record,
  }));
  return { table: { file, name, header, headerRaw: headerRecord.raw, rows }, problems: [] };
}

/**
 * Returns the 1-based character column where field `index` of a row starts. The parsed fields and
 * the raw text together give each field's written width, quotes and doubled quotes included.
 */
export function fieldColumn(row: Pick<CsvRow, "raw" | "fields">, index: number): number {
  let offset = 0;
  for (let position = 0; position < index && position < row.fields.length; position++) {
    const field = row.fields[position]!;
    const quoted = row.raw[offset] === '"';
    const width = quoted ? field.length + 2 + countQuotes(field) : field.length;
    offset += width + 1;
  }
  return offset + 1;
}

/** Returns the 1-based character column of a heading in the header row. */
export function headerColumn(table: Pick<CsvTable, "header" | "headerRaw">, index: number): number {
  return fieldColumn({ raw: table.headerRaw, fields: table.header }, index);
}

function countQuotes(text: string): number {
  let count = 0;
  for (const character of text) if (character === '"') count++;
  return count;
}

function fileProblem(
  file: string,
  line: number,
  column: number,
  message: string,
  hint: string,
): Problem {
  return { severity: "error", file, line, column, field: "", message, hint };
}

function readProblem(file: string, name: string, error: unknown): Problem {
  if ((error as { code?: string }).code === "ENOENT") {
    return fileProblem(
      file,
      1,
      1,
      "table not found",
      `the folder given to the importer must contain ${name}, as published`,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return fileProblem(
    file,
    1,
    1,
    `cannot read the table: ${reason}`,
    "check the file's permissions",
  );
}
