// The build's worker thread. It checks the data files and sends the result to the build script,
// which loads Astro meanwhile, then draws the site's charts while Astro bundles the site.
// scripts/build.mjs compiles this file beside the build script, as build-worker.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { loadDataset } from "../../src/data/load.ts";
import type { BuildWorkerData } from "./check-data-in-worker.ts";
import { drawEveryChart } from "./draw-every-chart.ts";

const { directory } = workerData as BuildWorkerData;
const result = loadDataset(directory);
parentPort!.postMessage(result);
if (result.dataset) drawEveryChart(result.dataset);
