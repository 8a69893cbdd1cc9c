/**
 * Starts the data file for a new month.
 *
 *   npm run new-month -- 2021-01         write data/2021-01.yaml
 *   npm run new-month -- 2021-03 --force  start a month that does not follow an existing one
 *   SCORECARD_DATA=DIR npm run new-month -- 2021-01   write into another data folder
 *
 * Every catalogue indicator is written with empty fields to fill in, last month's figures beside
 * them as comments. An existing month is never overwritten. Exits with status 1 when nothing was
 * written.
 */
import { startNewMonth } from "../src/analyst/new-month.ts";
import { formatProblem } from "../src/data/problems.ts";
import { formatMonth } from "../src/model/period.ts";
import { dataDirectory } from "../src/data/data-directory.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--force");
const periods = args.filter((arg) => !arg.startsWith("-"));

if (unknown.length > 0 || periods.length !== 1) {
  console.error("usage: npm run new-month -- YYYY-MM [--force]");
  if (unknown.length > 0) console.error(`unknown option ${unknown.join(", ")}`);
  process.exit(2);
}

const result = startNewMonth(dataDirectory(), periods[0]!, force);
for (const problem of result.problems) console.error(formatProblem(problem));
if (!result.file) {
  console.error(`new-month: nothing written: ${result.rejection}`);
  // npm keeps an option before "--" for itself, so "npm run new-month 2021-03 --force" never
  // passes --force on.
  if (!force && result.rejection?.includes("--force")) {
    console.error(`  hint: npm run new-month -- ${periods[0]} --force`);
  }
  process.exit(1);
}
const compared = result.comparedWith
  ? `; ${formatMonth(result.comparedWith)}'s figures are shown in comments`
  : "";
console.log(`new-month: wrote ${result.file}${compared}`);
console.log(`next: fill it in (npm run import -- FILE.csv), then npm run validate`);
