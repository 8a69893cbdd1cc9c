/**
 * Builds the site: checks every data file, then runs Astro into a fresh folder and only then
 * replaces dist/, so a failed build never leaves a half-written site behind. Run it through
 * scripts/build.mjs, which compiles it.
 *
 * A record beside the output folder (.dist.build-record.json for dist/) stores fingerprints of
 * the last build's inputs and output. When neither has changed since, the build checks the data
 * and leaves the output folder as it is, without running Astro.
 *
 *   npm run build                      build from data/
 *   npm run build -- --force           run Astro even when nothing has changed
 *   SCORECARD_DATA=DIR npm run build   build from another data folder
 *   SCORECARD_OUT=DIR npm run build    write the site to another folder than dist/
 *   SCORECARD_BASE=/path/ npm run build   serve the site below a sub-path
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { compareProblems, countErrors, formatProblem } from "../src/data/problems.ts";
import { dataDirectory } from "../src/data/data-directory.ts";
import type { Dataset, LoadResult } from "../src/data/load.ts";
import { expectDataset, rememberDataset } from "../src/site/dataset.ts";
import {
  closeChartHandOver,
  drawUnsentCharts,
  openChartHandOver,
} from "../src/charts/chart-hand-over.ts";
import { readBuildOptions } from "./build/build-options.ts";
import { removeAstroScratchFolder, removeEmptyContentModules } from "./build/astro-leftovers.ts";
import { takeProjectLock } from "./build/project-lock.ts";
import { buildRecordPath, readBuildRecord, saveBuildRecord } from "./build/build-record.ts";
import { fillChartPlaceholdersInFolder } from "./build/fill-chart-placeholders.ts";
import { fingerprintInputs } from "./build/input-fingerprint.ts";
import { fingerprintOutput } from "./build/output-fingerprint.ts";
import { startBuildWorker } from "./build/start-build-worker.ts";
import { cacheInsideOutput, outputOverlap, unbuiltOutputFolder } from "./build/output-overlap.ts";
import { chartCacheDirectory } from "../src/charts/chart-cache.ts";
import { parseCacheDirectory } from "../src/data/parse-cache.ts";
import { markEveryChartDrawn } from "./build/every-chart-drawn.ts";
import { outputWritten } from "./output-written.ts";

const options = await readBuildOptions();

process.env.ASTRO_TELEMETRY_DISABLED = "1";
// Astro 5 lets an environment variable of the same name override an import.meta.env value, so an
// inherited BASE_URL (vitest sets one, and so may a CI system) would move every link off the
// base set by SCORECARD_BASE. The base comes from astro.config.mjs alone.
for (const name of ["BASE_URL", "SITE", "ASSETS_PREFIX", "MODE", "DEV", "PROD", "SSR"]) {
  delete process.env[name];
}

const started = performance.now();
const directory = dataDirectory();
// An empty setting, as `SCORECARD_OUT= npm run build` gives, counts as no setting.
const outDir = resolve(process.env.SCORECARD_OUT || "dist");
const stagingDir = `${outDir}.partial`;
const overlap = outputOverlap(outDir, directory);
if (overlap) {
  console.error(
    `build stopped: the output folder ${outDir} ${overlap}, and a build replaces the whole output folder\n` +
      "  hint: set SCORECARD_OUT to a folder of its own, such as dist",
  );
  process.exit(2);
}
const caches = [
  ["SCORECARD_CHART_CACHE", chartCacheDirectory()],
  ["SCORECARD_CACHE", parseCacheDirectory()],
] as const;
for (const [setting, cacheDirectory] of caches) {
  const inside = cacheDirectory && cacheInsideOutput(outDir, cacheDirectory);
  if (inside) {
    console.error(
      `build stopped: the cache folder ${cacheDirectory} ${inside}, which a build replaces whole\n` +
        `  hint: set ${setting} to a folder outside ${outDir}, or to off`,
    );
    process.exit(2);
  }
}
// Builds of one project share Astro's scratch folder .astro/, and builds into one folder share its
// staging folder, so a build waits for any other build of the project to finish.
const lockPath = resolve("node_modules", ".cache", "scorecard-build", "build.lock");
await takeProjectLock(lockPath, (holder) =>
  console.error(
    `waiting for another build of this project (process ${holder}) to finish. ` +
      `If no build is running, delete ${lockPath}`,
  ),
);
const recordPath = buildRecordPath(outDir);
const unbuilt = unbuiltOutputFolder(outDir, recordPath);
if (unbuilt) {
  console.error(
    `build stopped: the output folder ${outDir} ${unbuilt}, and a build replaces the whole output folder\n` +
      `  hint: set SCORECARD_OUT to a new or empty folder, or delete ${outDir} first if it contains an old build`,
  );
  process.exit(2);
}

// The inputs are hashed before the data check and Astro read anything. A file changed during the
// build then leaves a record that no longer matches, and the next build runs Astro again.
// NOTE: scripts/build.mjs compiled this script and the loader a fraction of a second earlier, so
// an edit to them in between is recorded but not used. `npm run build -- --force` recovers.
let inputs: string | undefined;
let inputsUnknown: string | undefined;
try {
  inputs = fingerprintInputs({
    projectRoot: resolve("."),
    dataDirectory: directory,
    outDir,
    environment: process.env,
    nodeVersion: process.version,
  });
} catch (error) {
  inputsUnknown = error instanceof Error ? error.message : String(error);
}

// A build interrupted earlier may have left its staging folder and Astro's scratch folder, and
// neither is ever published.
rmSync(stagingDir, { recursive: true, force: true });
removeAstroScratchFolder(resolve("."), stagingDir);
// The worker checks the data, then draws the charts while Astro renders the pages (see
// chart-hand-over.ts). scripts/build.mjs compiles the worker's code into this file's folder.
const chartsFromWorker = new Map<string, string>();
const worker = startBuildWorker(
  directory,
  new URL("./build-worker.mjs", import.meta.url),
  (charts) => {
    for (const [key, svg] of charts) chartsFromWorker.set(key, svg);
  },
);
// Hashing the output folder (about 0.1 s for ten years of months) overlaps the data check.
const record = options.force || inputs === undefined ? undefined : readBuildRecord(recordPath);
const alreadyBuilt =
  record !== undefined && record.inputs === inputs && fingerprintOutput(outDir) === record.output;
// Astro takes a second or two to load, so it loads while the worker checks the data, unless the
// output folder is already built.
const loadingAstro = alreadyBuilt ? undefined : import("astro");
// Awaited only after the data check, which may stop the build first.
loadingAstro?.catch(() => {});
// Stops the process when the data check fails, whatever else is under way: the staging folder
// is deleted, and nothing is published.
const checked = worker.checked.then(reportDataCheck, async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`build failed while checking ${directory}: ${outDir} was left as it was`);
  return stopBuild();
});

if (alreadyBuilt) {
  await checked;
  console.log(
    `site: ${outDir} is already built from these data and this code, so it was left as it is ` +
      "(npm run build -- --force builds it again)",
  );
  // Exiting stops the worker if it is still drawing charts, and the chart cache writes each chart
  // whole or not at all.
  await outputWritten();
  process.exit(0);
}

// Once the new site starts to replace the old one, an interrupt waits for the build to finish, so
// the output folder is never left missing or without its record.
let publishing = false;
let interruptedWhilePublishing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (publishing) {
      interruptedWhilePublishing = true;
      return;
    }
    console.error(`build interrupted: ${outDir} was left as it was`);
    void stopBuild();
  });
}
// Astro bundles the site while the worker may still be checking the data: the pages wait for the
// checked data set before they read any. They leave the charts they lack to this script.
expectDataset();
const handOver = openChartHandOver(chartsFromWorker);
const { build } = await (loadingAstro ?? import("astro"));
const building = build({ root: resolve("."), outDir: stagingDir, logLevel: "warn" });
// Awaited below, after the data check.
building.catch(() => {});
const dataset = await checked;
if (inputsUnknown !== undefined) {
  console.error(
    `warning: the build's inputs could not be read for its record (${inputsUnknown}), ` +
      "so no record is written and the next build may run Astro again even if nothing changes",
  );
}
rememberDataset(dataset);
try {
  await building;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`build failed: ${outDir} was left as it was`);
  await stopBuild();
}

removeEmptyContentModules(stagingDir);
// Pages rendered before the worker reached their charts contain placeholders for them. This
// thread is free now, so it draws the charts still missing from one end and the worker from the
// other.
let filledPages = new Map<string, Uint8Array>();
try {
  await drawUnsentCharts(handOver, () => import("../src/charts/draw-plot.ts"));
  worker.stopDrawing();
  filledPages = fillChartPlaceholdersInFolder(stagingDir, handOver);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`build failed while putting the charts in the pages: ${outDir} was left as it was`);
  await stopBuild();
}
closeChartHandOver();
// Hashed before it is published, so an edit to the published folder afterwards fails to match.
const output = fingerprintOutput(stagingDir, filledPages);
publishing = true;
if (existsSync(outDir)) rmSync(outDir, { recursive: true });
renameSync(stagingDir, outDir);
// The worker saves its charts to the disk cache as it exits, which the marker below relies on.
await worker.stopped;
markEveryChartDrawn(dataset);
if (inputs !== undefined && output !== undefined) {
  saveBuildRecord(recordPath, { inputs, output });
} else if (output === undefined) {
  console.error(
    `warning: ${outDir} contains something other than files and folders, ` +
      "so no build record is written and the next build runs Astro again",
  );
}
if (interruptedWhilePublishing) {
  console.error(`build interrupted after the new site was written to ${outDir}`);
  await outputWritten();
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`site: written to ${outDir} in ${seconds} s`);

/**
 * Prints the data check's problems, and stops the build when any is an error. Returns the
 * checked data set.
 */
async function reportDataCheck(result: LoadResult): Promise<Dataset> {
  for (const problem of [...result.problems].sort(compareProblems))
    console.error(formatProblem(problem));
  const errors = countErrors(result.problems);
  const warnings = result.problems.length - errors;
  if (!result.dataset) {
    console.error(
      `build stopped: ${errors} error${errors === 1 ? "" : "s"} in ${directory}; nothing was published`,
    );
    return stopBuild();
  }
  console.log(
    `data: ${result.filesRead} files read from ${directory}, ` +
      `${result.dataset.months.length} month${result.dataset.months.length === 1 ? "" : "s"}, ` +
      `${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  return result.dataset;
}

/** Deletes the staging folder and exits with a failure, once everything printed is written out. */
async function stopBuild(): Promise<never> {
  rmSync(stagingDir, { recursive: true, force: true });
  await outputWritten();
  process.exit(1);
}
