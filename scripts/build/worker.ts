// The build's worker thread. It checks the data files and sends the result to the build script,
// which loads Astro meanwhile, then draws every chart of the site and sends each page's charts as
// it goes. scripts/build.mjs compiles this file beside the build script, as build-worker.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { loadDataset } from "../../src/data/load.ts";
import { shouldDrawEveryChart } from "./every-chart-drawn.ts";
import { lowerThreadPriority } from "./lower-thread-priority.ts";
import type { BuildWorkerData, BuildWorkerMessage } from "./start-build-worker.ts";

const send = (message: BuildWorkerMessage) => parentPort!.postMessage(message);
const { directory, stopDrawing } = workerData as BuildWorkerData;
const result = loadDataset(directory);
send({ kind: "checked", result });
if (result.dataset && shouldDrawEveryChart(result.dataset)) {
  // Astro renders the pages on the main thread, and a build ends when its last page is written,
  // so drawing yields the cores to it. A page rendered before its chart was sent holds a
  // placeholder, which the build fills in before publishing.
  lowerThreadPriority();
  // Loaded only now, so that Plot and linkedom do not delay the data check.
  const { onNewChart } = await import("../../src/charts/render.ts");
  const { drawEveryChart } = await import("./draw-every-chart.ts");
  let charts: [string, string][] = [];
  onNewChart((key, svg) => charts.push([key, svg]));
  const stopFlag = new Int32Array(stopDrawing);
  drawEveryChart(
    result.dataset,
    () => {
      if (charts.length > 0) send({ kind: "charts", charts });
      charts = [];
    },
    () => Atomics.load(stopFlag, 0) === 1,
  );
}
