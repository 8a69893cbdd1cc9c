import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { displayPath } from "../data/display-path.ts";
import type { Problem } from "../data/problems.ts";
import { readFiguresCsv } from "./csv-import.ts";
import { listMonthFiles, readCatalogueIn } from "./data-folder.ts";
import { applyRowsToMonth } from "./month-editor.ts";
import { draftNewMonth } from "./new-month.ts";

export interface ImportOptions {
  /** The month to import into; by default the latest month in the CSV's period column. */
  month?: string;
  /** Start the month file even when it does not follow an existing month. */
  force?: boolean;
}

export interface ImportResult {
  /** The month file written, when one was; nothing is written when there is any problem. */
  file?: string;
  month?: string;
  /** Set when the month file was started from the catalogue, as new-month does. */
  created: boolean;
  /** Set when the file could not be edited in place and was written whole from its data. */
  rewrittenWhole: boolean;
  rowsRead: number;
  figuresChanged: number;
  problems: Problem[];
}

/**
 * Imports a CSV of figures into its month's file in `directory`, starting the file as new-month
 * does when it does not exist yet. Every problem in the CSV is reported, and then nothing is
 * written.
 */
export function importFiguresCsv(
  csvPath: string,
  directory: string,
  options: ImportOptions = {},
): ImportResult {
  const result: ImportResult = {
    created: false,
    rewrittenWhole: false,
    rowsRead: 0,
    figuresChanged: 0,
    problems: [],
  };
  const fail = (problems: Problem[]) => ({ ...result, problems });
  const csvFile = displayPath(resolve(csvPath));
  const atStart = { severity: "error" as const, file: csvFile, line: 1, column: 1, field: "" };

  const { catalogue, problems: catalogueProblems } = readCatalogueIn(directory);
  if (!catalogue) return fail(catalogueProblems);
  if (!existsSync(csvPath))
    return fail([
      { ...atStart, message: "file not found", hint: "check the path of the CSV file" },
    ]);

  const text = readFileSync(csvPath, "utf8");
  if (text.includes("\uFFFD")) {
    return fail([
      {
        ...atStart,
        message: "the file is not UTF-8 text",
        hint: 'save it from the spreadsheet as "CSV UTF-8 (comma delimited)"',
      },
    ]);
  }
  const read = readFiguresCsv(csvFile, text, catalogue, options.month);
  result.rowsRead = read.rows.length;
  if (read.problems.length > 0 || !read.month) {
    if (read.problems.length === 0)
      return fail([{ ...atStart, message: "the file has no figures" }]);
    return fail(read.problems);
  }
  result.month = read.month;

  let file = listMonthFiles(directory).get(read.month);
  let monthText: string;
  if (file) {
    monthText = readFileSync(file, "utf8");
  } else {
    const draft = draftNewMonth(directory, catalogue, read.month, options.force ?? false);
    if ("rejection" in draft)
      return fail([{ ...atStart, message: `cannot start the month file: ${draft.rejection}` }]);
    file = draft.file;
    monthText = draft.text;
    result.created = true;
  }

  const edit = applyRowsToMonth(monthText, read.rows, csvFile);
  if (edit.text === undefined) return fail(edit.problems);
  // Write then rename, so that the month file is never left half written.
  const partial = `${file}.partial`;
  writeFileSync(partial, edit.text);
  renameSync(partial, file);
  return {
    ...result,
    file: displayPath(file),
    figuresChanged: edit.figuresChanged,
    rewrittenWhole: edit.rewrittenWhole,
  };
}
