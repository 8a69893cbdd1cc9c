import { Worker } from "node:worker_threads";
import type { LoadResult } from "../../src/data/load.ts";

export interface BuildWorkerData {
  /** The folder of data files to check. */
  directory: string;
  /** One Int32 the build sets to 1 when the worker should stop drawing, before its next page. */
  stopDrawing: SharedArrayBuffer;
}

/** The messages the worker sends, in order: one "checked", then any number of "charts". */
export type BuildWorkerMessage =
  | { kind: "checked"; result: LoadResult }
  | {
      kind: "charts";
      /** Charts the worker drew or read from the chart cache, each as its key and its SVG. */
      charts: [string, string][];
    };

export interface BuildWorker {
  /** Resolves with the data check's result. */
  checked: Promise<LoadResult>;
  /** Resolves when the worker has stopped, whether it drew every chart or failed to. */
  stopped: Promise<void>;
  /** Asks the worker to draw no further page. It then exits and saves the charts it drew. */
  stopDrawing(): void;
}

/**
 * Starts the build's worker thread on a data folder. It checks the data files, so that the
 * calling thread can load Astro at the same time, and then draws the site's charts, unless the
 * chart cache holds them all (see every-chart-drawn.ts), handing each batch to `onCharts`. `workerScript` is worker.ts compiled to JavaScript.
 */
export function startBuildWorker(
  directory: string,
  workerScript: URL,
  onCharts: (charts: [string, string][]) => void,
): BuildWorker {
  const workerData: BuildWorkerData = { directory, stopDrawing: new SharedArrayBuffer(4) };
  const worker = new Worker(workerScript, { workerData });
  const stopped = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const checked = new Promise<LoadResult>((resolve, reject) => {
    let hasChecked = false;
    worker.on("message", (message: BuildWorkerMessage) => {
      if (message.kind === "charts") {
        onCharts(message.charts);
      } else {
        hasChecked = true;
        resolve(message.result);
      }
    });
    worker.on("error", (error) => {
      if (!hasChecked) reject(error);
      else
        console.error(`drawing charts ahead failed, so the build draws the rest: ${error.message}`);
    });
    worker.once("exit", (code) => {
      if (!hasChecked) reject(new Error(`the data check stopped with exit code ${code}`));
    });
  });
  return {
    checked,
    stopped,
    stopDrawing: () => Atomics.store(new Int32Array(workerData.stopDrawing), 0, 1),
  };
}
