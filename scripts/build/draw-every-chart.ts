import type { Dataset } from "../../src/data/load.ts";
import { viewIndicatorPage } from "../../src/site/indicator-page.ts";
import { viewMonth } from "../../src/site/month-view.ts";

/**
 * Draws every chart of the site, a page at a time, calling `afterEachPage` after each: the month
 * pages from the oldest, then the indicator pages, the order in which Astro renders them, so that
 * the charts of the first pages are ready first. Stops before the next page once `isStopped`
 * returns true.
 */
export function drawEveryChart(
  dataset: Dataset,
  afterEachPage: () => void,
  isStopped: () => boolean = () => false,
): void {
  // Building a page's view draws its charts.
  const drawPages = [
    ...dataset.months.map((month) => () => viewMonth(dataset, month)),
    ...dataset.catalogue.indicators.map((indicator) => () => viewIndicatorPage(dataset, indicator)),
  ];
  for (const drawPage of drawPages) {
    if (isStopped()) return;
    drawPage();
    afterEachPage();
  }
}
