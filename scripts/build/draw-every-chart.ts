import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
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
 * cache is off, or when every chart of the same data was drawn before with the same chart code.
 */
export function drawEveryChart(dataset: Dataset): void {
  const directory = chartCacheDirectory();
  const version = chartCodeVersion();
  if (availableParallelism() < 2 || directory === undefined || version === undefined) return;
  const fingerprint = createHash("sha256").update(version).update(serialize(dataset));
  const doneMarker = join(directory, `.prerendered-${fingerprint.digest("hex")}`);
  if (existsSync(doneMarker)) return;

  // Building a view draws its charts. Astro renders the month pages from the oldest month on,
  // then the indicator pages, so this starts at the other end: the two threads rarely draw the
  // same chart, and meet about halfway.
  for (const indicator of [...dataset.catalogue.indicators].reverse()) {
    viewIndicatorPage(dataset, indicator);
  }
  for (const month of [...dataset.months].reverse()) viewMonth(dataset, month);
  writeFileSync(doneMarker, "");
}
