import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import {
  chartCacheDirectory,
  chartCodeVersion,
  chartPackPath,
} from "../../src/charts/chart-cache.ts";
import { isDataFileName } from "../../src/data/data-file-name.ts";
import type { Dataset } from "../../src/data/load.ts";

// Kept apart from draw-every-chart.ts, which imports Plot and linkedom through the page views. The
// build script's main thread only marks, and the worker decides whether to draw before it loads
// them: loading those packages took about 0.7 s on two cores.

/**
 * Whether the build's worker should draw every chart of the site while Astro renders the pages.
 * Not on a single core, where the two threads would only take turns, and not when the chart cache
 * holds every chart of the same data already (see markEveryChartDrawn), so that an unchanged
 * rebuild draws nothing.
 */
export function shouldDrawEveryChart(dataset: Dataset): boolean {
  if (availableParallelism() < 2) return false;
  const marker = everyChartDrawnMarker(dataset);
  return marker === undefined || !existsSync(marker);
}

/**
 * Records that the chart cache holds every chart of a data set, drawn by the current chart code,
 * so the next build of the same data starts no drawing. Called after a build has put every
 * chart into its pages.
 */
export function markEveryChartDrawn(dataset: Dataset): void {
  try {
    const marker = everyChartDrawnMarker(dataset);
    if (marker === undefined) return;
    // No pack means the data have no chart, or saving the pack failed with a warning. A marker
    // would then stop the next build's worker, and every chart would be drawn after Astro.
    if (!statSync(chartPackPath(dirname(marker)), { throwIfNoEntry: false })?.isFile()) return;
    writeFileSync(marker, "");
  } catch (error) {
    // The site is published by now, and without the marker the next build only draws again.
    console.error(
      `warning: the chart cache could not record this build's charts (${error instanceof Error ? error.message : error}), so the next build draws them again`,
    );
  }
}

/**
 * Returns the marker file's path, or undefined without a cache. Its name is a hash of the chart
 * code's version and of the data files the data set was read from.
 */
export function everyChartDrawnMarker(dataset: Dataset): string | undefined {
  const directory = chartCacheDirectory();
  const version = chartCodeVersion();
  if (directory === undefined || version === undefined) return undefined;
  const fingerprint = createHash("sha256").update(version);
  const entries = readdirSync(dataset.directory, { withFileTypes: true });
  for (const name of entries
    .filter((entry) => entry.isFile() && isDataFileName(entry.name))
    .map((entry) => entry.name)
    .sort()) {
    fingerprint.update(`\n${name}\n`).update(readFileSync(join(dataset.directory, name)));
  }
  return join(directory, `.prerendered-${fingerprint.digest("hex")}`);
}
