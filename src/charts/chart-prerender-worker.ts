// The worker thread started by startChartPrerender. scripts/build.mjs compiles this file beside
// the build script, which is where startChartPrerender looks for it.
import { writeFileSync } from "node:fs";
import { workerData } from "node:worker_threads";
import type { Dataset } from "../data/load.ts";
import { viewIndicatorPage } from "../site/indicator-page.ts";
import { viewMonth } from "../site/month-view.ts";

export interface PrerenderWorkerData {
  dataset: Dataset;
  /** Written when every chart is drawn. */
  doneMarker: string;
}

const { dataset, doneMarker } = workerData as PrerenderWorkerData;
// Building a view draws its charts into the chart cache. Astro renders the month pages from the
// oldest month on, then the indicator pages; this thread starts at the other end, so the two
// rarely draw the same chart and meet about halfway.
for (const indicator of [...dataset.catalogue.indicators].reverse()) {
  viewIndicatorPage(dataset, indicator);
}
for (const month of [...dataset.months].reverse()) viewMonth(dataset, month);
writeFileSync(doneMarker, "");
