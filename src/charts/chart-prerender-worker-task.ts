import type { Dataset } from "../data/load.ts";
import { viewIndicatorPage } from "../site/indicator-page.ts";
import { viewMonth } from "../site/month-view.ts";
import { markPrerenderStopped } from "./chart-prerender.ts";

/**
 * Builds every view that has charts, which draws each chart into the chart cache, then marks the
 * prerender as stopped, also when drawing failed.
 */
export function prerenderCharts(dataset: Dataset, stopped: Int32Array): void {
  try {
    for (const month of dataset.months) viewMonth(dataset, month);
    for (const indicator of dataset.catalogue.indicators) viewIndicatorPage(dataset, indicator);
  } finally {
    markPrerenderStopped(stopped);
  }
}
