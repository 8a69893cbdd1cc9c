/**
 * Measures the build of years of example data against a plain Astro site with the same pages.
 *
 *   npm run bench                 ten years of months
 *   npm run bench -- --years 2    two years
 *   npm run bench -- --rounds 5   time five cold builds of each site rather than three
 *   npm run bench -- --keep       keep the temporary folder and print where it is
 *
 * Prints progress to stderr, then a table and, as its last line, key=value pairs for scripts.
 * Everything is written in a temporary folder: dist/ and the caches in node_modules are never
 * touched, and each cold build starts with empty chart and parse caches. The cold builds alternate
 * between the two sites, and the median of each is reported: on a two-core virtual machine, single
 * cold builds of the same code differed by up to a quarter.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { addNewestMonth, prepareBenchData } from "./bench/bench-data.ts";
import {
  clearPlainBuild,
  clearScorecardBuild,
  medianByWallTime,
  roundRatios,
  type ColdRound,
} from "./bench/cold-rounds.ts";
import { measureSite, type SiteMeasurement } from "./bench/measure-site.ts";
import { writePlainSite } from "./bench/plain-site.ts";
import { formatKeyValues, formatTable } from "./bench/report.ts";
import { buildPlainSite, buildScorecard } from "./bench/site-builds.ts";
import { timeValidation } from "./bench/validation-timing.ts";

const USAGE = "usage: npm run bench -- [--years N] [--rounds N] [--keep]";

function readOptions(): { years: number; rounds: number; keep: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        years: { type: "string", default: "10" },
        rounds: { type: "string", default: "3" },
        keep: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    exitWithUsage(error instanceof Error ? error.message : String(error));
  }
  return {
    years: wholeNumberOption("--years", values.years, 1, 50),
    rounds: wholeNumberOption("--rounds", values.rounds, 1, 9),
    keep: values.keep ?? false,
  };
}

function wholeNumberOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    exitWithUsage(`invalid ${name} "${text}": expected a whole number from ${min} to ${max}`);
  }
  return value;
}

function exitWithUsage(message: string): never {
  console.error(`bench: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function progress(message: string): void {
  console.error(`bench: ${message}`);
}

const { years, rounds, keep } = readOptions();
const loadAtStart = loadavg()[0]!;
const projectRoot = resolve(".");
const scratch = mkdtempSync(join(tmpdir(), "scorecard-bench-"));
// Ctrl-C stops the build under way as well, and the exit handler still clears up.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    progress(`interrupted by ${signal}`);
    process.exit(130);
  });
}
process.once("exit", () => {
  if (keep) progress(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
});

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
const plainDirectory = join(scratch, "plain");
const coldRounds: ColdRound[] = [];
let sites: { scorecard: SiteMeasurement; plain: SiteMeasurement } | undefined;
for (let round = 1; round <= rounds; round++) {
  const ofRounds = rounds > 1 ? ` (round ${round} of ${rounds})` : "";
  clearScorecardBuild(folders);
  progress(`building the scorecard site, cold${ofRounds}`);
  const scorecard = await buildScorecard(projectRoot, folders);
  const scorecardSite = sites?.scorecard ?? measureSite(folders.out);
  if (sites === undefined) writePlainSite(plainDirectory, projectRoot, scorecardSite.files);
  else clearPlainBuild(plainDirectory);
  progress(`building the plain site of ${scorecardSite.pages} pages, cold${ofRounds}`);
  const plain = await buildPlainSite(plainDirectory);
  sites ??= { scorecard: scorecardSite, plain: measureSite(join(plainDirectory, "dist")) };
  coldRounds.push({ scorecard, plain });
}
// At least one round ran, so both sites were measured.
const { scorecard: scorecardSite, plain: plainSite } = sites!;

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
  coldRatios: roundRatios(coldRounds),
  scorecard: {
    cold: medianByWallTime(coldRounds.map((round) => round.scorecard)),
    warm: scorecardWarm,
    forced: scorecardForced,
    addMonth: scorecardAddMonth,
  },
  plain: { cold: medianByWallTime(coldRounds.map((round) => round.plain)), warm: plainWarm },
  scorecardSite,
  plainSite,
};
console.log(formatTable(results));
console.log(formatKeyValues(results));
