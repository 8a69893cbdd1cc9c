/**
 * Prints, as JSON, the nice values of this process's main thread and of a worker thread that
 * called lowerThreadPriority, and what that call returned.
 */
import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";

const mainBefore = getPriority();
const worker = new Worker(new URL("./lower-priority-in-worker.mjs", import.meta.url));
const fromWorker = await new Promise<object>((resolve, reject) => {
  worker.once("message", resolve);
  worker.once("error", reject);
});
process.stdout.write(JSON.stringify({ mainBefore, mainAfter: getPriority(), ...fromWorker }));
