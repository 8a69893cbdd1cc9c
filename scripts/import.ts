/**
 * Imports a month's figures from a CSV file exported from a spreadsheet.
 *
 *   npm run import -- figures.csv                   import into the latest month in the file
 *   npm run import -- figures.csv --month 2021-01   import into a named month
 *   npm run import -- figures.csv --force           start a month that does not follow an existing one
 *
 * The columns and markers are described in docs/analysts.md. Every bad cell is listed with its
 * line and column, and then nothing is written. After writing, the month file is checked as
 * `npm run validate` checks it. Exits with status 1 when nothing was written.
 */
import { importFiguresCsv } from "../src/analyst/import-month.ts";
import { validateDataFiles } from "../src/analyst/validate-files.ts";
import { compareProblems, countErrors, formatProblem, type Problem } from "../src/data/problems.ts";
import { formatMonth } from "../src/model/period.ts";
import { dataDirectory } from "../src/data/data-directory.ts";
import { countOf } from "./count-of.ts";
import { outputWritten } from "./output-written.ts";

const usage = "usage: npm run import -- FILE.csv [--month YYYY-MM] [--force]";
const args = process.argv.slice(2);
const files: string[] = [];
let month: string | undefined;
let force = false;
for (let index = 0; index < args.length; index++) {
  const arg = args[index]!;
  if (arg === "--force") force = true;
  else if (arg === "--month") month = args[++index];
  else if (arg.startsWith("--month=")) month = arg.slice("--month=".length);
  else if (arg.startsWith("-")) exitWithUsage(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length !== 1)
  exitWithUsage(files.length === 0 ? "no CSV file given" : "give one CSV file");
if (args.includes("--month") && month === undefined)
  exitWithUsage("--month needs a month, as --month 2021-01");

const directory = dataDirectory();
const result = importFiguresCsv(files[0]!, directory, { ...(month ? { month } : {}), force });
if (!result.file) {
  printProblems(result.problems);
  const errors = countErrors(result.problems);
  console.error(`import: nothing written: ${countOf(errors, "error")} in ${files[0]}`);
  await outputWritten();
  process.exit(1);
}

const started = result.created ? " (started from the catalogue, as new-month does)" : "";
console.log(
  `import: ${countOf(result.rowsRead, "row")} read for ${formatMonth(result.month!)}; ` +
    `${countOf(result.figuresChanged, "figure")} changed in ${result.file}${started}`,
);
if (result.rewrittenWhole) {
  console.log(
    "import: the file could not be edited in place, so it was written whole: its content and " +
      "comments are kept, but long lines may be wrapped differently",
  );
}
const check = validateDataFiles([result.file], directory);
printProblems(check.problems);
const errors = countErrors(check.problems);
const warnings = check.problems.length - errors;
console.log(
  `check: ${countOf(errors, "error")}, ${countOf(warnings, "warning")} in ${result.file}` +
    (errors > 0 ? ": fix them, then run npm run validate" : ""),
);

function printProblems(problems: readonly Problem[]): void {
  const sorted = [...problems].sort(compareProblems);
  const errorsFirst = [
    ...sorted.filter((p) => p.severity === "error"),
    ...sorted.filter((p) => p.severity !== "error"),
  ];
  for (const problem of errorsFirst) console.error(formatProblem(problem));
}

function exitWithUsage(message: string): never {
  console.error(`import: ${message}\n${usage}`);
  process.exit(2);
}
