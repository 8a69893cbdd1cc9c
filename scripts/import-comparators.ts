/**
 * Imports comparators from the Department for Education's published tables into the data folder.
 *
 *   npm run import-comparators -- DIR               the council in data/council.yaml
 *   npm run import-comparators -- DIR --code 882    another council, by its old_la_code
 *   npm run import-comparators -- DIR --out FILE    write somewhere other than data/comparators.json
 *   SCORECARD_DATA=FOLDER npm run import-comparators -- DIR   use another data folder
 *
 * DIR contains the published CSV tables. Every problem is printed as file:line:column; on any error
 * the command exits with status 1 and writes nothing.
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildComparators } from "../src/comparators/build.ts";
import { readConfiguredCode } from "../src/comparators/configured-code.ts";
import { displayPath } from "../src/data/display-path.ts";
import { COMPARATORS_FILE, parseComparators } from "../src/comparators/read.ts";
import { formatComparators, writeComparatorsFile } from "../src/comparators/write.ts";
import { compareProblems, countErrors, formatProblem, type Problem } from "../src/data/problems.ts";
import { dataDirectory } from "../src/data/data-directory.ts";

const USAGE = "usage: npm run import-comparators -- DIR [--code NNN] [--out FILE]";

function fail(problems: readonly Problem[], summary: string): never {
  for (const problem of [...problems].sort(compareProblems)) console.error(formatProblem(problem));
  console.error(summary);
  process.exit(1);
}

const started = performance.now();
let options: { values: { code?: string; out?: string; help?: boolean }; positionals: string[] };
try {
  options = parseArgs({
    allowPositionals: true,
    options: {
      code: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}
if (options.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (options.positionals.length !== 1) {
  console.error(
    `expected one folder of published tables, found ${options.positionals.length}\n${USAGE}`,
  );
  process.exit(2);
}

const { code, out } = options.values;
if (code !== undefined && !/^[0-9]{3}$/.test(code)) {
  console.error(
    `invalid --code "${code}": expected a three-digit old_la_code, such as 873\n${USAGE}`,
  );
  process.exit(2);
}
const tablesDirectory = resolve(options.positionals[0]!);
const directory = dataDirectory();
const outFile = resolve(out ?? join(directory, COMPARATORS_FILE));

const configured = readConfiguredCode(directory, code);
if (code !== undefined && out === undefined && configured.configuredCode !== code) {
  console.error(
    `--code ${code} differs from the code in council.yaml (${configured.configuredCode ?? "none"}), ` +
      `so the site would reject ${displayPath(outFile)}: pass --out FILE, or change the code in council.yaml`,
  );
  process.exit(2);
}
if (!configured.origin)
  fail(configured.problems, "import stopped: no council code; nothing was written");

const result = buildComparators({
  tablesDirectory,
  origin: configured.origin,
  display: displayPath,
});
const problems = [...configured.problems, ...result.problems];
if (!result.comparators || countErrors(problems) > 0) {
  const errors = countErrors(problems);
  fail(problems, `import stopped: ${errors} error${errors === 1 ? "" : "s"}; nothing was written`);
}

// Check the output as the site will read it, so that a file the site would reject is never written.
const text = formatComparators(result.comparators);
const check = parseComparators(text, displayPath(outFile), configured.context);
if (countErrors(check.problems) > 0) {
  fail(
    check.problems,
    "import stopped: the comparators made do not pass their own checks; nothing was written",
  );
}
writeComparatorsFile(outFile, text);

for (const problem of [...problems].sort(compareProblems)) console.error(formatProblem(problem));
const { council, measures } = result.comparators;
const years = measures.reduce((total, measure) => total + measure.years.length, 0);
const kilobytes = (Buffer.byteLength(text) / 1024).toFixed(1);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `comparators: ${measures.length} measures, ${years} measure-years for ${council.name} (${council.code}) ` +
    `written to ${displayPath(outFile)} (${kilobytes} KB) in ${seconds} s`,
);
