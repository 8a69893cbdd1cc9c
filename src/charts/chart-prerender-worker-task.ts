import { writeFileSync } from "node:fs";
import type { Dataset } from "../data/load.ts";
import { viewIndicatorPage } from "../site/indicator-page.ts";
import { viewMonth } from "../site/month-view.ts";
import { markPrerenderStopped } from "./chart-prerender.ts";

/**
 * Builds every view that has charts, which draws each chart into the chart cache, and writes
 * `doneMarker` when all are drawn. Marks the prerender as stopped, also when drawing failed.
 */
export function prerenderCharts(dataset: Dataset, stopped: Int32Array, doneMarker: string): void {
  try {
    for (const month of dataset.months) viewMonth(dataset, month);
    for (const indicator of dataset.catalogue.indicators) viewIndicatorPage(dataset, indicator);
    writeFileSync(doneMarker, "");
  } finally {
    markPrerenderStopped(stopped);
  }
}
