import { existsSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Dataset } from "../../src/data/load.ts";
import { viewIndicatorPage } from "../../src/site/indicator-page.ts";
import { viewMonth } from "../../src/site/month-view.ts";
import { everyChartDrawnMarker } from "./every-chart-drawn.ts";

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
