// Kept apart from chart-prerender.ts, which the pages import, because Vite treats
// `new URL(path, import.meta.url)` in bundled code as an asset of the build.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Dataset } from "../data/load.ts";
import { chartCacheDirectory } from "./chart-cache.ts";
import { PRERENDER_STATE_KEY, type PrerenderState } from "./chart-prerender.ts";

/**
 * Starts drawing every chart of the site into the chart cache on a worker thread, while Astro
 * bundles the site on the main thread, so that the pages find their charts drawn. Does nothing
 * on a single core or when the chart cache is off.
 */
export function startChartPrerender(dataset: Dataset): void {
  if (availableParallelism() < 2 || chartCacheDirectory() === undefined) return;
  const stopped = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(new URL("./chart-prerender-worker.mjs", import.meta.url), {
    workerData: { dataset, stopped },
  });
  worker.on("error", (error) => {
    console.error(`chart prerender failed, so the pages draw their charts: ${error.message}`);
  });
  worker.unref();
  (globalThis as { [PRERENDER_STATE_KEY]?: PrerenderState })[PRERENDER_STATE_KEY] = { stopped };
}
