// Worker thread of startChartPrerender: registers tsx, which this thread needs to load the
// project's TypeScript, then draws every chart the site shows into the chart cache.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { prerenderCharts } = await import("./chart-prerender-worker-task.ts");
prerenderCharts(workerData.dataset, workerData.stopped, workerData.doneMarker);
