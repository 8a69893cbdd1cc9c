import type { Dataset } from "../../src/data/load.ts";
import { viewIndicatorPage } from "../../src/site/indicator-page.ts";
import { viewMonth } from "../../src/site/month-view.ts";

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
