/**
 * Writes a fictional council's data folder for building and testing the site: a council file,
 * a catalogue and years of month files, the same bytes for the same options.
 *
 *   npm run example-data -- --out DIR [--months N] [--start YYYY-MM] [--seed TEXT]
 *   SCORECARD_DATA=DIR npm run validate    then checks what was written
 */
import { parseArgs } from "node:util";
import {
  DEFAULT_OPTIONS,
  generateExampleData,
  type ExampleDataOptions,
} from "../src/example/generate.ts";
import { describeScenario } from "../src/example/scenario.ts";
import { OutputFolderError, writeExampleFiles } from "../src/example/output-folder.ts";

const MAXIMUM_MONTHS = 600;
// Keeps every generated month and date within the four-digit years that periods are written in.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

const USAGE = `usage: npm run example-data -- --out DIR [--months N] [--start YYYY-MM] [--seed TEXT]

  --out DIR        folder to write to: new, empty, or written by this command before
  --months N       months in the range, 1 to ${MAXIMUM_MONTHS} (default ${DEFAULT_OPTIONS.months})
  --start YYYY-MM  first month of the range (default ${DEFAULT_OPTIONS.start})
  --seed TEXT      seed of the random numbers; the same seed gives the same files (default ${DEFAULT_OPTIONS.seed})`;

function fail(message: string): never {
  console.error(`example-data: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readOptions(): { out: string; options: ExampleDataOptions } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: "string" },
        months: { type: "string" },
        start: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.out === undefined || values.out === "") fail("missing --out DIR");

  const monthsText = values.months ?? String(DEFAULT_OPTIONS.months);
  const months = Number(monthsText);
  if (!/^\d+$/.test(monthsText) || months < 1 || months > MAXIMUM_MONTHS) {
    fail(`invalid --months "${monthsText}": expected a whole number from 1 to ${MAXIMUM_MONTHS}`);
  }
  const start = values.start ?? DEFAULT_OPTIONS.start;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(start)) {
    fail(`invalid --start "${start}": expected a month as YYYY-MM, for example 2019-04`);
  }
  const startYear = Number(start.slice(0, 4));
  if (startYear < FIRST_YEAR || startYear > LAST_YEAR) {
    fail(`invalid --start "${start}": expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  const seed = values.seed ?? DEFAULT_OPTIONS.seed;
  if (seed === "") fail("invalid --seed: expected some text");
  return { out: values.out, options: { start, months, seed } };
}

const { out, options } = readOptions();
const data = generateExampleData(options);
try {
  writeExampleFiles(out, data.files);
} catch (error) {
  if (!(error instanceof OutputFolderError)) throw error;
  fail(`invalid --out: ${error.message}`);
}

const monthFiles = data.files.length - 2;
console.log(`wrote council.yaml, catalogue.yaml and ${monthFiles} month files to ${out}`);
for (const line of describeScenario(data.scenario)) console.log(`  ${line}`);
if (data.genericIndicators.length > 0) {
  console.warn(
    `  no example model for ${data.genericIndicators.join(", ")}: generic figures were written; ` +
      "add a model in src/example/indicator-models.ts",
  );
}
