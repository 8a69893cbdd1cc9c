import { Worker } from "node:worker_threads";
import type { LoadResult } from "../../src/data/load.ts";

export interface BuildWorkerData {
  /** The folder of data files to check. */
  directory: string;
}

/**
 * Checks the data files in a folder on a worker thread, so that the calling thread can load
 * Astro at the same time, and resolves with the result. `workerScript` is worker.ts compiled to
 * JavaScript. The worker goes on to draw the site's charts, and the process does not wait for it.
 */
export function checkDataInWorker(directory: string, workerScript: URL): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const workerData: BuildWorkerData = { directory };
    const worker = new Worker(workerScript, { workerData });
    let checked = false;
    worker.once("message", (result: LoadResult) => {
      checked = true;
      worker.unref();
      resolve(result);
    });
    worker.on("error", (error) => {
      if (!checked) reject(error);
      else console.error(`drawing charts ahead failed, so the pages draw them: ${error.message}`);
    });
    worker.once("exit", (code) => {
      if (!checked) reject(new Error(`the data check stopped with exit code ${code}`));
    });
  });
}
