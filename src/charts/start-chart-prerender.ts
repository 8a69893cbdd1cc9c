import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Dataset } from "../data/load.ts";
import { chartCacheDirectory, chartCodeVersion } from "./chart-cache.ts";
import type { PrerenderWorkerData } from "./chart-prerender-worker.ts";

/**
 * Starts drawing every chart of the site into the chart cache on a worker thread, while Astro
 * loads and bundles the site on the main thread. A page then reads its charts from the cache, and
 * draws any the worker has not reached yet itself. `workerScript` is chart-prerender-worker.ts
 * compiled to JavaScript.
 *
 * Does nothing on a single core, when the chart cache is off, or when a worker already drew
 * every chart of the same data with the same chart code.
 */
export function startChartPrerender(dataset: Dataset, workerScript: URL): void {
  const directory = chartCacheDirectory();
  const version = chartCodeVersion();
  if (availableParallelism() < 2 || directory === undefined || version === undefined) return;
  const fingerprint = createHash("sha256").update(version).update(serialize(dataset));
  const doneMarker = join(directory, `.prerendered-${fingerprint.digest("hex")}`);
  if (existsSync(doneMarker)) return;

  const workerData: PrerenderWorkerData = { dataset, doneMarker };
  const worker = new Worker(workerScript, { workerData });
  worker.on("error", (error) => {
    console.error(`chart prerender failed, so the pages draw their charts: ${error.message}`);
  });
  // The build ends when Astro is done, whether or not the worker is.
  worker.unref();
}
