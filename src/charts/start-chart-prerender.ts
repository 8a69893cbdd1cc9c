// Kept apart from chart-prerender.ts, which the pages import, because Vite treats
// `new URL(path, import.meta.url)` in bundled code as an asset of the build.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Dataset } from "../data/load.ts";
import { chartCacheDirectory, chartCodeVersion } from "./chart-cache.ts";
import { PRERENDER_STATE_KEY, type PrerenderState } from "./chart-prerender.ts";

/**
 * Starts drawing every chart of the site into the chart cache on a worker thread, while Astro
 * bundles the site on the main thread, so that the pages find their charts drawn. Does nothing
 * on a single core, when the chart cache is off, or when a worker already drew every chart of
 * the same data with the same chart code.
 */
export function startChartPrerender(dataset: Dataset): void {
  const directory = chartCacheDirectory();
  const version = chartCodeVersion();
  if (availableParallelism() < 2 || directory === undefined || version === undefined) return;
  const fingerprint = createHash("sha256").update(version).update(serialize(dataset));
  const doneMarker = join(directory, `.prerendered-${fingerprint.digest("hex")}`);
  if (existsSync(doneMarker)) return;

  const stopped = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(new URL("./chart-prerender-worker.mjs", import.meta.url), {
    workerData: { dataset, stopped, doneMarker },
  });
  worker.on("error", (error) => {
    console.error(`chart prerender failed, so the pages draw their charts: ${error.message}`);
  });
  worker.unref();
  (globalThis as { [PRERENDER_STATE_KEY]?: PrerenderState })[PRERENDER_STATE_KEY] = { stopped };
}
