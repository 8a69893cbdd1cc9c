import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { chartCacheDirectory, chartCodeVersion } from "../../src/charts/chart-cache.ts";
import type { Dataset } from "../../src/data/load.ts";
import { viewIndicatorPage } from "../../src/site/indicator-page.ts";
import { viewMonth } from "../../src/site/month-view.ts";

/**
 * Draws every chart of the site into the chart cache, on the build's worker thread while Astro
 * bundles the site on the main thread. A page then reads its charts from the cache and draws any
 * this has not reached yet itself.
 *
 * Does nothing on a single core, where the two threads would only take turns, when the chart
 * cache is off, or when every chart of the same data is in the cache already (see
 * markEveryChartDrawn).
 */
export function drawEveryChart(dataset: Dataset): void {
  const marker = everyChartDrawnMarker(dataset);
  if (availableParallelism() < 2 || marker === undefined || existsSync(marker)) return;

  // Building a view draws its charts. Astro renders the month pages from the oldest month on,
  // then the indicator pages, so this starts at the other end: the two threads rarely draw the
  // same chart, and meet about halfway.
  for (const indicator of [...dataset.catalogue.indicators].reverse()) {
    viewIndicatorPage(dataset, indicator);
  }
  for (const month of [...dataset.months].reverse()) viewMonth(dataset, month);
  writeFileSync(marker, "");
}

/**
 * Records that the chart cache holds every chart of a data set, drawn by the current chart code,
 * so the next build of the same data starts no drawing. Called after a build, whose pages drew
 * whatever the worker had not.
 */
export function markEveryChartDrawn(dataset: Dataset): void {
  const marker = everyChartDrawnMarker(dataset);
  if (marker === undefined) return;
  // A data set without a single chart leaves no cache folder behind.
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, "");
}

/**
 * Returns the marker file's path, or undefined without a cache. Its name is a hash of the chart
 * code's version and of every file in the data folder, from which the data set was read.
 */
function everyChartDrawnMarker(dataset: Dataset): string | undefined {
  const directory = chartCacheDirectory();
  const version = chartCodeVersion();
  if (directory === undefined || version === undefined) return undefined;
  const fingerprint = createHash("sha256").update(version);
  const entries = readdirSync(dataset.directory, { withFileTypes: true });
  for (const name of entries
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()) {
    fingerprint.update(`\n${name}\n`).update(readFileSync(join(dataset.directory, name)));
  }
  return join(directory, `.prerendered-${fingerprint.digest("hex")}`);
}
