/**
 * Checks the data files without building the site.
 *
 *   npm run validate                   check every file in the data folder
 *   SCORECARD_DATA=DIR npm run validate   check another data folder
 *
 * Prints every problem as file:line:column, errors and warnings apart, then a summary line.
 * Exits with status 1 when any file has an error.
 */
import { loadDataset } from "../src/data/load.ts";
import { compareProblems, formatProblem } from "../src/data/problems.ts";
import { dataDirectory } from "../src/site/dataset.ts";

const started = performance.now();
const directory = dataDirectory();
const result = loadDataset(directory);
const sorted = [...result.problems].sort(compareProblems);
const errors = sorted.filter((problem) => problem.severity === "error");
const warnings = sorted.filter((problem) => problem.severity === "warning");

for (const problem of errors) console.error(formatProblem(problem));
for (const problem of warnings) console.error(formatProblem(problem));

const milliseconds = Math.round(performance.now() - started);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
console.log(
  `${plural(result.filesRead, "file")} checked in ${milliseconds} ms: ` +
    `${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`,
);
process.exit(errors.length > 0 ? 1 : 0);
