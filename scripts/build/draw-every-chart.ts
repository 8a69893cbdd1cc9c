import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Dataset } from "../../src/data/load.ts";
import { viewIndicatorPage } from "../../src/site/indicator-page.ts";
import { viewMonth } from "../../src/site/month-view.ts";
import { everyChartDrawnMarker } from "./every-chart-drawn.ts";

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
 * Draws every chart of the site, a page at a time, calling `afterEachPage` after each: the month
 * pages from the oldest, then the indicator pages, the order in which Astro renders them, so that
 * the charts of the first pages are ready first.
 */
export function drawEveryChart(dataset: Dataset, afterEachPage: () => void): void {
  // Building a page's view draws its charts.
  for (const month of dataset.months) {
    viewMonth(dataset, month);
    afterEachPage();
  }
  for (const indicator of dataset.catalogue.indicators) {
    viewIndicatorPage(dataset, indicator);
    afterEachPage();
  }
}
