/**
 * Measures the build of years of example data against a plain Astro site with the same pages.
 *
 *   npm run bench                 ten years of months
 *   npm run bench -- --years 2    two years
 *   npm run bench -- --keep       keep the temporary folder and print where it is
 *
 * Prints progress to stderr, then a table and, as its last line, key=value pairs for scripts.
 * Everything is written in a temporary folder: dist/ and the caches in node_modules are never
 * touched, and each cold build starts with empty chart and parse caches.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { addNewestMonth, prepareBenchData } from "./bench/bench-data.ts";
import { measureSite } from "./bench/measure-site.ts";
import { writePlainSite } from "./bench/plain-site.ts";
import { formatKeyValues, formatTable } from "./bench/report.ts";
import { buildPlainSite, buildScorecard } from "./bench/site-builds.ts";
import { timeValidation } from "./bench/validation-timing.ts";

const USAGE = "usage: npm run bench -- [--years N] [--keep]";

function readOptions(): { years: number; keep: boolean } {
  const { values } = parseArgs({
    options: { years: { type: "string", default: "10" }, keep: { type: "boolean" } },
    strict: true,
  });
  const years = Number(values.years);
  if (!/^\d+$/.test(values.years) || years < 1 || years > 50) {
    console.error(`bench: invalid --years "${values.years}": expected a whole number from 1 to 50`);
    console.error(USAGE);
    process.exit(2);
  }
  return { years, keep: values.keep ?? false };
}

function progress(message: string): void {
  console.error(`bench: ${message}`);
}

const { years, keep } = readOptions();
const loadAtStart = loadavg()[0]!;
const projectRoot = resolve(".");
const scratch = mkdtempSync(join(tmpdir(), "scorecard-bench-"));

try {
  progress(`generating ${years * 12 + 1} months of example data in ${scratch}`);
  const data = prepareBenchData(projectRoot, scratch, years * 12);

  progress("timing validation of every month file");
  const validation = timeValidation(data.directory, scratch);

  const folders = {
    data: data.directory,
    out: join(scratch, "site"),
    chartCache: join(scratch, "chart-cache"),
    parseCache: join(scratch, "parse-cache"),
  };
  progress("building the scorecard site, cold");
  const scorecardCold = await buildScorecard(projectRoot, folders);
  const scorecardSite = measureSite(folders.out);

  const plainDirectory = join(scratch, "plain");
  writePlainSite(plainDirectory, projectRoot, scorecardSite.files);
  progress(`building the plain site of ${scorecardSite.pages} pages, cold`);
  const plainCold = await buildPlainSite(plainDirectory);
  const plainSite = measureSite(join(plainDirectory, "dist"));

  progress("building the scorecard site again, nothing changed");
  const scorecardWarm = await buildScorecard(projectRoot, folders);
  progress("building the scorecard site again with --force, nothing changed");
  const scorecardForced = await buildScorecard(projectRoot, folders, ["--force"]);
  progress("building the plain site again, nothing changed");
  const plainWarm = await buildPlainSite(plainDirectory);

  progress("building the scorecard site after adding one month");
  addNewestMonth(data);
  const scorecardAddMonth = await buildScorecard(projectRoot, folders);

  const results = {
    years,
    months: data.months,
    cores: availableParallelism(),
    validation,
    loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    scorecard: {
      cold: scorecardCold,
      warm: scorecardWarm,
      forced: scorecardForced,
      addMonth: scorecardAddMonth,
    },
    plain: { cold: plainCold, warm: plainWarm },
    scorecardSite,
    plainSite,
  };
  console.log(formatTable(results));
  console.log(formatKeyValues(results));
} finally {
  if (keep) progress(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
