/**
 * Checks the data files without building the site.
 *
 *   npm run validate                        check every file in the data folder
 *   npm run validate -- data/2021-01.yaml   check one month against the catalogue beside it
 *   SCORECARD_DATA=DIR npm run validate     check another data folder
 *
 * Prints every problem as file:line:column, errors first and then warnings, then a summary line.
 * Exits with status 1 when any file has an error; warnings alone exit with status 0.
 */
import { validateDataFiles } from "../src/analyst/validate-files.ts";
import { compareProblems, formatProblem } from "../src/data/problems.ts";
import { dataDirectory } from "../src/data/data-directory.ts";
import { countOf } from "./count-of.ts";
import { outputWritten } from "./output-written.ts";

const started = performance.now();
const paths = process.argv.slice(2);
const result = validateDataFiles(paths, dataDirectory());
const sorted = [...result.problems].sort(compareProblems);
const errors = sorted.filter((problem) => problem.severity === "error");
const warnings = sorted.filter((problem) => problem.severity === "warning");

for (const problem of [...errors, ...warnings]) console.error(formatProblem(problem));

const milliseconds = Math.round(performance.now() - started);
console.log(
  `${countOf(result.filesChecked, "file")} checked in ${milliseconds} ms: ` +
    `${countOf(errors.length, "error")}, ${countOf(warnings.length, "warning")}`,
);
await outputWritten();
process.exit(errors.length > 0 ? 1 : 0);
